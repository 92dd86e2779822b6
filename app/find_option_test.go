package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestCopyFromRecentKeepsTheOption guards issue 16: copying an
// alternative names that option, and copying the concern again from
// Recent gives that same option, not the offer-first one.
func TestCopyFromRecentKeepsTheOption(t *testing.T) {
	p, f := findReady(t)
	it, ok := p.item("builtin/matrix/late-delivery")
	if !ok {
		t.Fatal("no late-delivery concern")
	}
	alt := it.Options[1]
	p.copyOption(it, alt) // what the option card's Copy button does
	if got := p.app.Clipboard().Content(); got != alt.Say {
		t.Fatalf("clipboard = %q, want the alternative %q", got, alt.Say)
	}
	if want := "Copied: " + alt.Title; p.status.Text != want {
		t.Errorf("confirmation = %q, want %q", p.status.Text, want)
	}

	p.app.Clipboard().SetContent("")
	ch := waitApplied(f)
	f.refresh() // the blank list again, now with the concern as Recent
	wait(t, p, ch, "")
	i := -1
	for j, h := range f.hits {
		if h.ID == it.ID {
			i = j
		}
	}
	if i < 0 || !f.recent[it.ID] {
		t.Fatalf("the copied concern is not listed as Recent: %v", hitIDs(f))
	}
	for range i {
		f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := p.app.Clipboard().Content(); got != alt.Say {
		t.Errorf("Enter on the Recent concern copied %q, want the option used before %q", got, alt.Say)
	}
	if want := "Copied: " + alt.Title; p.status.Text != want {
		t.Errorf("confirmation = %q, want %q", p.status.Text, want)
	}
}
