package search

import (
	"context"
	"slices"
	"strings"

	"github.com/poisehq/poise/kb"
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
	// Filters: an item must match one of the values of every non-empty
	// filter. Emotions and tags compare case-insensitively.
	Kinds    []kb.Kind
	Packs    []string
	Emotions []string
	Tags     []string
	// Limit caps the hits returned; zero means DefaultLimit.
	Limit int
	// Default are the ids shown first for a blank query, favourites then
	// recent items; the rest of the library follows in kind order.
	Default []string
}

// Results are the hits of one query, best first.
type Results struct {
	Hits []Hit
	// Total counts every item that matched, not just the hits returned.
	Total  int
	Facets Facets
}

// Facets count the matching items by kind, pack, emotion and tag, most
// frequent first. They count the items matching the query and filters.
type Facets struct {
	Kinds, Packs, Emotions, Tags []FacetCount
}

// FacetCount is one facet value and how many matching items have it.
type FacetCount struct {
	Value string
	Count int
}

// Hit is one matching item, with what to show in a result list.
type Hit struct {
	ID      string
	Kind    kb.Kind
	Pack    string
	Title   string
	Snippet string
	// Highlights are byte ranges of Snippet that matched the query;
	// TitleHighlights the same for Title.
	Highlights      []Span
	TitleHighlights []Span
	Score           float64
}

// Search answers q. A blank query returns the default list; text without
// any word that can match returns no hits. Errors are only cancellation of
// ctx, a closed index, or a failing index.
func (ix *Index) Search(ctx context.Context, q Query) (*Results, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	g := ix.gen
	if g == nil {
		return nil, ErrClosed
	}
	return g.eng.search(ctx, q, g)
}

// source is what the engine's hits are looked up in: a library, or the
// documents of a Documents index.
type source interface {
	// hit describes the document with the given id and lists the texts a
	// snippet may come from, best first.
	hit(id string) (h Hit, snippetFrom []func() string, ok bool)
	// defaults lists the hits for a blank query.
	defaults(q Query, limit int) []Hit
}

func (e *engine) search(ctx context.Context, q Query, src source) (*Results, error) {
	p, err := e.buildPlan(q.Text)
	if err != nil {
		return nil, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	filters := []filter{
		{fKind, kindStrings(q.Kinds)},
		{fPack, q.Packs},
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
	raw, err := e.run(ctx, p, filters, size, true)
	if err != nil {
		return nil, err
	}
	res := &Results{Total: raw.total, Facets: Facets{
		Kinds:    raw.facets[fKind],
		Packs:    raw.facets[fPack],
		Emotions: raw.facets[fEmotion],
		Tags:     raw.facets[fTag],
	}}
	if blank {
		res.Hits = src.defaults(q, limit)
		return res, nil
	}
	m := newMarker(p, e.syn, e.hl)
	for _, h := range raw.hits {
		hit, from, ok := src.hit(h.id)
		if !ok {
			continue
		}
		hit.Score = h.score
		hit.Snippet, hit.Highlights = m.snippet(from...)
		hit.TitleHighlights = m.spans(hit.Title)
		res.Hits = append(res.Hits, hit)
	}
	return res, nil
}

func (g *generation) hit(id string) (Hit, []func() string, bool) {
	it, ok := g.lib.Item(id)
	if !ok {
		return Hit{}, nil, false
	}
	return Hit{ID: it.ID, Kind: it.Kind, Pack: it.Pack, Title: it.Title}, snippetSources(it, g.eng.plain.get), true
}

// defaults is the list for a blank query: the given ids first, then every
// other item in kind order, all under the query's filters.
func (g *generation) defaults(q Query, limit int) []Hit {
	var hits []Hit
	seen := map[string]bool{}
	add := func(it *kb.Item) {
		if len(hits) >= limit || seen[it.ID] || !passes(it, q) {
			return
		}
		seen[it.ID] = true
		snip, _ := (&marker{}).snippet(snippetSources(it, plainText)...)
		hits = append(hits, Hit{ID: it.ID, Kind: it.Kind, Pack: it.Pack, Title: it.Title, Snippet: snip})
	}
	for _, id := range q.Default {
		if it, ok := g.lib.Item(id); ok {
			add(it)
		}
	}
	for _, k := range kb.Kinds {
		if len(hits) >= limit {
			break
		}
		g.lib.Items(func(it *kb.Item) {
			if it.Kind == k {
				if cur, ok := g.lib.Item(it.ID); ok && cur == it {
					add(it)
				}
			}
		})
	}
	return hits
}

// passes applies the query's filters to an item, for the default list.
func passes(it *kb.Item, q Query) bool {
	if len(q.Kinds) > 0 && !slices.Contains(q.Kinds, it.Kind) {
		return false
	}
	if len(q.Packs) > 0 && !slices.Contains(q.Packs, it.Pack) {
		return false
	}
	return anyFold(q.Emotions, it.Emotions) && anyFold(q.Tags, it.Tags)
}

// anyFold reports whether want is empty or shares a value with have.
func anyFold(want, have []string) bool {
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

// snippetSources are the texts a snippet may come from, best first: what
// an agent says for kinds that are said, otherwise what the item is about.
// They are made only when the snippet needs them.
func snippetSources(it *kb.Item, plain func(string) string) []func() string {
	signals := func() string { return strings.Join(it.Signals, " · ") }
	txt := func() string { return plain(it.Text) }
	body := func() string {
		if it.Body == it.Text {
			return ""
		}
		return plain(it.Body)
	}
	switch it.Kind {
	case kb.KindStatement, kb.KindPhrase, kb.KindTemplate:
		phrase := func() string {
			if it.Phrase == nil {
				return ""
			}
			return it.Phrase.InsteadOf + " → " + strings.Join(it.Phrase.Try, " / ")
		}
		return []func() string{txt, phrase, text(it.Summary), body}
	default:
		return []func() string{text(it.Summary), signals, txt, body}
	}
}

func kindStrings(ks []kb.Kind) []string {
	out := make([]string, 0, len(ks))
	for _, k := range ks {
		out = append(out, string(k))
	}
	return out
}
