package app

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/poisehq/poise/kb/search"
)

// TestLongQueryIsCapped guards issue 16: pasting 10,000 letters into the
// search field turned it into a black bar; the query keeps its first
// maxQueryRunes letters and says so.
func TestLongQueryIsCapped(t *testing.T) {
	p, f := findReady(t)
	ch := waitApplied(f)
	f.entry.SetText(strings.Repeat("refund ", 1500)) // as a paste does
	if n := utf8.RuneCountInString(f.entry.Text); n != maxQueryRunes {
		t.Errorf("the field holds %d letters, want %d", n, maxQueryRunes)
	}
	wait(t, p, ch, f.entry.Text)
	if !strings.Contains(p.status.Text, "first 200 characters") {
		t.Errorf("status = %q, want it to say the query was cut", p.status.Text)
	}
}

// TestSnippetsShowPlaceholdersInBrackets guards issue 16: a snippet
// showed a template's placeholder key bare ("Hi supervisor_name,"); rows
// show it in brackets, as it copies, and highlights stay on their words.
func TestSnippetsShowPlaceholdersInBrackets(t *testing.T) {
	tests := []struct {
		name, text, want string
		spans, wantSpans []search.Span
	}{
		{"key", "Hi supervisor_name, could you", "Hi [supervisor_name], could you", nil, nil},
		{"highlight after", "Hi supervisor_name, could you", "Hi [supervisor_name], could you",
			[]search.Span{{Start: 20, End: 25}}, []search.Span{{Start: 22, End: 27}}},
		{"highlight on the key", "I have customer_name here", "I have [customer_name] here",
			[]search.Span{{Start: 7, End: 20}}, []search.Span{{Start: 8, End: 21}}},
		{"plain word left alone", "the date and agent_name", "the date and [agent_name]", nil, nil},
		{"already bracketed", "Hi [supervisor_name]", "Hi [supervisor_name]", nil, nil},
	}
	keys := []string{"supervisor_name", "customer_name", "agent_name"}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, spans := bracketKeys(tt.text, tt.spans, keys)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			for i, s := range spans {
				if s != tt.wantSpans[i] {
					t.Errorf("span %d = %v (%q), want %v", i, s, got[s.Start:s.End], tt.wantSpans[i])
				}
			}
		})
	}

	// In a row of the list, from the template's own placeholders.
	_, f := findReady(t)
	f.hits = []search.Hit{{ID: "builtin/templates/hand-off", Kind: "template", Title: "Hand-off",
		Snippet: "Hi, this is agent_name. I have customer_name about concern"}}
	r := newHitRow(false)
	f.updateRow(0, r)
	if got, want := richText(r.snippet), "Hi, this is [agent_name]. I have [customer_name] about concern"; got != want {
		t.Errorf("row shows %q, want %q", got, want)
	}
}
