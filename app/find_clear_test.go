package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Ctrl+K selects the last question; Esc then empties the field. The next
// question must arrive whole: an agent pressed Ctrl+K, Esc and typed
// "refund late angry", and the field read "efund late angry" (Esc cleared
// the text but not the selection of it, and the first letter typed went
// to replacing that selection).
func TestFindCtrlKEscKeepsFirstLetter(t *testing.T) {
	p, f := findReady(t)
	typeQuery(t, f, "sync conflict")
	ch := waitApplied(f)
	f.entry.TypedShortcut(keyFind)
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	wait(t, p, ch, "")
	test.Type(f.entry, "refund")
	if f.entry.Text != "refund" {
		t.Fatalf("after Ctrl+K, Esc and typing refund the field reads %q", f.entry.Text)
	}
}
