package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestJournalFitsANarrowWindow guards issue 16: opening the journal must
// not force a window docked beside a CRM to grow (it forced 883 px).
func TestJournalFitsANarrowWindow(t *testing.T) {
	p, s := journalPoise(t)
	if w := p.win.Content().MinSize().Width; w > 480 {
		t.Errorf("set-up needs a window %v px wide, want at most 480", w)
	}
	setUpJournal(t, p, s)
	if w := p.win.Content().MinSize().Width; w > 480 {
		t.Errorf("the open journal needs a window %v px wide, want at most 480", w)
	}
	p.win.Resize(fyne.NewSize(480, 700))
	if got := p.win.Canvas().Size().Width; got > 480 {
		t.Errorf("the window grew to %v px", got)
	}
}
