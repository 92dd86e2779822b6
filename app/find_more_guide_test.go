package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
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

// TestRowKeepsTitleBesideMore: in the wide list beside the preview (430
// px of a 1100 px window), a result with further sections keeps its whole
// title and shortens its note, rather than show "How Obsidian ..." beside
// "+4 more in this guide →" with room to spare (the obsidian-help vault,
// found by review). A title too long for the row is still cut.
func TestRowKeepsTitleBesideMore(t *testing.T) {
	test.NewTempApp(t)
	r := newHitRow(false)
	r.Resize(fyne.NewSize(430, 60))
	title := func() string {
		var b strings.Builder
		for _, s := range r.title.Segments {
			b.WriteString(s.(*widget.TextSegment).Text)
		}
		return b.String()
	}
	note := rowNote{more: 4, guide: true}
	r.set(search.Hit{ID: "oh/en/sync#how", Kind: kb.KindGuide, Title: "How Obsidian Sync handles conflicts"}, "lead-oh", false, note)
	if got := title(); !strings.Contains(got, "How Obsidian Sync handles conflicts") || !strings.Contains(got, "+4") {
		t.Errorf("the row's title reads %q, want the whole title and +4", got)
	}
	r.set(search.Hit{ID: "oh/en/sync#short", Kind: kb.KindGuide, Title: "Conflicts"}, "lead-oh", false, note)
	if got := title(); !strings.Contains(got, "+4 more in this guide →") {
		t.Errorf("a short title's row reads %q, want the whole note", got)
	}
	long := strings.Repeat("Sync settings and selective syncing ", 4)
	r.set(search.Hit{ID: "oh/en/sync#long", Kind: kb.KindGuide, Title: long}, "lead-oh", false, note)
	if got := title(); !strings.Contains(got, "…") || len(got) >= len(long) {
		t.Errorf("a title too long for the row reads %q, want it cut", got)
	}
}
