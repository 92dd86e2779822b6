package textsearch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"github.com/blevesearch/bleve/v2"
	bdoc "github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/util"
	"golang.org/x/sync/errgroup"
)

// offlineBatch is the number of documents per segment of an offline
// build. Larger segments share more of their terms, so fewer term lists
// are written and merged; the documents of one segment are held,
// analysed, until it is written, which bounds it.
const offlineBatch = 4000

// offlineMergeMax merges the segments of an offline build in one pass up
// to this many: a library this large is over 200,000 documents.
const offlineMergeMax = 50

// buildOffline builds c into a new index at path with Bleve's offline
// builder (scorch.Builder) rather than a live index: segments are written
// straight to files and merged once into one at the end, with none of a
// live index's snapshots, background persisting and repeated merges, or
// the copy of every value kept with the index rewritten in each snapshot.
// That more than halved what a large build allocated, and the index it
// leaves is one segment, the quickest to open and search. Documents are
// made and analysed on every core; one goroutine feeds the builder, which
// writes a segment while the next documents are analysed.
func buildOffline(ctx context.Context, path string, im *mapping.IndexMappingImpl, c *Corpus, progress func(done, total int), size int) (*synonyms, error) {
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
	if err := os.MkdirAll(path, 0o700); err != nil {
		return nil, fmt.Errorf("create index %s: %w", path, err)
	}
	// What bleve.Open reads to know the index's kind (bleve's own
	// NewBuilder writes the same).
	if err := os.WriteFile(filepath.Join(path, "index_meta.json"), []byte(`{"storage":"scorch","index_type":"scorch"}`), 0o600); err != nil {
		return nil, fmt.Errorf("create index %s: %w", path, err)
	}
	b, err := scorch.NewBuilder(map[string]interface{}{
		"path":            filepath.Join(path, "store"),
		"buildPathPrefix": path,
		"batchSize":       size,
		"mergeMax":        offlineMergeMax,
		"internal":        internal,
	})
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", path, err)
	}
	// On failure the builder is left unclosed (it has no abort, and
	// closing would write the index): its files are under path, which the
	// caller removes.
	total := c.Len
	if progress != nil {
		progress(0, total)
	}
	for i, words := range syn.definitions() {
		doc := bdoc.NewSynonymDocument(synonymID(i))
		if err := im.MapSynonymDocument(doc, synonymColl, nil, words); err != nil {
			return nil, fmt.Errorf("index synonym set %d: %w", i, err)
		}
		if err := b.Index(doc); err != nil {
			return nil, fmt.Errorf("index synonym set %d: %w", i, err)
		}
	}

	// Spans of documents are made and analysed on every core and handed
	// to the builder in order. The queue holds one span fewer than there
	// are cores: with the span the builder is taking and the segment it
	// writes meanwhile, every core is busy and few documents wait.
	type span struct {
		docs []*bdoc.Document
		err  error
	}
	g, gctx := errgroup.WithContext(ctx)
	queue := make(chan chan span, max(1, runtime.GOMAXPROCS(0)-1))
	g.Go(func() error {
		defer close(queue)
		for from := 0; from < total; from += size {
			out := make(chan span, 1)
			select {
			case queue <- out:
			case <-gctx.Done():
				return nil
			}
			to := min(total, from+size)
			g.Go(func() error {
				docs := make([]*bdoc.Document, 0, to-from)
				for i := from; i < to; i++ {
					if gctx.Err() != nil {
						break
					}
					id, d := c.Doc(i)
					if id == "" {
						out <- span{err: fmt.Errorf("index document %d: %w", i, bleve.ErrorEmptyID)}
						return nil
					}
					bd := db.newBleveDoc(id, d, c.lean)
					analyzeAll(bd)
					docs = append(docs, bd)
				}
				out <- span{docs: docs}
				return nil
			})
		}
		return nil
	})
	g.Go(func() error {
		done := 0
		for out := range queue {
			var sp span
			select {
			case sp = <-out:
			case <-gctx.Done():
				return gctx.Err()
			}
			if sp.err != nil {
				return sp.err
			}
			for _, bd := range sp.docs {
				if err := b.Index(bd); err != nil {
					return fmt.Errorf("index %s: %w", bd.ID(), err)
				}
			}
			done += len(sp.docs)
			if progress != nil {
				progress(done, total)
			}
		}
		return nil
	})
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := b.Close(); err != nil {
		return nil, fmt.Errorf("write index %s: %w", path, err)
	}
	return syn, nil
}
