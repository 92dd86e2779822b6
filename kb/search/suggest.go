package search

import (
	"cmp"
	"context"
	"slices"
	"strings"
)

// Suggestion is a query near one that found nothing which does find
// something: the query without one of its filters, with its words spelt
// as the library spells them, or without one of its words.
type Suggestion struct {
	// Text is the words to search for.
	Text string
	// Respelled is set when Text is the query's words spelt as the
	// library has them ("refund" for "refnd").
	Respelled bool
	// Dropped is the word taken out ("" when a filter was dropped).
	Dropped string
	// DropFilter names the filter taken out: "kind", "pack", "emotion",
	// "tag", or "all" for every filter ("" when none was).
	DropFilter string
	// Total is how many items the suggestion finds.
	Total int
}

// maxSuggestions is how many suggestions a query with no results gets.
const maxSuggestions = 3

// suggest finds the nearest queries to q that have results: q without one
// of its filters, q respelt with the library's nearest words, then q
// without one of its words, those finding most first. q found nothing. Each try is one cheap search (no facets, one hit), and a query
// has at most maxQueryWords words.
func (ix *Index) suggest(ctx context.Context, q Query) ([]Suggestion, error) {
	try := func(t Query) (int, error) {
		t.NoGroup, t.NoFacets, t.Limit, t.keep = true, true, 1, nil
		res, err := ix.Search(ctx, t)
		if err != nil {
			return 0, err
		}
		return res.Total, nil
	}
	var filters, words []Suggestion
	for _, f := range []struct {
		name string
		set  bool
		drop func(*Query)
	}{
		{"kind", len(q.Kinds) > 0, func(t *Query) { t.Kinds = nil }},
		{"pack", len(q.Packs) > 0, func(t *Query) { t.Packs = nil }},
		{"emotion", len(q.Emotions) > 0, func(t *Query) { t.Emotions = nil }},
		{"tag", len(q.Tags) > 0, func(t *Query) { t.Tags = nil }},
		{"all", filterCount(q) > 1, func(t *Query) { t.Kinds, t.Packs, t.Emotions, t.Tags = nil, nil, nil, nil }},
	} {
		if !f.set {
			continue
		}
		t := q
		f.drop(&t)
		n, err := try(t)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			filters = append(filters, Suggestion{Text: q.Text, DropFilter: f.name, Total: n})
		}
	}
	var respelt []Suggestion
	if near, err := ix.nearby(q.Text); err != nil {
		return nil, err
	} else if near != "" {
		t := q
		t.Text = near
		n, err := try(t)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			respelt = append(respelt, Suggestion{Text: near, Respelled: true, Total: n})
		}
	}
	fields := strings.Fields(q.Text)
	if len(fields) > 1 {
		fields = fields[:min(len(fields), maxSuggestWords)]
		for i, w := range fields {
			t := q
			t.Text = strings.Join(slices.Concat(fields[:i:i], fields[i+1:]), " ")
			n, err := try(t)
			if err != nil {
				return nil, err
			}
			if n > 0 {
				words = append(words, Suggestion{Text: t.Text, Dropped: w, Total: n})
			}
		}
	}
	byTotal := func(a, b Suggestion) int { return cmp.Compare(b.Total, a.Total) }
	// Dropping one filter is nearer than dropping them all.
	slices.SortStableFunc(filters, func(a, b Suggestion) int {
		return cmp.Or(cmp.Compare(boolInt(a.DropFilter == "all"), boolInt(b.DropFilter == "all")), byTotal(a, b))
	})
	slices.SortStableFunc(words, byTotal)
	out := slices.Concat(filters, respelt, words)
	return out[:min(len(out), maxSuggestions)], nil
}

// maxSuggestWords bounds the words tried one by one, so pasted text
// costs a bounded number of searches.
const maxSuggestWords = 8

// nearby is text spelt with the library's nearest words, "" when no word
// changes (textsearch.Index.Nearby).
func (ix *Index) nearby(text string) (string, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.gen == nil {
		return "", ErrClosed
	}
	return ix.gen.eng.Nearby(text)
}

// filterCount is how many kinds of filter q sets.
func filterCount(q Query) int {
	n := 0
	for _, set := range []bool{len(q.Kinds) > 0, len(q.Packs) > 0, len(q.Emotions) > 0, len(q.Tags) > 0} {
		if set {
			n++
		}
	}
	return n
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
