package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/poisehq/poise/journal"
)

// focusCheckingCanvas records a Focus of an object that is not in the
// window's content or overlays: the desktop canvas refuses it and logs
// "Failed to focus object which is not part of the canvas' content", where
// the test canvas ignores it silently.
type focusCheckingCanvas struct {
	fyne.Canvas
	outside []fyne.Focusable
}

func (c *focusCheckingCanvas) Focus(o fyne.Focusable) {
	trees := append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...)
	found := false
	for _, tree := range trees {
		for _, x := range findAll[fyne.CanvasObject](tree) {
			if x == o.(fyne.CanvasObject) {
				found = true
			}
		}
	}
	if !found {
		c.outside = append(c.outside, o)
	}
	c.Canvas.Focus(o)
}

type focusCheckingWindow struct {
	fyne.Window
	c *focusCheckingCanvas
}

func (w *focusCheckingWindow) Canvas() fyne.Canvas { return w.c }

func checkFocus(p *poise) *focusCheckingCanvas {
	c := &focusCheckingCanvas{Canvas: p.win.Canvas()}
	p.win = &focusCheckingWindow{Window: p.win, c: c}
	return c
}

// TestJournalUnlockFocusesOnlyWhatIsShown: unlocking the journal focused
// the new form's first field while building it, before it was in the
// window (Fyne logged "Failed to focus object which is not part of the
// canvas' content" at every unlock), and again when unlocked from the
// Summary screen, with the Journal screen out of sight. The field takes
// the keyboard once it is shown, and only then.
func TestJournalUnlockFocusesOnlyWhatIsShown(t *testing.T) {
	t.Run("on the Journal screen", func(t *testing.T) {
		p, s := journalPoise(t)
		setUpJournal(t, p, s)
		s.lockNow()
		c := checkFocus(p)
		pass := findAll[*shortcutEntry](s.body)[0]
		test.Type(pass, journalPass)
		pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		pump(t, p, func() bool { return s.form != nil })
		if len(c.outside) != 0 {
			t.Errorf("focused %d objects not in the window: %T", len(c.outside), c.outside[0])
		}
		if got := c.Focused(); got != fyne.Focusable(s.form.what) {
			t.Errorf("the keyboard is on %T after unlock, want the what-happened field", got)
		}
	})
	t.Run("from the Summary screen", func(t *testing.T) {
		p, s := journalPoise(t)
		setUpJournal(t, p, s)
		s.lockNow()
		sum := p.show(screenSummary).(*summaryScreen)
		c := checkFocus(p)
		test.Type(sum.pass, journalPass)
		sum.pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		pump(t, p, func() bool { return s.form != nil && !strings.Contains(labelsText(sum.body), "Unlocking") })
		if len(c.outside) != 0 {
			t.Errorf("focused %d objects not in the window: %T", len(c.outside), c.outside[0])
		}
		if got := c.Focused(); got != fyne.Focusable(sum) {
			t.Errorf("the keyboard is on %T after unlock, want the Summary screen", got)
		}
	})
}

// A draft on offer after an unlock has the keyboard on its Restore button
// (it took some 20 Tabs to reach); coming back to an unlocked Journal puts
// the keyboard there again, or on the form when nothing is on offer (it
// was on nothing, so typing did nothing). Discard keeps the draft behind an
// Undo until it is gone: one key pressed by mistake lost the agent's words.
func TestJournalOfferedDraftKeysAndUndo(t *testing.T) {
	p, s := journalPoise(t)
	setUpJournal(t, p, s)
	if _, err := s.j.SaveDraft(journal.Draft{Entry: journal.Entry{WhatHappened: "Left unsaved by a crash"}}); err != nil {
		t.Fatal(err)
	}
	s.lockNow()
	pass := findAll[*shortcutEntry](s.body)[0]
	test.Type(pass, journalPass)
	pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	pump(t, p, func() bool { return s.form != nil })
	c := p.win.Canvas()
	restore := ringButtonNamed(t, s.form.drafts, "Restore")
	if c.Focused() != fyne.Focusable(restore) {
		t.Fatalf("after the unlock the keyboard is on %T, want the offered draft's Restore", c.Focused())
	}
	if !restore.ring.visible() {
		t.Error("Restore has the keyboard but no focus ring shows it")
	}
	p.show(screenFind)
	p.show(screenJournal)
	if c.Focused() != fyne.Focusable(restore) {
		t.Errorf("back on the Journal the keyboard is on %T, want Restore", c.Focused())
	}

	test.Tap(ringButtonNamed(t, s.form.drafts, "Discard"))
	if ds, _ := s.j.Drafts(); len(ds) != 1 {
		t.Fatalf("%d drafts right after Discard, want it kept while Undo is up", len(ds))
	}
	undo := ringButtonNamed(t, s.form.drafts, "Undo")
	if c.Focused() != fyne.Focusable(undo) {
		t.Errorf("after Discard the keyboard is on %T, want Undo", c.Focused())
	}
	test.Tap(undo)
	restore = ringButtonNamed(t, s.form.drafts, "Restore")
	if c.Focused() != fyne.Focusable(restore) {
		t.Errorf("after Undo the keyboard is on %T, want the draft offered again", c.Focused())
	}

	// Locked with Undo up, the draft stays, offered at the next unlock,
	// and no timer of the old form removes it then.
	test.Tap(ringButtonNamed(t, s.form.drafts, "Discard"))
	old := s.form
	s.lockNow()
	if old.finish != nil {
		t.Error("the lock left the discard pending")
	}
	pass = findAll[*shortcutEntry](s.body)[0]
	test.Type(pass, journalPass)
	pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	pump(t, p, func() bool { return s.form != nil })
	if ds, _ := s.j.Drafts(); len(ds) != 1 || s.form.offered == nil {
		t.Fatalf("after discard, lock and unlock: %d drafts, offered %v; want the draft offered again", len(ds), s.form.offered != nil)
	}

	test.Tap(ringButtonNamed(t, s.form.drafts, "Discard"))
	s.form.finishDiscard() // as when Undo's time is up
	if ds, _ := s.j.Drafts(); len(ds) != 0 {
		t.Errorf("drafts once Undo is gone: %+v, want none", ds)
	}
	p.show(screenFind)
	p.show(screenJournal)
	if c.Focused() != fyne.Focusable(s.form.what) {
		t.Errorf("on an unlocked Journal with nothing on offer the keyboard is on %T, want the form", c.Focused())
	}
}

func ringButtonNamed(t testing.TB, o fyne.CanvasObject, text string) *ringButton {
	t.Helper()
	for _, b := range findAll[*ringButton](o) {
		if b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q", text)
	return nil
}
