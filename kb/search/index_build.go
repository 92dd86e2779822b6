package search

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"unsafe"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/poisehq/poise/kb"
)

// batchSize is the number of items per batch. Each batch becomes one
// segment; batches are analysed in parallel, one per core, which is what
// keeps a 10,000-item build within seconds on a small machine.
const batchSize = 2500

// hashKey is where an index on disk records the hash it was built for, so a
// foreign or stale index in the right place is not trusted.
var hashKey = []byte("poise.content-hash")

// corpus is a library as the index sees it: one item per distinct id
// (later packs win, as in kb.Library) and the synonyms of every pack.
// Documents are made only when a build needs them, so reusing an index on
// disk costs only the hash.
type corpus struct {
	ids   []string
	items []*kb.Item
	sets  []kb.SynonymSet
	hash  string
}

func newCorpus(lib *kb.Library) *corpus {
	c := &corpus{}
	pos := map[string]int{}
	if lib != nil {
		lib.Items(func(it *kb.Item) {
			if i, ok := pos[it.ID]; ok {
				c.items[i] = it
				return
			}
			pos[it.ID] = len(c.ids)
			c.ids = append(c.ids, it.ID)
			c.items = append(c.items, it)
		})
		c.sets = lib.Synonyms()
	}
	c.hash = c.computeHash()
	return c
}

// computeHash covers every item field the index reads, the synonyms and
// the mapping version, so any change to them means a rebuild.
func (c *corpus) computeHash() string {
	h := sha256.New()
	var n [8]byte
	str := func(s string) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		// No copy: hashing reads the bytes and keeps nothing.
		h.Write(unsafe.Slice(unsafe.StringData(s), len(s)))
	}
	strs := func(ss []string) {
		str(strconv.Itoa(len(ss)))
		for _, s := range ss {
			str(s)
		}
	}
	str(mappingVersion)
	for _, it := range c.items {
		str(it.ID)
		str(string(it.Kind))
		str(it.Pack)
		str(it.Title)
		str(it.Category)
		str(it.Summary)
		str(it.Text)
		str(it.Body)
		strs(it.Tags)
		strs(it.Emotions)
		strs(it.Signals)
		strs(it.Situations)
		if it.Phrase != nil {
			str(it.Phrase.InsteadOf)
			strs(it.Phrase.Try)
			str(it.Phrase.Why)
		}
		for _, o := range it.Options {
			str(o.Title)
			str(o.Say)
		}
		for _, st := range it.Steps {
			str(st.Text)
		}
	}
	for _, set := range c.sets {
		strs(set)
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// fill indexes the corpus into bi in batches of size, analysing one batch
// per core at a time, and reports progress as batches complete.
func (c *corpus) fill(ctx context.Context, bi bleve.Index, im *mapping.IndexMappingImpl, syn *synonyms, progress func(done, total int), size int) error {
	total := len(c.ids)
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
	spans := make(chan span)
	go func() {
		defer close(spans)
		for from := 0; from < total || from == 0; from += size {
			select {
			case spans <- span{from, min(total, from+size)}:
			case <-ctx.Done():
				return
			}
			if total == 0 {
				return
			}
		}
	}()
	workers := max(1, min(runtime.GOMAXPROCS(0), (total+size-1)/size))
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for sp := range spans {
				b := bi.NewBatch()
				if sp.from == 0 {
					if err := indexSynonyms(b, syn); err != nil {
						errs <- err
						return
					}
				}
				for i := sp.from; i < sp.to; i++ {
					bd, err := newBleveDoc(im, c.ids[i], itemDocument(c.items[i]))
					if err == nil {
						err = b.IndexAdvanced(bd)
					}
					if err != nil {
						errs <- fmt.Errorf("index %s: %w", c.ids[i], err)
						return
					}
				}
				if err := ctx.Err(); err != nil {
					errs <- err
					return
				}
				if err := bi.Batch(b); err != nil {
					errs <- fmt.Errorf("index batch: %w", err)
					return
				}
				report(sp.to - sp.from)
			}
		}()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := bi.SetInternal(hashKey, []byte(c.hash)); err != nil {
		return fmt.Errorf("record content hash: %w", err)
	}
	return nil
}

// buildMemory builds the corpus into a new in-memory scorch index (not
// bleve.NewMemOnly, whose format ignores synonyms).
func buildMemory(ctx context.Context, c *corpus, progress func(done, total int)) (*engine, error) {
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

func finishBuild(ctx context.Context, bi bleve.Index, im *mapping.IndexMappingImpl, c *corpus, progress func(done, total int), size int) (*engine, error) {
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
	return e, nil
}

// fillIndex indexes c into the new index bi and returns its synonyms.
func fillIndex(ctx context.Context, bi bleve.Index, im *mapping.IndexMappingImpl, c *corpus, progress func(done, total int), size int) (*synonyms, error) {
	syn, err := synonymsFor(im, c.sets)
	if err != nil {
		return nil, err
	}
	if err := c.fill(ctx, bi, im, syn, progress, size); err != nil {
		return nil, err
	}
	return syn, nil
}

func synonymsFor(im *mapping.IndexMappingImpl, sets []kb.SynonymSet) (*synonyms, error) {
	en := im.AnalyzerNamed(analyzerEn)
	if en == nil {
		return nil, fmt.Errorf("english analyzer missing from mapping")
	}
	return newSynonyms(slices.Clone(sets), en), nil
}
