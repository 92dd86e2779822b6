// Package readnext connects the journal summary's "what to read next" to
// the knowledge-base search, so the app and the CLI find guidance the same
// way and journal/summary never imports kb.
package readnext

import (
	"context"
	"fmt"

	"github.com/poisehq/poise/journal/summary"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// Searcher is the part of the search index a Finder needs.
type Searcher interface {
	Search(ctx context.Context, q search.Query) (*search.Results, error)
}

// kinds are what a summary suggests reading: a matrix concern, a statement,
// a guide section.
var kinds = []kb.Kind{kb.KindMatrix, kb.KindStatement, kb.KindGuide}

// Finder searches s for matrix concerns, statements and guides.
func Finder(s Searcher) summary.Finder {
	return summary.FinderFunc(func(ctx context.Context, query string, limit int) ([]summary.Reading, error) {
		res, err := s.Search(ctx, search.Query{Text: query, Kinds: kinds, Limit: limit})
		if err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
		out := make([]summary.Reading, 0, len(res.Hits))
		for _, h := range res.Hits {
			out = append(out, summary.Reading{ID: h.ID, Kind: string(h.Kind), Title: h.Title})
		}
		return out, nil
	})
}

// Titles names item ids from the library, for the summary's sentences.
func Titles(lib *kb.Library) func(id string) string {
	return func(id string) string {
		if lib == nil {
			return ""
		}
		if it, ok := lib.Item(id); ok {
			return it.Title
		}
		return ""
	}
}
