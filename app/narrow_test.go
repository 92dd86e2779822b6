package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
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

// TestFindIsOneColumnWhenNarrow guards issue 16: below 600 px Find shows
// one column where every result has its title and text, cut at a word
// with an ellipsis; the full text opens on demand and the window widens
// back to two columns.
func TestFindIsOneColumnWhenNarrow(t *testing.T) {
	p, f := findReady(t)
	typeQuery(t, f, "refund")
	p.win.Resize(fyne.NewSize(480, 700))
	if !f.narrow || f.body.Objects[0] != fyne.CanvasObject(f.narrowList) {
		t.Fatalf("at 480 px Find shows %T, want the one-column list", f.body.Objects[0])
	}
	if !p.railIcons.Visible() || p.rail.Visible() {
		t.Error("at 480 px the rail still shows its words")
	}
	rows := 0
	for _, r := range findAll[*hitRow](f.narrowList) {
		if r.key == "" {
			continue // a spare row, not showing a result
		}
		rows++
		title, text := richText(r.title), richText(r.snippet)
		if title == "" || text == "" {
			t.Errorf("a result shows title %q and text %q, want both", title, text)
		}
		if !strings.HasPrefix(r.hit.Snippet, strings.TrimSuffix(text, " …")) {
			t.Errorf("text %q is not the start of the snippet cut at a word", text)
		}
		if text != r.hit.Snippet && !strings.HasSuffix(text, " …") {
			t.Errorf("text %q is cut without an ellipsis", text)
		}
		if r.snippet.Size().Width > f.narrowList.Size().Width {
			t.Errorf("a row's text is %v px wide in a %v px list", r.snippet.Size().Width, f.narrowList.Size().Width)
		}
	}
	if rows == 0 {
		t.Fatal("no result rows in the one-column list")
	}

	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight}) // at the end of the query
	if !f.previewOpen || f.preview.id != f.hits[f.sel].ID {
		t.Fatalf("Right did not open the selected result's full text")
	}
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.previewOpen || f.entry.Text != "refund" {
		t.Errorf("Esc did not go back to the list first (preview open %v, query %q)", f.previewOpen, f.entry.Text)
	}

	p.win.Resize(fyne.NewSize(1000, 700))
	if f.narrow || f.body.Objects[0] != fyne.CanvasObject(f.split) {
		t.Error("widening the window did not bring back the list beside the preview")
	}
}

// In one column, "Full text (→)" shows only over results it can open:
// not while the index builds (no results yet), nor when nothing is found.
func TestFindHidesFullTextWithNoResults(t *testing.T) {
	p := newTestPoise(t, fixtureLibrary())
	f := p.show(screenFind).(*findScreen)
	p.setIndexing(readingText(120, 6289))
	p.win.Resize(fyne.NewSize(480, 700))
	if !f.narrow {
		t.Fatal("at 480 px Find is not one column")
	}
	if f.fullBtn.Visible() {
		t.Error(`"Full text (→)" shows while the index builds, with no results`)
	}
	done := waitApplied(f)
	startSearch(t, p)
	wait(t, p, done, "")
	typeQuery(t, f, "refund")
	if !f.fullBtn.Visible() {
		t.Error(`"Full text (→)" is hidden over results`)
	}
	setQuery(t, f, "zzqxj")
	if len(f.hits) != 0 || f.fullBtn.Visible() {
		t.Errorf(`with %d results "Full text (→)" shows %v, want hidden with none`, len(f.hits), f.fullBtn.Visible())
	}
	setQuery(t, f, "refund")
	f.openPreview()
	if !f.previewOpen || f.fullBtn.Visible() {
		t.Error(`with the full text open "Full text (→)" still shows`)
	}
}

// setQuery replaces the query with text and waits for its results.
func setQuery(t testing.TB, f *findScreen, text string) {
	t.Helper()
	ch := waitApplied(f)
	f.entry.SetText(text)
	wait(t, f.p, ch, text)
}

// TestSettingsFitANarrowWindow: Settings opened in a window docked at
// 480 px made it 758 px wide under Xvfb, and still ran past its right
// edge: the form put each label beside its field and the theme's three
// choices side by side. Narrow, the labels go above their fields and the
// choices one under another; wide, they are beside again.
func TestSettingsFitANarrowWindow(t *testing.T) {
	p := newTestPoise(t, fixtureLibrary())
	p.win.Resize(fyne.NewSize(480, 700))
	p.show(screenSettings)
	if w := p.win.Content().MinSize().Width; w > 480 {
		t.Errorf("Settings need a window %v px wide, want at most 480", w)
	}
	p.win.Resize(fyne.NewSize(480, 700))
	if got := p.win.Canvas().Size().Width; got > 480 {
		t.Errorf("the window grew to %v px", got)
	}
	s := p.views[screenSettings].content().(*settingsScreen)
	if s.theme.Horizontal || s.form.Orientation != widget.Vertical {
		t.Error("at 480 px the theme's choices or the form's labels are still side by side")
	}
	p.win.Resize(fyne.NewSize(1280, 800))
	if !s.theme.Horizontal || s.form.Orientation != widget.Horizontal {
		t.Error("at 1280 px the form did not put its labels beside the fields again")
	}
}
