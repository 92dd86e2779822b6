package textsearch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	bdoc "github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/util"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	zap "github.com/blevesearch/zapx/v17"
	"golang.org/x/sync/errgroup"

	"github.com/poisehq/poise/internal/atomicfile"
)

// offlineBatch is the number of documents per segment of an offline
// build. Each worker holds one segment's documents, analysed, until it is
// written, so this bounds a build's live memory. On the issue 10 vault
// (55,000 documents, two workers) 2,500 allocated as much as 4,000 or
// 12,000 (fewer, larger segments share terms but make larger interim
// tables, and the final merge cost no less) and held a live heap of about
// 260 MB at its peak, under the 285 MB of scorch.Builder's pipeline;
// 4,000 held about 290 MB.
const offlineBatch = 2500

// indexMetaName holds indexMeta, what bleve.Open reads to know an index's
// kind; bleve's own NewBuilder writes the same.
const (
	indexMetaName = "index_meta.json"
	indexMeta     = `{"storage":"scorch","index_type":"scorch"}`
)

// buildOffline builds c into a new index at path: its documents are cut
// into segments of size, each made, analysed and written to a file by one
// of as many workers as there are cores, and the segments are merged once
// into the index's one segment, in document order, with the snapshot
// scorch.Builder would write (see writeRoot). It is what scorch.Builder
// does, whose segments were written by one goroutine, a third of a large
// build's time on a path nothing else could share; there is no live
// index's snapshots, background persisting and repeated merges either.
// The index it leaves is one segment, the quickest to open and search.
//
// The merge is a build's one part on one core (on the issue 10 vault 1.2
// to 1.5 of about 9 CPU-s, 350 MB of 1.35 GB allocated), but leaving the
// segments unmerged costs every query after: Bleve looks each term and
// dictionary up segment by segment, a goroutine each. On the 10,000-item
// BenchmarkQuery, CPU per query for one-word, three-words-typo, prefix and
// filtered-faceted was 0.71, 1.22, 1.28, 0.83 ms on one segment (0.75,
// 1.19, 1.30, 0.88 unmerged: it is the count that costs), 0.88, 1.29,
// 2.15, 0.92 ms on two (p99 of prefix 3.4 against 7.6 ms, over the 5 ms
// target) and 1.04, 2.33, 2.63, 1.58 on four. Larger segments, fewer to
// merge, cost more than they save: 5,000 documents a segment allocated
// 1.34-1.39 GB against 1.34-1.37, wrote them with 8.7 CPU-s against
// 6.8-7.5, merged them no faster and peaked at 675-705 MB against 525-550;
// 1,250 a segment saved 20 MB and nothing else and merged 0.2 s slower.
// Merging each half of the segments on its own core, then the two halves,
// took 2.8-3.8 CPU-s and 270 MB more than one merge of them all: the last
// merge of two costs as much as that one, and each level writes it all.
//
// hooks.Unmerged, if set, is given an index over the segments once all
// are written (openUnmerged), which answers as the merged one will, for
// the time of the merge (on the issue 10 vault 0.8-1.3 s of a first
// build); it is the caller's to close. The segment files are removed once
// merged all the same: an index open on them reads on (Linux, macOS).
func buildOffline(ctx context.Context, path string, im *mapping.IndexMappingImpl, c *Corpus, hooks BuildHooks, size int) (*synonyms, error) {
	progress, unmerged := hooks.Progress, hooks.Unmerged
	syn, err := synonymsFor(im, c.Synonyms)
	if err != nil {
		return nil, err
	}
	defer forgetLanguageStems()
	db, err := newDocBuilder(im)
	if err != nil {
		return nil, err
	}
	mappingJSON, err := util.MarshalJSON(im)
	if err != nil {
		return nil, fmt.Errorf("encode index mapping: %w", err)
	}
	// Corpus.Internal is kept beside the index (see valueStore).
	internal := map[string][]byte{string(util.MappingInternalKey): mappingJSON}
	if c.Hash != "" {
		internal[string(hashKey)] = []byte(c.Hash)
	}
	store := filepath.Join(path, "store")
	// The segments are written in the store of an index of their own,
	// which openUnmerged opens. It is inside the build's directory, which
	// nothing opens (buildPrefix), and removed once merged.
	unmergedDir := filepath.Join(path, "segments")
	parts := filepath.Join(unmergedDir, "store")
	for _, dir := range []string{store, parts} {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("create index %s: %w", path, err)
		}
	}
	// Synced like the segment and the root: the folder is renamed into
	// place once built, and a crash just after must not leave this file
	// empty (the index would be rebuilt).
	if err := atomicfile.Write(filepath.Join(path, indexMetaName), []byte(indexMeta), 0o600); err != nil {
		return nil, fmt.Errorf("create index %s: %w", path, err)
	}
	synDocs, err := synonymDocuments(im, syn)
	if err != nil {
		return nil, err
	}
	// The values kept with the index (valueStore) are encoded, written and
	// synced on a goroutine of their own, and the root that names the
	// merged segment after them, begun as soon as a segment writer has no
	// segment left to take: while the other writes the last, that core
	// would idle, and the merge after keeps one core busy and the other
	// half so. On the issue 10 vault (6,400 values, 5 MB) that is 0.1-0.25
	// CPU-s and three syncs; begun with the merge, as before, it took the
	// merge's second core from the merge's own helpers (patch 7 of
	// third_party/zapx). It is waited for, even when the build failed, so
	// that the caller's removal of path does not race it.
	values := make(chan error, 1)
	var handed chan map[string][]byte // the values, for the unmerged index
	if unmerged != nil {
		handed = make(chan map[string][]byte, 1)
	}
	var valuesBegun atomic.Bool
	startValues := sync.OnceFunc(func() {
		valuesBegun.Store(true)
		if hooks.LastSegment != nil {
			go hooks.LastSegment()
		}
		go func() {
			m := c.internal()
			if handed != nil {
				handed <- m
			}
			err := writeValues(filepath.Join(path, valuesName), c.Hash, m)
			if err == nil {
				err = writeRoot(store, internal)
			}
			values <- err
		}()
	})
	files, err := writeSegments(ctx, parts, db, c, synDocs, progress, size, startValues)
	if err != nil {
		if valuesBegun.Load() {
			<-values
		}
		return nil, err
	}
	startValues() // if no writer ran out before the last segment was written
	if unmerged != nil {
		// An index that cannot be opened so is no failure of the build:
		// search just waits for the merge, as it did.
		if e, err := openUnmerged(unmergedDir, files, internal, c, handed); err == nil {
			unmerged(e)
		}
	}
	err = mergeSegments(ctx, files, filepath.Join(store, rootSegmentFile))
	if verr := <-values; err == nil {
		err = verr
	}
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("write index %s: %w", path, err)
	}
	if err := os.RemoveAll(unmergedDir); err != nil {
		return nil, fmt.Errorf("write index %s: %w", path, err)
	}
	return syn, nil
}

// openUnmerged opens, read-only, the index of dir whose store holds the
// segment files of an offline build (writeSegments), before they are
// merged: a snapshot of them all in order, so its documents have the
// numbers they get in the merged segment, with internal, the merged
// index's values in Bleve, and the values kept beside it as the build
// hands them over. Searches give the same hits, scores, totals, facet
// counts and snippets as on the merged index: scorch reads terms, their
// document counts and the documents' values across segments, and what
// Poise reads itself is made independent of how an index is cut into
// segments (see steadyScore, minHeap, facetTable, TestUnmergedAnswersAsMerged).
// A query costs more on it, a lookup per segment (see buildOffline on
// the cost of segments), but only while the merge runs.
func openUnmerged(dir string, files []string, internal map[string][]byte, c *Corpus, values <-chan map[string][]byte) (*Index, error) {
	// Not synced, unlike the index's own: nothing opens it after a crash.
	if err := os.WriteFile(filepath.Join(dir, indexMetaName), []byte(indexMeta), 0o600); err != nil {
		return nil, fmt.Errorf("open unmerged index: %w", err)
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = filepath.Base(f)
	}
	if err := writeSnapshot(filepath.Join(dir, "store"), internal, names); err != nil {
		return nil, fmt.Errorf("open unmerged index: %w", err)
	}
	e, err := OpenStored(dir, c, true, DefaultOpenTimeout)
	if err != nil {
		return nil, err
	}
	e.values = &valueStore{handed: values}
	return e, nil
}

// synonymDocuments is syn's sets as the documents of the index's
// synonym collection.
func synonymDocuments(im *mapping.IndexMappingImpl, syn *synonyms) ([]index.Document, error) {
	docs := make([]index.Document, 0, len(syn.definitions()))
	for i, words := range syn.definitions() {
		doc := bdoc.NewSynonymDocument(synonymID(i))
		if err := im.MapSynonymDocument(doc, synonymColl, nil, words); err != nil {
			return nil, fmt.Errorf("index synonym set %d: %w", i, err)
		}
		docs = append(docs, doc)
	}
	return docs, nil
}

// writeSegments writes c's documents into segment files in dir, at most
// size documents each, the synonym documents first in the first, and
// returns the files in document order. Each worker makes, analyses and
// writes whole segments, so only one segment's documents per core are
// held. idle, if set, is called by each worker that finds no segment left
// to write (the first while others still write theirs); it must be safe
// to call from several goroutines and more than once.
func writeSegments(ctx context.Context, dir string, db *docBuilder, c *Corpus, synDocs []index.Document, progress func(done, total int), size int, idle func()) ([]string, error) {
	total := c.Len
	n := segmentCount(total, max(size, 1), max(1, runtime.GOMAXPROCS(0)))
	files := make([]string, n)
	var (
		next atomic.Int64
		mu   sync.Mutex
		done int
	)
	if progress != nil {
		progress(0, total)
	}
	// The fields every segment is padded with (index_pad.go).
	pads := append(segmentPads(db), synonymPads(synDocs)...)
	g, gctx := errgroup.WithContext(ctx)
	for range min(n, max(1, runtime.GOMAXPROCS(0))) {
		g.Go(func() error {
			scratch := &buildScratch{}
			writer := segmentPlugin.NewSegmentWriter()
			for {
				k := int(next.Add(1) - 1)
				if k >= n {
					if idle != nil {
						idle()
					}
					return nil
				}
				from, to := k*total/n, (k+1)*total/n
				var lead []index.Document
				if k == 0 {
					lead = synDocs
				}
				file := filepath.Join(dir, fmt.Sprintf("%08x.zap", k))
				if err := writeSegment(gctx, file, db, scratch, writer, c, lead, pads, from, to); err != nil {
					return err
				}
				files[k] = file
				if progress != nil {
					mu.Lock()
					done += to - from
					progress(done, total)
					mu.Unlock()
				}
			}
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return files, nil
}

// segmentCount is how many segments a build of total documents on
// workers cores writes, each of at most size documents: as few as size
// allows, but a multiple of the workers, cut evenly (segment k holds
// documents k*total/n to (k+1)*total/n), so the workers end together
// rather than one waiting idle while the other writes a last full
// segment, which the merge then waits for too. The issue 10 vault's
// 55,802 documents were 22 segments of 2,500 and one of 802 on 2 cores;
// they are 24 of 2,325 or 2,326.
func segmentCount(total, size, workers int) int {
	n := max(1, (total+size-1)/size)
	if w := min(n, workers); n%w != 0 {
		n += w - n%w
	}
	return min(n, max(1, total)) // no segment without documents
}

// writeSegment writes lead and c's documents from..to-1 as one segment to
// file with writer, their fields made in scratch, which is reset once it
// is written, and padded with the fields of pads it lacks (padSegment).
func writeSegment(ctx context.Context, file string, db *docBuilder, scratch *buildScratch, writer *zap.SegmentWriter, c *Corpus, lead []index.Document, pads []fieldPad, from, to int) error {
	defer scratch.reset()
	docs := make([]index.Document, 0, len(lead)+to-from)
	for _, d := range lead {
		d.AddIDField()
		docs = append(docs, analyzed(d))
	}
	for i := from; i < to; i++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		id, d := c.doc(i, scratch)
		if id == "" {
			return fmt.Errorf("index document %d: %w", i, bleve.ErrorEmptyID)
		}
		bd := db.makeDoc(scratch, id, d, c.lean)
		// The id field scorch.Builder adds (Document.AddIDField), in scratch.
		bd.AddField(scratch.field(idFieldName, nil, index.IndexField|index.StoreField, nil, id))
		docs = append(docs, analyzed(bd))
		if i == to-1 {
			padSegment(docs, bd, pads, scratch) // index_pad.go
		}
	}
	if err := writeSegmentFile(writer, docs, file); err != nil {
		return fmt.Errorf("write segment of documents %d-%d: %w", from, to-1, err)
	}
	return nil
}

// writeSegmentFile writes docs, analysed, as one segment to file with
// writer, which lives only until the merge has read it. zapx writes it
// straight to the file (WriteNew, third_party/zapx/PATCHES.md), the same
// bytes its New and WriteTo would, but without growing a buffer of the
// segment's size first: on the issue 10 vault that was 22 buffers, 136 MB
// allocated and cleared, for 68 MB of files. Each build worker has its
// own writer, which keeps zapx's working memory (term dictionaries,
// postings gathered) from one segment to the next (patch 8). The file is
// not synced to disk, as the segment's own Persist does: the merged
// segment is synced, and a crash before leaves a build directory that is
// never opened. A first build of the issue 10 vault writes 24 such files;
// on this project's test machine 22 files of 4 MB took 0.12-0.39 s to
// write synced, 0.02-0.11 s unsynced, time the writers waited. Unsynced,
// a file deleted soon may never reach the disk.
func writeSegmentFile(writer *zap.SegmentWriter, docs []index.Document, file string) (err error) {
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	_, err = writer.WriteNew(docs, f)
	return err
}

// idFieldName is the field of every document's id (bleve's document
// package, AddIDField).
const idFieldName = "_id"

// analyzed is d with every field analysed, as the segment builder wants
// it (scorch.Builder does the same).
func analyzed(d index.Document) index.Document {
	d.VisitFields(func(f index.Field) {
		if f.Options().IsIndexed() {
			f.Analyze()
		}
	})
	return d
}

// mergeSegments merges the segment files into one at out, their documents
// in the order given; a single file is moved there. The files merged are
// left for the caller to remove. A cancelled ctx stops the merge.
func mergeSegments(ctx context.Context, files []string, out string) error {
	if len(files) == 1 {
		if err := os.Rename(files[0], out); err != nil {
			return err
		}
		return dropFromPageCache(out) // page_cache.go
	}
	segs := make([]segment.Segment, 0, len(files))
	defer func() {
		for _, s := range segs {
			s.Close()
		}
	}()
	for _, f := range files {
		s, err := segmentPlugin.Open(f)
		if err != nil {
			return fmt.Errorf("open segment %s: %w", filepath.Base(f), err)
		}
		segs = append(segs, s)
	}
	stop := make(chan struct{})
	defer context.AfterFunc(ctx, func() { close(stop) })()
	drops := make([]*roaring.Bitmap, len(segs))
	if _, _, err := segmentPlugin.Merge(segs, drops, out, stop, nil); err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return errors.Join(ctxErr, err)
		}
		return fmt.Errorf("merge segments: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return dropFromPageCache(out) // page_cache.go
}
