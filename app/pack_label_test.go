package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb/packs"
	"github.com/poisehq/poise/kb/search"
)

const longPackName = "Catalan · valencià support macros for the returns and refunds desk, second edition"

// A long pack name never widens a result row nor changes its height: in
// one column it ran past the row's edge, beside the preview it ends in an
// ellipsis; the preview names it in full.
func TestResultRowCutsALongPackName(t *testing.T) {
	test.NewTempApp(t)
	for _, narrow := range []bool{true, false} {
		width := float32(440)
		if !narrow {
			width = 500
		}
		r := newHitRow(narrow)
		test.NewWindow(r).Resize(fyne.NewSize(width+20, 200))
		h := search.Hit{ID: "catalan/guides/refund", Kind: "guide", Title: "Refund after thirty days", Snippet: "When the customer asks for a refund after the window"}
		r.Resize(fyne.NewSize(width, r.MinSize().Height))
		r.set(h, "Built-in", false, rowNote{})
		short := r.MinSize()
		r.set(h, longPackName, false, rowNote{})
		long := r.MinSize()
		if long.Height != short.Height {
			t.Errorf("narrow %v: the row is %v tall with a long pack name, %v with a short one", narrow, long.Height, short.Height)
		}
		if long.Width > width {
			t.Errorf("narrow %v: the row needs %v px for a long pack name, more than its %v", narrow, long.Width, width)
		}
		if r.pack.Text != longPackName || r.pack.Truncation != fyne.TextTruncateEllipsis {
			t.Errorf("narrow %v: the pack label holds %q, truncation %v", narrow, r.pack.Text, r.pack.Truncation)
		}
	}
}

// The Packs screen wraps a long pack name rather than grow past a
// window docked at 480 px.
func TestPackCardWrapsALongName(t *testing.T) {
	p := newTestPoise(t, fixtureLibrary())
	s := &packsScreen{p: p}
	card := s.packCard(packs.Installed{ID: "catalan", Name: longPackName, Version: "1.0.0"})
	if w := card.MinSize().Width; w > 440 {
		t.Errorf("a pack card with a long name needs %v px", w)
	}
	var found bool
	for _, l := range findAll[*widget.Label](card) {
		if l.Text == longPackName+"  1.0.0" {
			found = true
		}
	}
	if !found {
		t.Error("the card does not show the pack's whole name")
	}
}
