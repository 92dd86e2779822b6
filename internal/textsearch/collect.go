package textsearch

import (
	"cmp"
	"container/heap"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Bleve's collector counts facets by reading every matching document's
// values from the index, which was most of an as-you-type query's time.
// collect runs the query's searcher itself instead: it keeps the best hits
// in a heap and counts facets from a table of each document's facet values,
// read once per index snapshot.

// facetTable maps internal document numbers to facet value codes.
type facetTable struct {
	snapshot index.IndexReader // the snapshot it was read from
	values   []string          // code → "field:value"
	starts   []int32           // doc → start in codes; starts[doc+1] ends it
	codes    []uint32
}

// facetCache holds the table of the latest snapshot.
type facetCache struct {
	mu    sync.Mutex
	table *facetTable
}

// snapshotOf returns what identifies r's snapshot: scorch hands out the
// same snapshot object until the index changes.
func snapshotOf(r index.IndexReader) index.IndexReader { return r }

func (c *facetCache) get(r index.IndexReader) (*facetTable, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.table != nil && c.table.snapshot == snapshotOf(r) {
		return c.table, nil
	}
	t, err := readFacetTable(r)
	if err != nil {
		return nil, err
	}
	c.table = t
	return t, nil
}

func readFacetTable(r index.IndexReader) (*facetTable, error) {
	ids, err := r.DocIDReaderAll()
	if err != nil {
		return nil, fmt.Errorf("read facets: %w", err)
	}
	defer ids.Close()
	dvr, err := r.DocValueReader([]string{fFacet})
	if err != nil {
		return nil, fmt.Errorf("read facets: %w", err)
	}
	t := &facetTable{snapshot: snapshotOf(r)}
	code := map[string]uint32{}
	type docCodes struct {
		doc   uint64
		codes []uint32
	}
	var docs []docCodes
	var maxDoc uint64
	for iid, err := ids.Next(); iid != nil; iid, err = ids.Next() {
		if err != nil {
			return nil, fmt.Errorf("read facets: %w", err)
		}
		dc := docCodes{doc: iid.Value()}
		err := dvr.VisitDocValues(iid, func(_ string, term []byte) {
			c, ok := code[string(term)]
			if !ok {
				c = uint32(len(t.values))
				code[string(term)] = c
				t.values = append(t.values, string(term))
			}
			dc.codes = append(dc.codes, c)
		})
		if err != nil {
			return nil, fmt.Errorf("read facets: %w", err)
		}
		maxDoc = max(maxDoc, dc.doc)
		docs = append(docs, dc)
	}
	n := 0
	if len(docs) > 0 {
		n = int(maxDoc) + 1
	}
	counts := make([]int32, n+1)
	for _, d := range docs {
		counts[d.doc+1] = int32(len(d.codes))
	}
	t.starts = make([]int32, n+1)
	for i := 1; i <= n; i++ {
		t.starts[i] = t.starts[i-1] + counts[i]
	}
	t.codes = make([]uint32, t.starts[n])
	for _, d := range docs {
		copy(t.codes[t.starts[d.doc]:], d.codes)
	}
	return t, nil
}

func (t *facetTable) of(doc uint64) []uint32 {
	if doc+1 >= uint64(len(t.starts)) {
		return nil
	}
	return t.codes[t.starts[doc]:t.starts[doc+1]]
}

// scored is one hit kept while collecting.
type scored struct {
	doc   uint64
	score float64
	id    string
}

// minHeap keeps the best hits with the worst on top; ties go to the
// smaller item id, so which of several equal hits make the page does not
// depend on how the index was cut into segments (the same library listed
// ties differently on disk and in memory).
type minHeap []scored

func (h minHeap) Len() int { return len(h) }
func (h minHeap) Less(i, j int) bool {
	if h[i].score != h[j].score {
		return h[i].score < h[j].score
	}
	return h[i].id > h[j].id
}
func (h minHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *minHeap) Push(x any)   { *h = append(*h, x.(scored)) }
func (h *minHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// collect runs q against the current snapshot and returns the best size
// hits, the number of matches and, when facets is set, the facet counts.
// weigh multiplies the score of a document holding a facet value (see
// plan.kindWeights); nil leaves scores as Bleve gave them. Documents in
// the language p prefers are scored up (see lang_prefer.go); p is nil for
// a query without words.
func (e *Index) collect(ctx context.Context, q query.Query, size int, facets bool, weigh map[string]float64, p *plan) (*rawResult, error) {
	r, err := e.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var own *langSet
	if p != nil && size > 0 {
		lang := e.preferredLang(r, p, p.queryLang, p.readerLang)
		langs := []string{lang}
		if lang == "en" {
			langs = append(langs, undLang) // analysed as English, read as English
		}
		if own, err = newLangSet(ctx, r, langs...); err != nil {
			return nil, fmt.Errorf("read languages: %w", err)
		}
		defer own.Close()
	}
	m := e.bi.Mapping()
	if sm, ok := m.(mapping.SynonymMapping); ok && sm.SynonymCount() > 0 {
		if tr, ok := r.(index.ThesaurusReader); ok {
			fts, err := query.ExtractSynonyms(ctx, sm, tr, q, nil)
			if err != nil {
				return nil, fmt.Errorf("expand synonyms: %w", err)
			}
			if fts != nil {
				ctx = context.WithValue(ctx, bsearch.FieldTermSynonymMapKey, fts)
			}
		}
	}
	s, err := q.Searcher(ctx, r, m, bsearch.SearcherOptions{})
	if err != nil {
		return nil, fmt.Errorf("prepare search: %w", err)
	}
	defer s.Close()

	var table *facetTable
	var counts []int32
	if facets || weigh != nil {
		if table, err = e.facets.get(r); err != nil {
			return nil, err
		}
	}
	if facets {
		counts = make([]int32, len(table.values))
	}
	var codeWeight map[uint32]float64
	if weigh != nil {
		codeWeight = map[uint32]float64{}
		for c, v := range table.values {
			if f, ok := weigh[v]; ok {
				codeWeight[uint32(c)] = f
			}
		}
	}
	sctx := &bsearch.SearchContext{
		DocumentMatchPool: bsearch.NewDocumentMatchPool(s.DocumentMatchPoolSize()+1, 0),
		IndexReader:       r,
	}
	top := make(minHeap, 0, size+1)
	total := 0
	for {
		dm, err := s.Next(sctx)
		if err != nil {
			return nil, fmt.Errorf("run search: %w", err)
		}
		if dm == nil {
			break
		}
		total++
		if total%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		doc := dm.IndexInternalID.Value()
		score := dm.Score
		if own != nil && own.has(dm.IndexInternalID) {
			score *= langBoost
		}
		if table != nil {
			for _, c := range table.of(doc) {
				if counts != nil {
					counts[c]++
				}
				if f, ok := codeWeight[c]; ok {
					score *= f
				}
			}
		}
		score = steadyScore(score)
		if size > 0 && (len(top) < size || score >= top[0].score) {
			id, err := r.ExternalID(dm.IndexInternalID)
			if err != nil {
				return nil, fmt.Errorf("read hit: %w", err)
			}
			if len(top) < size || score > top[0].score || id < top[0].id {
				heap.Push(&top, scored{doc, score, id})
				if len(top) > size {
					heap.Pop(&top)
				}
			}
		}
		sctx.DocumentMatchPool.Put(dm)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	out := &rawResult{total: total, facets: map[string][]FacetCount{}}
	for _, h := range top {
		out.hits = append(out.hits, rawHit{id: h.id, score: h.score})
	}
	// Equal scores are ordered by item id, not by Bleve's document number:
	// that number depends on how segments were written and merged.
	slices.SortFunc(out.hits, func(a, b rawHit) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	for c, n := range counts {
		if n == 0 {
			continue
		}
		field, value, ok := strings.Cut(table.values[c], ":")
		if ok {
			out.facets[field] = append(out.facets[field], FacetCount{Value: value, Count: int(n)})
		}
	}
	for field, fc := range out.facets {
		slices.SortFunc(fc, func(a, b FacetCount) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Value, b.Value)
		})
		out.facets[field] = fc[:min(len(fc), defaultFacetLen)]
	}
	return out, nil
}

// steadyScore is score with its last 20 bits rounded away (about nine
// significant digits kept). Bleve adds a query's clauses up in an order
// that depends on how the index is cut into segments, so one item's score
// on the one-segment index on disk and on the in-memory index of the same
// library differ in their last bits (0.57009326732123522 against
// 0.57009326732123533 for "canvas" on the issue 10 vault), and hits whose
// scores are equal but for those bits swapped places from one index to the
// other: 12 of 231 queries over that vault listed such ties in another
// order. Rounded, they are equal, and ordered by id on both.
func steadyScore(score float64) float64 {
	const drop = 20
	return math.Float64frombits((math.Float64bits(score) + 1<<(drop-1)) &^ (1<<drop - 1))
}
