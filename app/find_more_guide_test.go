package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// A guide's further sections fold under its best one (issue 11): its row
// says they are more of the same guide, not more answers like it.
func TestFindMoreInThisGuide(t *testing.T) {
	f := &findScreen{}
	f.setResults([]search.Hit{
		{ID: "builtin/guides/staying-calm#breathe", Kind: kb.KindGuide, Title: "Breathe first",
			More: []search.Hit{{ID: "builtin/guides/staying-calm#after", Kind: kb.KindGuide}, {ID: "builtin/guides/staying-calm", Kind: kb.KindGuide}}},
		{ID: "builtin/statements/angry#1", Kind: kb.KindStatement, Title: "Waited too long",
			More: []search.Hit{{ID: "builtin/statements/angry#2", Kind: kb.KindStatement}}},
	})
	text := func(i int) string {
		var b strings.Builder
		for _, s := range moreSegments(f.note(i)) {
			b.WriteString(s.(*widget.TextSegment).Text)
		}
		return b.String()
	}
	if got := text(0); !strings.Contains(got, "+2 more in this guide →") {
		t.Errorf("the guide's row ends %q, want +2 more in this guide", got)
	}
	if got := text(1); !strings.Contains(got, "+1 more like this →") {
		t.Errorf("the statements' row ends %q, want +1 more like this", got)
	}
}
