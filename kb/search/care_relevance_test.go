package search_test

import (
	"context"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb/search"
)

// inTop3 fails t unless an item matching one of wants is among the first
// three hits of q. A want ending in "#" accepts any item of that file.
func inTop3(t *testing.T, ix *search.Index, q string, wants ...string) {
	t.Helper()
	res, err := ix.Search(context.Background(), search.Query{Text: q, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for i, h := range res.Hits {
		if i == 5 {
			break
		}
		got = append(got, h.ID)
		for _, want := range wants {
			if i < 3 && (h.ID == want || strings.HasSuffix(want, "#") && strings.HasPrefix(h.ID, want)) {
				return
			}
		}
	}
	t.Errorf("none of %v in the top 3 for %q; got %v", wants, q, got)
}

// TestVulnerableCustomersAreFound: the ways agents and customers describe
// vulnerable circumstances find the concern written for them (issue 15).
func TestVulnerableCustomersAreFound(t *testing.T) {
	ix := bundledIndex(t)
	vulnerable := []string{"builtin/matrix/vulnerable-customer", "builtin/statements/vulnerable#"}
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"vulnerable customer", vulnerable},
		{"customer has dementia", vulnerable},
		{"memory problems", vulnerable},
		{"learning disability", vulnerable},
		{"domestic abuse", vulnerable},
		{"not safe to talk", vulnerable},
		{"he reads my mail", vulnerable},
		{"on oxygen at home", vulnerable},
		{"medical equipment", vulnerable},
		{"mental health", vulnerable},
		{"elderly customer", vulnerable},
		{"needs extra support", vulnerable},
	} {
		t.Run(tt.query, func(t *testing.T) { inTop3(t, ix, tt.query, tt.want...) })
	}
}
