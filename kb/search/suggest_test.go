package search

import (
	"context"
	"testing"

	"github.com/poisehq/poise/kb"
)

// TestSuggestWhenNothingFound: a query that finds nothing says what would
// find something, nearest first, and each suggestion does find what it
// says it finds.
func TestSuggestWhenNothingFound(t *testing.T) {
	ix := openBundled(t)
	ctx := context.Background()
	tests := []struct {
		name      string
		q         Query
		wantFirst Suggestion // Text, DropFilter, Respelled compared
	}{
		{"a filter hides every answer", Query{Text: "refund", Kinds: []kb.Kind{kb.KindChecklist}, Emotions: []string{"grateful"}},
			Suggestion{Text: "refund", DropFilter: "emotion"}},
		{"one filter at a time before all of them", Query{Text: "suicide", Kinds: []kb.Kind{kb.KindChecklist}, Emotions: []string{"grateful"}},
			Suggestion{Text: "suicide", DropFilter: "emotion"}},
		{"hurried typing without vowels", Query{Text: "mangr"},
			Suggestion{Text: "manager", Respelled: true}},
		{"two words, one spelt as the library's", Query{Text: "rfnd delvry "},
			Suggestion{Text: "refund delivery", Respelled: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := ix.Search(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if res.Total != 0 {
				t.Fatalf("%+v finds %d, so this case shows nothing", tt.q, res.Total)
			}
			if len(res.Suggestions) == 0 {
				t.Fatal("no suggestions")
			}
			got := res.Suggestions[0]
			if got.Text != tt.wantFirst.Text || got.DropFilter != tt.wantFirst.DropFilter || got.Respelled != tt.wantFirst.Respelled {
				t.Errorf("first suggestion %+v, want %+v", got, tt.wantFirst)
			}
			for _, s := range res.Suggestions {
				q := tt.q
				q.Text = s.Text
				switch s.DropFilter {
				case "kind":
					q.Kinds = nil
				case "emotion":
					q.Emotions = nil
				case "all":
					q.Kinds, q.Emotions = nil, nil
				}
				again, err := ix.Search(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if again.Total != s.Total || s.Total == 0 {
					t.Errorf("%+v finds %d", s, again.Total)
				}
			}
		})
	}
	res, err := ix.Search(ctx, Query{Text: "refund"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total == 0 || len(res.Suggestions) != 0 {
		t.Errorf("a query with results: total %d, suggestions %+v; want results and no suggestions", res.Total, res.Suggestions)
	}
}
