package app

import (
	"testing"

	"github.com/poisehq/poise/kb"
)

// TestSummaryShownOnce guards issue 11: a guide section whose summary is
// also its first sentence showed that sentence twice.
func TestSummaryShownOnce(t *testing.T) {
	tests := []struct {
		summary, body string
		opens         bool
	}{
		{"Pause before you answer.", "Pause before you answer. Count to five in your head.", true},
		{"Pause before you answer", "**Pause before you answer.** Count to five.", true},
		{"Why a pause helps.", "Pause before you answer. Count to five.", false},
		{"", "Anything.", false},
	}
	for _, tt := range tests {
		it := &kb.Item{Kind: kb.KindGuide, Summary: tt.summary, Body: tt.body}
		if got := summaryOpensBody(it); got != tt.opens {
			t.Errorf("summary %q, body %q: opens = %v, want %v", tt.summary, tt.body, got, tt.opens)
		}
	}
}
