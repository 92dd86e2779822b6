package search

import (
	"context"
	"strings"
	"testing"
)

// TestAgentVoiceRelevance checks that a query in the agent's own voice
// ("how do i say no nicely") finds guidance for the agent before the
// concern about a customer doing the same thing (a customer who says no
// to everything), while a concern that plainly matches still comes first.
func TestAgentVoiceRelevance(t *testing.T) {
	ix := openBundled(t)
	tests := []struct {
		text   string
		want   []string // one of these in the first three
		notTop string   // must not be first ("" for no check)
	}{
		{"how do i say no nicely", []string{"builtin/guides/positive-sandwich", "builtin/phrases/limits"}, "builtin/matrix/refuses-every-option"},
		{"how to tell a customer no", []string{"builtin/guides/positive-sandwich", "builtin/phrases/limits"}, "builtin/matrix/refuses-every-option"},
		// "tell the customer no" must not stand for every "tell the
		// customer": its meaning is in the "no" the analyser drops.
		{"tell the customer their refund is delayed", []string{"builtin/matrix/missing-refund", "builtin/templates/delay-update"}, "builtin/guides/positive-sandwich"},
		{"how do i deal with a drunk customer", []string{"builtin/matrix/intoxicated-customer"}, ""},
		{"how do i get off the phone with a chatty customer", []string{"builtin/matrix/chatty-customer"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			res, err := ix.Search(context.Background(), Query{Text: tt.text, Limit: 10, NoFacets: true})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			found := false
			for i, h := range res.Hits {
				file, _, _ := strings.Cut(h.ID, "#")
				if i < 3 {
					got = append(got, h.ID)
					for _, w := range tt.want {
						found = found || file == w
					}
				}
				if i == 0 && tt.notTop != "" && file == tt.notTop {
					t.Errorf("%s is first", tt.notTop)
				}
			}
			if !found {
				t.Errorf("none of %v in the first three: %v", tt.want, got)
			}
		})
	}
}
