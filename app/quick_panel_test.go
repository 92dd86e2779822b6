package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestQuickPanelCopiesAndHides guards issue 16: the panel the system-wide
// key brings up finds as Find does, and Enter copies the chosen result and
// hides the panel, so the agent is back where they were typing.
func TestQuickPanelCopiesAndHides(t *testing.T) {
	p, _ := findReady(t)
	p.showQuickPanel()
	q := p.panel
	if !q.shown || q.win.Canvas().Focused() != fyne.Focusable(q.entry) {
		t.Fatal("the panel did not come up with its field ready")
	}
	ch := make(chan string, 16)
	q.applied = func(text string) { ch <- text }
	test.Type(q.entry, "sorted now")
	wait(t, p, ch, "sorted now")
	if len(q.hits) == 0 || q.hits[0].ID != "builtin/statements/angry#1" {
		t.Fatalf("panel found %v", q.hits)
	}
	q.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	it, _ := p.item("builtin/statements/angry#1")
	if got := p.app.Clipboard().Content(); got != it.Text {
		t.Errorf("Enter copied %q, want %q", got, it.Text)
	}
	if q.shown {
		t.Error("the panel is still up after Enter")
	}
}
