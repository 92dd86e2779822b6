package textsearch

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// ErrClosed is returned by searches and changes after Close.
var ErrClosed = errors.New("search index is closed")

// Index is one open Bleve index with what is needed to query it the Poise
// way. kb/search keeps pack items in one (on disk, with generations);
// Documents keeps arbitrary texts such as journal entries in one, in
// memory. An Index is safe for concurrent searches; closing it while a
// search runs is the caller's to prevent.
type Index struct {
	bi    bleve.Index
	en    analysis.Analyzer
	syn   *synonyms
	known map[string]bool // synonym words, never "corrected"
	// langs are the body fields of other languages than English present
	// in the index: each query word is also looked up in them.
	langs []langField
	hl    *stemCache
	// facets is read from the index once per snapshot.
	facets facetCache
	plain  plainCache
	fixes  fixCache
	// values are kept with the index (see Internal).
	values *valueStore
	// closing is shared by the engines Apply makes over one Bleve index,
	// which is closed once, by whichever is closed first.
	closing *closeOnce
}

type closeOnce struct {
	once sync.Once
	err  error
}

func newEngine(bi bleve.Index, im *mapping.IndexMappingImpl, syn *synonyms) (*Index, error) {
	en := im.AnalyzerNamed(analyzerEn)
	if en == nil {
		return nil, errors.New("english analyzer missing from mapping")
	}
	known := map[string]bool{}
	for _, set := range syn.sets {
		for _, m := range set {
			eachWord(m.text, func(s, e int) bool {
				known[normWord(m.text[s:e])] = true
				return true
			})
		}
	}
	fields, err := bi.Fields()
	if err != nil {
		return nil, fmt.Errorf("list index fields: %w", err)
	}
	if fields, err = searchedFields(bi, fields); err != nil { // index_pad.go
		return nil, err
	}
	return &Index{bi: bi, en: en, syn: syn, known: known, hl: newStemCache(en), langs: langFields(im, fields), values: memoryValues(nil), closing: &closeOnce{}}, nil
}

// Close releases the index (and every engine Apply made over it).
func (e *Index) Close() error {
	e.closing.once.Do(func() { e.closing.err = e.bi.Close() })
	if e.closing.err != nil {
		return fmt.Errorf("close text index: %w", e.closing.err)
	}
	return nil
}

// Shares reports whether e and o search one Bleve index (one was made
// from the other by Apply).
func (e *Index) Shares(o *Index) bool { return o != nil && e.bi == o.bi }

// PlainText is the package's PlainText, remembered for long texts: the
// same documents come back keystroke after keystroke.
func (e *Index) PlainText(md string) string { return e.plain.get(md) }

func (e *Index) reader() (index.IndexReader, error) {
	adv, err := e.bi.Advanced()
	if err != nil {
		return nil, fmt.Errorf("open index reader: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("open index reader: %w", err)
	}
	return r, nil
}

// filter restricts a search to documents with one of the given values in
// each named keyword field.
type filter struct {
	field  string
	values []string
}

// rawHit is one match before it is dressed for the caller.
type rawHit struct {
	id    string
	score float64
}

type rawResult struct {
	hits   []rawHit
	total  int
	facets map[string][]FacetCount
}

// run executes the text query of p (or match-all when p has none) under the
// filters, returning up to size hits and, when facets is set, the facet
// counts by field name.
func (e *Index) run(ctx context.Context, p *plan, filters []filter, size int, facets bool) (*rawResult, error) {
	var q query.Query = p.q
	fq := filterQuery(filters)
	switch {
	case q == nil:
		all := bleve.NewTermQuery("y")
		all.SetField(fDoc)
		q = all
		if fq != nil {
			q = bleve.NewConjunctionQuery(all, fq)
		}
	case fq != nil:
		bq := bleve.NewBooleanQuery()
		bq.AddMust(q)
		bq.AddFilter(fq)
		q = bq
	}
	var prefer *plan
	if p.q != nil {
		prefer = p
	}
	return e.collect(ctx, q, size, facets, p.kindWeights(), prefer)
}

func filterQuery(filters []filter) query.Query {
	var must []query.Query
	for _, f := range filters {
		if len(f.values) == 0 {
			continue
		}
		var any []query.Query
		for _, v := range f.values {
			tq := bleve.NewTermQuery(v)
			tq.SetField(f.field)
			any = append(any, tq)
		}
		must = append(must, bleve.NewDisjunctionQuery(any...))
	}
	if len(must) == 0 {
		return nil
	}
	return bleve.NewConjunctionQuery(must...)
}

// indexSynonyms stores the synonym sets in the index, for Bleve's
// single-word expansion.
func indexSynonyms(b *bleve.Batch, syn *synonyms) error {
	for i, words := range syn.definitions() {
		def := &bleve.SynonymDefinition{Synonyms: words}
		if err := b.IndexSynonym(synonymID(i), synonymColl, def); err != nil {
			return fmt.Errorf("index synonym set %d: %w", i, err)
		}
	}
	return nil
}

// synonymID is the document id of the i-th synonym set.
func synonymID(i int) string { return fmt.Sprintf("synonym-%d", i) }

// Stored returns the Document.Stored of the document with the given id,
// nil when it has none or there is no such document.
func (e *Index) Stored(id string) (_ []byte, err error) {
	defer noticeDamage(&err)
	r, err := e.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	doc, err := r.Document(id)
	if err != nil || doc == nil {
		return nil, err
	}
	var out []byte
	doc.VisitFields(func(f index.Field) {
		if f.Name() == fStored {
			out = f.Value()
		}
	})
	return out, nil
}
