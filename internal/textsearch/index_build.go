package textsearch

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"golang.org/x/sync/errgroup"
)

// batchSize is the number of documents per batch. Each batch becomes one
// segment; batches are analysed in parallel, one per core, which is what
// keeps a 10,000-item build within seconds on a small machine.
const batchSize = 2500

// balancedBatch is the batch size for total documents on the given number
// of cores: at most size, with the batches a multiple of the cores in
// number, so no core waits alone on the last one (3,000 items on two
// cores are two batches of 1,500, not 2,500 and 500). Larger batches
// were measured to allocate as much and build no faster.
func balancedBatch(total, size, cores int) int {
	if total <= 0 || size <= 0 {
		return max(size, 1)
	}
	cores = max(cores, 1)
	n := (total + size - 1) / size
	n = (n + cores - 1) / cores * cores
	return (total + n - 1) / n
}

// hashKey is where an index records the hash it was built for, so a
// foreign or stale index in the right place is not trusted.
var hashKey = []byte("poise.content-hash")

// Corpus is what a build indexes.
type Corpus struct {
	// Hash identifies the content and how it becomes documents; it should
	// cover MappingVersion. A stored index records it and is reused only
	// for the same hash.
	Hash string
	// Len is the number of documents; Doc makes the i-th when a build
	// needs it, and is called from several goroutines at once.
	Len int
	Doc func(i int) (id string, d Document)
	// DocIn, when set, is used in place of Doc: it may make the
	// document's texts and Stored in m rather than in memory of their own
	// (see DocMemory). m may be nil.
	DocIn func(i int, m *DocMemory) (id string, d Document)
	// Synonyms are groups of words or phrases that mean the same.
	Synonyms [][]string
	// Internal values are kept with the index (see Index.Internal and
	// valueStore), for the same hash.
	Internal map[string][]byte
	// InternalFunc, when set, makes the Internal values instead: a build
	// calls it once, on a goroutine of its own while segments merge,
	// since encoding a large library's values is work a build need not
	// wait for.
	InternalFunc func() map[string][]byte
	// lean leaves out the surface words of titles, signals and meta (see
	// Document.mapped).
	lean bool
}

// internal is the values to keep with the index: Internal, or what
// InternalFunc makes.
func (c *Corpus) internal() map[string][]byte {
	if c.InternalFunc != nil {
		return c.InternalFunc()
	}
	return c.Internal
}

// fill indexes the corpus into bi in batches of size, analysing one batch
// per core at a time, and reports progress as batches complete. The first
// error stops every worker and the hand-out of batches.
func (c *Corpus) fill(ctx context.Context, bi bleve.Index, im *mapping.IndexMappingImpl, syn *synonyms, progress func(done, total int), size int) error {
	total := c.Len
	size = balancedBatch(total, size, runtime.GOMAXPROCS(0))
	var mu sync.Mutex
	done := 0
	report := func(n int) {
		if progress == nil {
			return
		}
		mu.Lock()
		defer mu.Unlock()
		done += n
		progress(done, total)
	}
	if progress != nil {
		progress(0, total)
	}
	type span struct{ from, to int }
	g, gctx := errgroup.WithContext(ctx)
	spans := make(chan span)
	g.Go(func() error {
		defer close(spans)
		for from := 0; from < total || from == 0; from += size {
			select {
			case spans <- span{from, min(total, from+size)}:
			case <-gctx.Done():
				return nil
			}
			if total == 0 {
				break
			}
		}
		return nil
	})
	db, err := newDocBuilder(im)
	if err != nil {
		return err
	}
	workers := max(1, min(runtime.GOMAXPROCS(0), (total+size-1)/size))
	for range workers {
		g.Go(func() error {
			for sp := range spans {
				b := bi.NewBatch()
				if sp.from == 0 {
					if err := indexSynonyms(b, syn); err != nil {
						return err
					}
				}
				for i := sp.from; i < sp.to; i++ {
					id, d := c.doc(i, nil)
					if err := b.IndexAdvanced(db.newBleveDoc(id, d, c.lean)); err != nil {
						return fmt.Errorf("index %s: %w", id, err)
					}
				}
				if err := gctx.Err(); err != nil {
					return err
				}
				if err := bi.Batch(b); err != nil {
					return fmt.Errorf("index batch: %w", err)
				}
				report(sp.to - sp.from)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if c.Hash == "" {
		return nil
	}
	// The hash is recorded after every document. Internal values are
	// kept beside the index (see valueStore), not in it.
	b := bi.NewBatch()
	b.SetInternal(hashKey, []byte(c.Hash))
	if err := bi.Batch(b); err != nil {
		return fmt.Errorf("record content hash: %w", err)
	}
	return nil
}

// BuildMemory builds the corpus into a new in-memory index (scorch, not
// bleve.NewMemOnly, whose format ignores synonyms). progress, if set, is
// called with the documents indexed so far and the total.
func BuildMemory(ctx context.Context, c *Corpus, progress func(done, total int)) (*Index, error) {
	im, err := newMapping()
	if err != nil {
		return nil, err
	}
	bi, err := bleve.NewUsing("", im, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create memory index: %w", err)
	}
	return finishBuild(ctx, bi, im, c, progress, batchSize)
}

func finishBuild(ctx context.Context, bi bleve.Index, im *mapping.IndexMappingImpl, c *Corpus, progress func(done, total int), size int) (*Index, error) {
	syn, err := fillIndex(ctx, bi, im, c, progress, size)
	if err != nil {
		bi.Close()
		return nil, err
	}
	e, err := newEngine(bi, im, syn)
	if err != nil {
		bi.Close()
		return nil, err
	}
	e.values = memoryValues(c.internal())
	return e, nil
}

// fillIndex indexes c into the new index bi and returns its synonyms.
func fillIndex(ctx context.Context, bi bleve.Index, im *mapping.IndexMappingImpl, c *Corpus, progress func(done, total int), size int) (*synonyms, error) {
	syn, err := synonymsFor(im, c.Synonyms)
	if err != nil {
		return nil, err
	}
	if err := c.fill(ctx, bi, im, syn, progress, size); err != nil {
		return nil, err
	}
	return syn, nil
}

func synonymsFor(im *mapping.IndexMappingImpl, sets [][]string) (*synonyms, error) {
	en := im.AnalyzerNamed(analyzerEn)
	if en == nil {
		return nil, fmt.Errorf("english analyzer missing from mapping")
	}
	return newSynonyms(slices.Clone(sets), en), nil
}
