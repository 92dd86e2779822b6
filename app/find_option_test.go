package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
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

// TestPreviewCopyAgreesWithRecentOption: the preview's Copy button copies
// the same option as Enter on a Recent concern, and says which.
func TestPreviewCopyAgreesWithRecentOption(t *testing.T) {
	p, f := findReady(t)
	it, _ := p.item("builtin/matrix/late-delivery")
	alt := it.Options[1]
	p.copyOption(it, alt)
	ch := waitApplied(f)
	f.refresh()
	wait(t, p, ch, "")
	for j, h := range f.hits {
		if h.ID == it.ID {
			f.list.Select(j)
		}
	}
	pump(t, p, func() bool { return f.preview.id == it.ID })
	if !strings.Contains(f.preview.copyBtn.Text, alt.Title) {
		t.Errorf("preview Copy reads %q, want it to name %q", f.preview.copyBtn.Text, alt.Title)
	}
	p.app.Clipboard().SetContent("")
	test.Tap(f.preview.copyBtn)
	if got := p.app.Clipboard().Content(); got != alt.Say {
		t.Errorf("preview Copy copied %q, want the option used before %q", got, alt.Say)
	}
}
