package search

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/poisehq/poise/kb"
)

// batchSize bounds the memory a build holds at once; the segments it makes
// are merged into one at the end, which is what queries are fastest on.
const batchSize = 2000

// hashKey is where an index on disk records the hash it was built for, so a
// foreign or stale index in the right place is not trusted.
var hashKey = []byte("poise.content-hash")

// corpus is a library as the index sees it: one document per distinct id
// (later packs win, as in kb.Library) and the synonyms of every pack.
type corpus struct {
	ids  []string
	docs []document
	sets []kb.SynonymSet
	hash string
}

func newCorpus(lib *kb.Library) *corpus {
	c := &corpus{}
	pos := map[string]int{}
	if lib != nil {
		lib.Items(func(it *kb.Item) {
			d := itemDocument(it)
			if i, ok := pos[it.ID]; ok {
				c.docs[i] = d
				return
			}
			pos[it.ID] = len(c.ids)
			c.ids = append(c.ids, it.ID)
			c.docs = append(c.docs, d)
		})
		c.sets = lib.Synonyms()
	}
	c.hash = c.computeHash()
	return c
}

// computeHash covers everything that ends up in the index, and the mapping
// version, so any change to either means a rebuild.
func (c *corpus) computeHash() string {
	h := sha256.New()
	enc := json.NewEncoder(h)
	_ = enc.Encode(mappingVersion)
	for i, id := range c.ids {
		_ = enc.Encode(id)
		_ = enc.Encode(c.docs[i])
	}
	_ = enc.Encode(c.sets)
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// fill indexes the corpus into bi in batches, reporting progress, then
// merges the result into a single segment when the index is on disk.
func (c *corpus) fill(ctx context.Context, bi bleve.Index, syn *synonyms, progress func(done, total int), size int) error {
	total := len(c.ids)
	report := func(done int) {
		if progress != nil {
			progress(done, total)
		}
	}
	report(0)
	if err := ctx.Err(); err != nil {
		return err
	}
	b := bi.NewBatch()
	if err := indexSynonyms(b, syn); err != nil {
		return err
	}
	for i, id := range c.ids {
		if err := b.Index(id, c.docs[i]); err != nil {
			return fmt.Errorf("index %s: %w", id, err)
		}
		if b.Size() >= size {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := bi.Batch(b); err != nil {
				return fmt.Errorf("index batch: %w", err)
			}
			report(i + 1)
			b.Reset()
		}
	}
	if b.Size() > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := bi.Batch(b); err != nil {
			return fmt.Errorf("index batch: %w", err)
		}
	}
	if err := bi.SetInternal(hashKey, []byte(c.hash)); err != nil {
		return fmt.Errorf("record content hash: %w", err)
	}
	report(total)
	return nil
}

// compact merges an on-disk index into one segment: fewer segments mean
// fewer dictionaries to walk for every fuzzy and prefix lookup.
func compact(ctx context.Context, bi bleve.Index) error {
	adv, err := bi.Advanced()
	if err != nil {
		return fmt.Errorf("compact index: %w", err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil
	}
	if err := s.ForceMerge(ctx, nil); err != nil {
		return fmt.Errorf("compact index: %w", err)
	}
	return nil
}

// buildMemory builds the corpus into a new in-memory scorch index (not
// bleve.NewMemOnly, whose format ignores synonyms). One batch makes one
// segment, as in-memory indexes are never merged.
func buildMemory(ctx context.Context, c *corpus, progress func(done, total int)) (*engine, error) {
	im, err := newMapping()
	if err != nil {
		return nil, err
	}
	bi, err := bleve.NewUsing("", im, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create memory index: %w", err)
	}
	return finishBuild(ctx, bi, im, c, progress, max(1, len(c.ids)+1))
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
	if err := c.fill(ctx, bi, syn, progress, size); err != nil {
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
