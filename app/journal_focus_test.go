package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
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
