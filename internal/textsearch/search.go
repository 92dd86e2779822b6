package textsearch

import (
	"context"
	"strings"
)

// Limits on the number of hits a query returns.
const (
	DefaultLimit = 20
	MaxLimit     = 1000
)

// Query is what a person typed plus the filters they chose.
type Query struct {
	// Text is used as typed: never parsed as query syntax. The last word,
	// when the text does not end in a space, also matches as a prefix.
	Text string
	// Filters: a document must match one of the values of every non-empty
	// filter. Emotions and tags compare case-insensitively.
	Kinds    []string
	Sources  []string
	Emotions []string
	Tags     []string
	// Limit caps the hits returned; zero means DefaultLimit.
	Limit int
	// Lang is the reader's language ("fr"; "" for English): of hits that
	// match about equally well, such as one page's translations, those in
	// the query's language come first, and when the query does not tell
	// its language, those in Lang. QueryLang is the query's language when
	// the caller told it from its letters (Chinese, Greek, …); else the
	// words are looked up in each language's bodies.
	Lang, QueryLang string
	// Default are the ids shown first for a blank query; Texts.Defaults
	// decides what follows.
	Default []string
	// NoFacets skips counting facets, for callers that show none (the
	// CLI): the first query on an index reads every document's facet
	// values, which is most of a one-off search's time.
	NoFacets bool
	// Keep, if set, sees each hit in rank order before its snippet is
	// made, with no snippet yet; a hit it returns false for is dropped.
	// A caller that folds hits together uses it so that hits it would
	// throw away cost no snippet.
	Keep func(Hit) bool `json:"-"`
}

// Results are the hits of one query, best first.
type Results struct {
	Hits []Hit
	// Total counts every document that matched, not just the hits returned.
	Total  int
	Facets Facets
	// Corrected is the query with its typos corrected, as searched
	// ("really furious" for "really furous"); "" when nothing was.
	Corrected string
}

// Facets count the matching documents by kind, source, emotion and tag,
// most frequent first. They count the documents matching the query and
// filters.
type Facets struct {
	Kinds, Sources, Emotions, Tags []FacetCount
}

// FacetCount is one facet value and how many matching documents have it.
type FacetCount struct {
	Value string
	Count int
}

// Hit is one matching document, with what to show in a result list.
type Hit struct {
	ID      string
	Kind    string
	Source  string
	Title   string
	Snippet string
	// Highlights are byte ranges of Snippet that matched the query;
	// TitleHighlights the same for Title.
	Highlights      []Span
	TitleHighlights []Span
	Score           float64
}

// Texts gives back what the index does not store: hits are looked up in
// it (a library of packs, or the documents of a Documents index), and it
// makes the list for a blank query.
type Texts interface {
	// Hit describes the document with the given id and lists the texts a
	// snippet may come from, best first; ok is false for an id it no
	// longer has.
	Hit(id string) (h Hit, snippetFrom []func() string, ok bool)
	// Defaults lists the hits for a blank query, under q's filters.
	Defaults(q Query, limit int) []Hit
}

// Search answers q, looking hits up in src. A blank query returns
// src.Defaults with the facets of everything under the filters; text
// without any word that can match returns no hits. Errors are only
// cancellation of ctx or a failing index.
func (e *Index) Search(ctx context.Context, q Query, src Texts) (_ *Results, err error) {
	defer noticeDamage(&err)
	p, err := e.buildPlan(q.Text)
	if err != nil {
		return nil, err
	}
	p.queryLang, p.readerLang = q.QueryLang, q.Lang
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	filters := []filter{
		{fKind, q.Kinds},
		{fSource, q.Sources},
		{fEmotion, lowerAll(q.Emotions)},
		{fTag, lowerAll(q.Tags)},
	}
	blank := len(p.words) == 0
	if !blank && p.q == nil {
		return &Results{}, nil
	}
	size := limit
	if blank {
		size = 0
	}
	raw, err := e.run(ctx, p, filters, size, !q.NoFacets)
	if err != nil {
		return nil, err
	}
	res := &Results{Total: raw.total, Corrected: p.corrected(), Facets: Facets{
		Kinds:    raw.facets[fKind],
		Sources:  raw.facets[fSource],
		Emotions: raw.facets[fEmotion],
		Tags:     raw.facets[fTag],
	}}
	if blank {
		res.Hits = src.Defaults(q, limit)
		return res, nil
	}
	m := newMarker(p, e.syn, e.hl)
	for _, h := range raw.hits {
		hit, from, ok := src.Hit(h.id)
		if !ok {
			continue
		}
		hit.Score = h.score // Keep may weigh it
		if q.Keep != nil && !q.Keep(hit) {
			continue
		}
		hit.Snippet, hit.Highlights = m.snippet(from...)
		hit.TitleHighlights = m.spans(hit.Title)
		res.Hits = append(res.Hits, hit)
	}
	return res, nil
}

// AnyFold reports whether want is empty or shares a value with have,
// ignoring case and surrounding space: how the emotion and tag filters
// compare.
func AnyFold(want, have []string) bool {
	if len(want) == 0 {
		return true
	}
	for _, w := range want {
		for _, h := range have {
			if strings.EqualFold(strings.TrimSpace(w), strings.TrimSpace(h)) {
				return true
			}
		}
	}
	return false
}

// Lead is the snippet shown for a document that matched no words, as in
// the blank query's list: the first non-empty text, cut to length.
func Lead(texts ...func() string) string {
	s, _ := (&marker{}).snippet(texts...)
	return s
}
