package search

import (
	"context"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/poisehq/poise/internal/textsearch"
	"github.com/poisehq/poise/kb"
)

// Limits on the number of hits a query returns.
const (
	DefaultLimit = textsearch.DefaultLimit
	MaxLimit     = textsearch.MaxLimit
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
	// NoFacets leaves Results.Facets empty, which makes a one-off search
	// (the CLI's) cheaper.
	NoFacets bool
	// NoGroup lists every hit on its own instead of folding the hits for
	// one situation into one result (see Hit.More).
	NoGroup bool
	// Language is the reader's language ("fr"; "" for English), such as
	// kb.SystemLanguage: of hits that match about equally well, such as
	// one page's translations, those in the query's own language come
	// first, or in Language when the query does not tell its language.
	// No hit is left out for its language.
	Language string `json:",omitempty"`
	// keep drops hits before their snippets are made (see searchGrouped).
	keep func(textsearch.Hit) bool
}

// Results are the hits of one query, best first.
type Results struct {
	Hits []Hit
	// Total counts every item that matched, not just the hits returned.
	Total  int
	Facets Facets
	// Corrected is the query with its typos corrected, as searched
	// ("really furious" for "really furous"); "" when nothing was.
	Corrected string
	// Suggestions, when nothing was found, are the nearest queries that
	// find something (see suggest.go).
	Suggestions []Suggestion `json:",omitempty"`
}

// Facets count the matching items by kind, pack, emotion and tag, most
// frequent first. They count the items matching the query and filters.
type Facets struct {
	Kinds, Packs, Emotions, Tags []FacetCount
}

// FacetCount is one facet value and how many matching items have it.
type FacetCount = textsearch.FacetCount

// Span is a byte range [Start, End) of a text to show highlighted.
type Span = textsearch.Span

// Hit is one matching item, with what to show in a result list.
type Hit struct {
	ID   string
	Kind kb.Kind
	Pack string
	// PackName is the pack's name as its manifest gives it, known from
	// the index before the library has loaded ("" when not known).
	PackName string
	Title    string
	Snippet  string
	// Highlights are byte ranges of Snippet that matched the query;
	// TitleHighlights the same for Title.
	Highlights      []Span
	TitleHighlights []Span
	Score           float64
	// More are the other hits for the same situation (the statements
	// under one heading), best first: a list shows one result with "N
	// more like this". Empty when Query.NoGroup.
	More []Hit `json:",omitempty"`
}

// Search answers q. A blank query returns the default list; text without
// any word that can match returns no hits. Errors are only cancellation of
// ctx, a closed index, or a failing index.
func (ix *Index) Search(ctx context.Context, q Query) (*Results, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if groups(q) {
		return ix.searchGrouped(ctx, q) // group.go
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	g := ix.gen
	if g == nil {
		return nil, ErrClosed
	}
	kinds := make([]string, 0, len(q.Kinds))
	for _, k := range q.Kinds {
		kinds = append(kinds, string(k))
	}
	raw, err := g.eng.Search(ctx, textsearch.Query{
		Text: q.Text, Kinds: kinds, Sources: q.Packs, Emotions: q.Emotions, Tags: q.Tags,
		Limit: q.Limit, Default: q.Default, NoFacets: q.NoFacets, Keep: q.keep,
		Lang: q.Language, QueryLang: kb.QueryLanguage(q.Text, q.Language),
	}, g.texts())
	if err != nil {
		return nil, err
	}
	res := &Results{Total: raw.Total, Corrected: raw.Corrected, Facets: Facets{
		Kinds: raw.Facets.Kinds, Packs: raw.Facets.Sources, Emotions: raw.Facets.Emotions, Tags: raw.Facets.Tags,
	}}
	if len(raw.Hits) > 0 {
		res.Hits = make([]Hit, len(raw.Hits))
	}
	for i, h := range raw.Hits {
		res.Hits[i] = Hit{
			ID: h.ID, Kind: kb.Kind(h.Kind), Pack: h.Source, PackName: g.packName(h.Source), Title: h.Title, Snippet: h.Snippet,
			Highlights: h.Highlights, TitleHighlights: h.TitleHighlights, Score: h.Score,
		}
	}
	return res, nil
}

// HasWords reports whether text holds a word a query can match. Text
// without one ("[[", "?") is a blank query, answered with the default
// list, which only an index holding the library can give.
func HasWords(text string) bool { return textsearch.HasWords(text) }

// packName is the name of pack id: the library's when it has loaded,
// else what the index keeps.
func (g *generation) packName(id string) string {
	if g.lib != nil {
		for _, p := range g.lib.Packs {
			if p.Manifest.ID == id && p.Manifest.Name != "" {
				return p.Manifest.Name
			}
		}
	}
	if g.names == nil {
		return ""
	}
	return g.names()[id]
}

// texts is where hits are looked up: the library, or what the index
// stores when it was opened without one.
func (g *generation) texts() textsearch.Texts {
	if g.lib == nil {
		return storedTexts{g.eng}
	}
	return libraryTexts{g}
}

// libraryTexts looks the engine's hits up in the generation's library.
type libraryTexts struct{ g *generation }

func (t libraryTexts) Hit(id string) (textsearch.Hit, []func() string, bool) {
	it, ok := t.g.lib.Item(id)
	if !ok {
		// Indexed since the library was given: show what the index keeps.
		storedReads.Add(1)
		return storedTexts{t.g.eng}.Hit(id)
	}
	hit := textsearch.Hit{ID: it.ID, Kind: string(it.Kind), Source: it.Pack, Title: it.Title}
	if it.Body == "" && it.Text == "" && t.g.lib.BodiesShed(it.Pack) {
		// Its text was left out of the library to save memory: the
		// library still names the hit, and what the index keeps of its
		// texts is read only when its snippet is made, after Query.keep
		// kept it.
		return hit, storedSnippets(t.g.eng, id, len(snippetSources(it, nil))), true
	}
	return hit, snippetSources(it, t.g.eng.PlainText), true
}

// storedSnippets are the n snippet texts the index keeps for id (encodeHit
// stores one for each of snippetSources), read from the index once, when
// the first is asked for. Reading a document back touches pages of the
// index's files, and fault-around maps 64 KB around each: on the issue 10
// vault the grouped search read back every one of the 150 hits it fetched
// (about 17 MB of the 22 MB of the index a search left resident) to drop
// a third of them unseen. Called on one goroutine, as snippets are made.
func storedSnippets(eng *textsearch.Index, id string, n int) []func() string {
	var texts []func() string
	read := false
	text := func(i int) string {
		if !read {
			read = true
			storedReads.Add(1)
			_, texts, _ = storedTexts{eng}.Hit(id)
		}
		if i < len(texts) {
			return texts[i]()
		}
		return ""
	}
	out := make([]func() string, n)
	for i := range out {
		out[i] = func() string { return text(i) }
	}
	return out
}

// storedReads counts the documents read back from the index to show
// hits, for the tests.
var storedReads atomic.Int64

// Defaults is the list for a blank query: the given ids first, then every
// other item in kind order, all under the query's filters.
func (t libraryTexts) Defaults(q textsearch.Query, limit int) []textsearch.Hit {
	lib := t.g.lib
	var hits []textsearch.Hit
	seen := map[string]bool{}
	add := func(it *kb.Item) {
		if len(hits) >= limit || seen[it.ID] || !passes(it, q) {
			return
		}
		seen[it.ID] = true
		snip := textsearch.Lead(snippetSources(it, textsearch.PlainText)...)
		hits = append(hits, textsearch.Hit{ID: it.ID, Kind: string(it.Kind), Source: it.Pack, Title: it.Title, Snippet: snip})
	}
	for _, id := range q.Default {
		if it, ok := lib.Item(id); ok {
			add(it)
		}
	}
	for _, k := range kb.Kinds {
		if len(hits) >= limit {
			break
		}
		lib.Items(func(it *kb.Item) {
			if it.Kind == k {
				if cur, ok := lib.Item(it.ID); ok && cur == it {
					add(it)
				}
			}
		})
	}
	return hits
}

// passes applies the query's filters to an item, for the default list.
func passes(it *kb.Item, q textsearch.Query) bool {
	if len(q.Kinds) > 0 && !slices.Contains(q.Kinds, string(it.Kind)) {
		return false
	}
	if len(q.Sources) > 0 && !slices.Contains(q.Sources, it.Pack) {
		return false
	}
	return textsearch.AnyFold(q.Emotions, it.Emotions) && textsearch.AnyFold(q.Tags, it.Tags)
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
	summary := func() string { return it.Summary }
	switch it.Kind {
	case kb.KindStatement, kb.KindPhrase, kb.KindTemplate:
		phrase := func() string {
			if it.Phrase == nil {
				return ""
			}
			return it.Phrase.InsteadOf + " → " + strings.Join(it.Phrase.Try, " / ")
		}
		return []func() string{txt, phrase, summary, body}
	default:
		return []func() string{summary, signals, txt, body}
	}
}
