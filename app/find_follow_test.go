package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

const (
	afterTheCall = "builtin/guides/staying-calm#after-the-call"
	lateDelivery = "builtin/matrix/late-delivery"
)

// tapFirstLink taps the first item link in what the preview shows.
func tapFirstLink(t *testing.T, f *findScreen) {
	t.Helper()
	var link *widget.HyperlinkSegment
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch o := o.(type) {
		case *widget.RichText:
			for _, s := range o.Segments {
				if p, ok := s.(*widget.ParagraphSegment); ok {
					for _, s := range p.Texts {
						if h, ok := s.(*widget.HyperlinkSegment); ok && link == nil {
							link = h
						}
					}
				}
				if h, ok := s.(*widget.HyperlinkSegment); ok && link == nil {
					link = h
				}
			}
		case *fyne.Container:
			for _, c := range o.Objects {
				walk(c)
			}
		}
	}
	walk(f.preview.body.Content)
	if link == nil || link.OnTapped == nil {
		t.Fatalf("no item link in the preview of %s", f.preview.id)
	}
	link.OnTapped()
}

// After following a link in the preview, Enter copies what the preview
// shows, not the row still selected; Back returns to the row.
func TestFindCopiesWhatThePreviewShows(t *testing.T) {
	p, f := findReady(t)
	typeQuery(t, f, "stand up after the call")
	if len(f.hits) == 0 || f.hits[0].ID != afterTheCall {
		t.Fatalf("want %s first, got %v", afterTheCall, hitIDs(f))
	}
	settle(p)
	if f.preview.id != afterTheCall {
		t.Fatalf("preview shows %q, want the selected %s", f.preview.id, afterTheCall)
	}
	tapFirstLink(t, f)
	if f.preview.id != lateDelivery {
		t.Fatalf("after the link the preview shows %q, want %s", f.preview.id, lateDelivery)
	}
	if p.current != screenFind {
		t.Errorf("following a link in the preview left Find for %s", p.current)
	}
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	it, _ := p.item(lateDelivery)
	want := renderTemplate(p.lib.Locale("builtin"), it.Options[0].Say, nil, p.now())
	if got := p.app.Clipboard().Content(); got != want {
		t.Errorf("Enter copied %q, want the previewed concern's first option %q", got, want)
	}

	f.entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt})
	if f.preview.id != afterTheCall || f.preview.following() {
		t.Fatalf("Alt+Left shows %q (following %v), want %s", f.preview.id, f.preview.following(), afterTheCall)
	}
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	sec, _ := p.item(afterTheCall)
	if got := p.app.Clipboard().Content(); got == want || got == "" {
		t.Errorf("after Back, Enter copied %q, want the guide section %q", got, sec.Title)
	}
}

// Backspace on an empty field is Back; with text it deletes as always.
func TestFindBackspaceOnEmptyFieldGoesBack(t *testing.T) {
	p, f := findReady(t)
	if err := p.usage.SetFavourite(afterTheCall, true); err != nil {
		t.Fatal(err)
	}
	ch := waitApplied(f)
	f.refresh()
	wait(t, p, ch, "")
	settle(p)
	if f.preview.id != afterTheCall {
		t.Fatalf("empty screen previews %q, want the starred %s", f.preview.id, afterTheCall)
	}
	tapFirstLink(t, f)
	if f.preview.id != lateDelivery {
		t.Fatalf("link shows %q, want %s", f.preview.id, lateDelivery)
	}
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if f.preview.id != afterTheCall || f.preview.following() {
		t.Errorf("Backspace on an empty field shows %q, want %s", f.preview.id, afterTheCall)
	}

	// A new search forgets the followed link: the preview is the new row.
	tapFirstLink(t, f)
	typeQuery(t, f, "sorted now")
	settle(p)
	if f.preview.following() || f.preview.id != f.hits[0].ID {
		t.Errorf("after a new search the preview shows %q (following %v), want the first hit %s", f.preview.id, f.preview.following(), f.hits[0].ID)
	}
}
