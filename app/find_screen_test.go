package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// findReady opens Find with search started and waits for the first list.
func findReady(t testing.TB) (*poise, *findScreen) {
	t.Helper()
	p := newTestPoise(t, fixtureLibrary())
	f := p.show(screenFind).(*findScreen)
	done := waitApplied(f)
	startSearch(t, p)
	wait(t, p, done, "")
	return p, f
}

// waitApplied reports every result list the screen shows.
func waitApplied(f *findScreen) chan string {
	ch := make(chan string, 256)
	f.applied = func(q string) { ch <- q }
	return ch
}

// wait blocks until the list answering text is shown.
func wait(t testing.TB, p *poise, ch chan string, text string) {
	t.Helper()
	got := false
	pump(t, p, func() bool {
		for {
			select {
			case q := <-ch:
				if q == text {
					got = true
				}
				continue
			default:
			}
			return got
		}
	})
}

// typeQuery types text into the search field as a person would.
func typeQuery(t testing.TB, f *findScreen, text string) {
	t.Helper()
	ch := waitApplied(f)
	test.Type(f.entry, text)
	wait(t, f.p, ch, f.entry.Text)
}

func hitIDs(f *findScreen) []string {
	var ids []string
	for _, h := range f.hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func TestFindShowsResultsAsYouType(t *testing.T) {
	tests := []struct {
		name  string
		query string
		want  string // an id that must be among the hits
		first bool   // and must be the first
	}{
		{"statement by its words", "sorted now", "builtin/statements/angry#1", true},
		{"matrix concern by title", "late delivery", "builtin/matrix/late-delivery", true},
		{"guide section", "five-second pause", "builtin/guides/staying-calm#the-five-second-pause", false},
		{"template by tag", "escalation", "builtin/templates/hand-off", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, f := findReady(t)
			typeQuery(t, f, tt.query)
			ids := hitIDs(f)
			if !slices.Contains(ids, tt.want) {
				t.Fatalf("hits for %q = %v, want %s among them", tt.query, ids, tt.want)
			}
			if tt.first && ids[0] != tt.want {
				t.Errorf("first hit for %q = %s, want %s", tt.query, ids[0], tt.want)
			}
			settle(f.p)
			if f.sel != 0 || f.preview.id != ids[0] {
				t.Errorf("first hit not selected and previewed: sel=%d preview=%q", f.sel, f.preview.id)
			}
		})
	}
}

func TestFindKeyboard(t *testing.T) {
	p, f := findReady(t)
	typeQuery(t, f, "refund")
	if len(f.hits) < 2 {
		t.Fatalf("want at least two hits for refund, got %v", hitIDs(f))
	}
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	settle(p)
	if f.sel != 1 || f.preview.id != f.hits[1].ID {
		t.Fatalf("Down: sel=%d preview=%q, want 1 and %q", f.sel, f.preview.id, f.hits[1].ID)
	}
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if f.sel != 0 {
		t.Fatalf("Up twice from 1: sel=%d, want 0 (stays at the top)", f.sel)
	}
	// Pick a hit with nothing to fill in, so Enter copies at once.
	for i, h := range f.hits {
		if h.Kind == "statement" {
			for range i {
				f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
			}
			break
		}
	}
	it, _ := f.selectedItem()
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := p.app.Clipboard().Content(); got != it.Text {
		t.Errorf("clipboard after Enter = %q, want %q", got, it.Text)
	}
	if got := p.status.Text; got == "" {
		t.Error("no confirmation after copying")
	}
	if rec := p.usage.Recent(); len(rec) == 0 || rec[0] != it.ID {
		t.Errorf("recent copies = %v, want %s first", rec, it.ID)
	}

	ch := waitApplied(f)
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.entry.Text != "" {
		t.Errorf("Esc left %q in the field", f.entry.Text)
	}
	wait(t, p, ch, "")
	if len(f.hits) == 0 || f.hits[0].ID != it.ID {
		t.Errorf("empty Find should list the copied item first, got %v", hitIDs(f))
	}
	if !f.recent[it.ID] {
		t.Errorf("the copied item is not marked as recent on the empty screen")
	}
}

func TestFindOpensWithCtrlEnter(t *testing.T) {
	p, f := findReady(t)
	typeQuery(t, f, "five-second pause")
	for i, h := range f.hits {
		if h.ID == "builtin/guides/staying-calm#the-five-second-pause" {
			f.list.Select(i)
		}
	}
	f.entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault})
	if got := p.current; got != screenGuides {
		t.Fatalf("Ctrl+Enter on a guide section showed %q, want %q", got, screenGuides)
	}
	if p.guides.current != "builtin/guides/staying-calm" || p.guides.section != "builtin/guides/staying-calm#the-five-second-pause" {
		t.Errorf("guides show %q at %q, want the guide at its section", p.guides.current, p.guides.section)
	}
}

func TestFindChipsFilterByKind(t *testing.T) {
	_, f := findReady(t)
	typeQuery(t, f, "refund")
	ch := waitApplied(f)
	f.kinds.pick("statement")
	wait(t, f.p, ch, "refund")
	for _, h := range f.hits {
		if h.Kind != "statement" {
			t.Errorf("kind chip statement let through %s (%s)", h.ID, h.Kind)
		}
	}
	if f.kinds.buttons["statement"] == nil {
		t.Fatal("no statement chip")
	}
	if got := f.kinds.buttons["statement"].Text; got != "Statements 2" {
		t.Errorf("statement chip reads %q, want %q", got, "Statements 2")
	}
}

func TestCtrlKFocusesFindFromAnotherEntry(t *testing.T) {
	p, f := findReady(t)
	p.show(screenSettings)
	other := newShortcutEntry(p)
	p.body.Add(other) // any focused entry anywhere must let Ctrl+K through
	p.win.Canvas().Focus(other)
	other.TypedShortcut(keyFind)
	if got := p.current; got != screenFind {
		t.Fatalf("Ctrl+K from an entry showed %q, want Find", got)
	}
	if p.win.Canvas().Focused() != f.entry {
		t.Errorf("Ctrl+K did not focus the search field")
	}
}

// TestFindSaysWhatItCorrected guards issue 11: a typo is searched as the
// word it was probably meant to be, and the screen says so.
func TestFindSaysWhatItCorrected(t *testing.T) {
	_, f := findReady(t)
	typeQuery(t, f, "late delivry ")
	if !slices.Contains(hitIDs(f), "builtin/matrix/late-delivery") {
		t.Fatalf("hits = %v, want the late-delivery concern", hitIDs(f))
	}
	if want := `Showing results for "late delivery"`; !strings.Contains(f.info.Text, want) {
		t.Errorf("info = %q, want it to say %s", f.info.Text, want)
	}
}
