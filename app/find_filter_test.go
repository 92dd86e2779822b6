package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/poisehq/poise/kb/search"
)

// pickKind taps a kind chip as a person would and waits for its list.
func pickKind(t *testing.T, f *findScreen, kind string) {
	t.Helper()
	b := f.kinds.buttons[kind]
	if b == nil {
		t.Fatalf("no %s chip", kind)
	}
	ch := waitApplied(f)
	test.Tap(b)
	wait(t, f.p, ch, f.entry.Text)
}

// TestFindChipsCountWithoutTheFilter guards issue 16: with a kind chip
// picked, "All" and the other chips still count the whole query, and the
// info line says a filter is on.
func TestFindChipsCountWithoutTheFilter(t *testing.T) {
	_, f := findReady(t)
	typeQuery(t, f, "refund")
	all := f.kinds.all.Text
	matrix := f.kinds.buttons["matrix"].Text
	pickKind(t, f, "statement")
	if got := f.kinds.all.Text; got != all {
		t.Errorf("with a filter, All reads %q, want the unfiltered %q", got, all)
	}
	if got := f.kinds.buttons["matrix"].Text; got != matrix {
		t.Errorf("with a filter, the matrix chip reads %q, want %q", got, matrix)
	}
	if !strings.Contains(f.info.Text, "Filtered to Statements") {
		t.Errorf("info = %q, want it to say the Statements filter is on", f.info.Text)
	}
	if f.kinds.all.Importance == f.kinds.buttons["statement"].Importance {
		t.Error("the picked chip looks the same as All")
	}
}

// TestFindEscOnEmptyFieldClearsFilter guards issue 16: after picking a
// chip, Esc empties the field, a second Esc drops the filter, so the next
// question shows every kind again.
func TestFindEscOnEmptyFieldClearsFilter(t *testing.T) {
	p, f := findReady(t)
	typeQuery(t, f, "refund")
	pickKind(t, f, "statement")
	if p.win.Canvas().Focused() != f.entry {
		t.Fatal("after picking a chip the search field does not have the keyboard")
	}
	ch := waitApplied(f)
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	wait(t, p, ch, "")
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	wait(t, p, ch, "")
	if f.kinds.selected != "" {
		t.Fatalf("two Esc left the %q filter", f.kinds.selected)
	}
	typeQuery(t, f, "late delivery")
	if !slices.Contains(hitIDs(f), "builtin/matrix/late-delivery") {
		t.Errorf("hits = %v, want the late-delivery concern", hitIDs(f))
	}
}

// TestFindCtrlKClearsFilter guards issue 16: Ctrl+K starts a fresh
// question, without the last one's filter.
func TestFindCtrlKClearsFilter(t *testing.T) {
	p, f := findReady(t)
	typeQuery(t, f, "refund")
	pickKind(t, f, "statement")
	ch := waitApplied(f)
	f.entry.TypedShortcut(keyFind)
	wait(t, p, ch, "refund")
	if f.kinds.selected != "" {
		t.Fatalf("Ctrl+K left the %q filter", f.kinds.selected)
	}
	if slices.ContainsFunc(f.hits, func(h search.Hit) bool { return h.Kind != "statement" }) == false {
		t.Errorf("after Ctrl+K only statements are listed: %v", hitIDs(f))
	}
}
