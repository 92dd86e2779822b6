package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb"
)

// waitingLibrary has three statements for one situation in two banks and
// a concern for it, so a search for the situation folds the statements.
func waitingLibrary() *kb.Library {
	st := func(id, bank, title, text string) kb.Item {
		return kb.Item{ID: "builtin/statements/" + bank + "#" + id, Pack: "builtin", Kind: kb.KindStatement, Title: title,
			Text: text, Emotions: []string{bank}, Situations: []string{title}, Source: kb.Source{File: "statements/" + bank + ".md", Line: 1}}
	}
	return kb.NewLibrary(&kb.Pack{
		Manifest: kb.Manifest{ID: "builtin", Name: "Built-in", Version: "1.0.0"},
		Builtin:  true,
		Items: []kb.Item{
			st("1", "angry", "Waited too long", "You've waited far too long for this, and I'm sorry."),
			st("2", "angry", "Waited too long", "That wait was too long, and it's on us."),
			st("1", "frustrated", "Waited too long", "Waiting that long is maddening. I'm on it now."),
			st("2", "frustrated", "Refund delayed", "The refund should have reached you by now."),
			{ID: "builtin/matrix/long-wait-time", Pack: "builtin", Kind: kb.KindMatrix, Title: "Long wait",
				Summary: "The customer waited too long to reach anyone.", Text: "Thank you for waiting so long.",
				Source: kb.Source{File: "matrix/long-wait-time.md", Line: 1}},
		},
	})
}

// rowText is what row i of the Find list shows as its title.
func rowText(f *findScreen, i int) string {
	r := newHitRow(false)
	f.updateRow(i, r)
	var b strings.Builder
	for _, s := range r.title.Segments {
		b.WriteString(s.(*widget.TextSegment).Text)
	}
	return b.String()
}

// TestFindMoreLikeThis: statements for one situation are one row saying
// how many more there are; → at the end of the field opens them under it,
// ↓ reaches them, ← folds them and selects the result again.
func TestFindMoreLikeThis(t *testing.T) {
	p := newTestPoise(t, waitingLibrary())
	f := p.show(screenFind).(*findScreen)
	done := waitApplied(f)
	startSearch(t, p)
	wait(t, p, done, "")
	typeQuery(t, f, "waited too long")
	settle(p)

	var statements int
	for _, h := range f.hits {
		if h.Title == "Waited too long" {
			statements++
		}
	}
	if statements != 1 || len(f.hits) != 2 {
		t.Fatalf("want the three statements as one row beside the concern, got %v", hitIDs(f))
	}
	head := f.hits[0]
	if head.Kind != kb.KindStatement {
		t.Fatalf("want the statements first, got %v", hitIDs(f))
	}
	if got := rowText(f, 0); !strings.Contains(got, "+2 more like this →") {
		t.Errorf("first row reads %q, want it to say 2 more like this", got)
	}
	if got := rowText(f, 1); strings.Contains(got, "more") {
		t.Errorf("the concern's row reads %q: it has nothing more", got)
	}

	// → in the middle of the words moves the cursor and opens nothing.
	f.entry.CursorColumn = 3
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if len(f.hits) != 2 || f.entry.CursorColumn != 4 {
		t.Fatalf("→ mid-field: %d rows, cursor at %d; want 2 rows and the cursor moved to 4", len(f.hits), f.entry.CursorColumn)
	}

	f.entry.CursorColumn = len(f.entry.Text)
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	settle(p)
	if len(f.hits) != 4 || f.hits[0].ID != head.ID || f.sel != 0 {
		t.Fatalf("→ at the end: rows %v, sel %d; want the result, its two more, then the concern, the result selected", hitIDs(f), f.sel)
	}
	for i := 1; i <= 2; i++ {
		if f.hits[i].Title != "Waited too long" || !strings.HasPrefix(rowText(f, i), "↳ ") {
			t.Errorf("row %d = %s %q, want a statement for the situation marked ↳", i, f.hits[i].ID, rowText(f, i))
		}
	}
	if got := rowText(f, 0); !strings.Contains(got, "2 more below ←") {
		t.Errorf("open result reads %q", got)
	}

	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	settle(p)
	if f.sel != 1 || f.preview.id != f.hits[1].ID {
		t.Fatalf("↓ into the group: sel %d preview %q, want 1 and %q", f.sel, f.preview.id, f.hits[1].ID)
	}
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	settle(p)
	if len(f.hits) != 2 || f.sel != 0 || f.preview.id != head.ID {
		t.Fatalf("← folds: rows %v sel %d preview %q, want 2 rows and the result selected and shown", hitIDs(f), f.sel, f.preview.id)
	}
	// Folded, ← is the field's again.
	col := f.entry.CursorColumn
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if f.entry.CursorColumn != col-1 {
		t.Errorf("← with nothing open: cursor %d, want %d", f.entry.CursorColumn, col-1)
	}
}

// TestFindSuggestsWhenNothingFound: hurried typing that finds nothing gets
// the nearest query that finds something, and → tries it.
func TestFindSuggestsWhenNothingFound(t *testing.T) {
	p, f := findReady(t)
	typeQuery(t, f, "rfnd ")
	if len(f.hits) != 0 {
		t.Fatalf("rfnd finds %v, so this test shows nothing", hitIDs(f))
	}
	if got := f.info.Text; !strings.Contains(got, `"refund"`) || !strings.Contains(got, "→") {
		t.Fatalf("info line %q, want it to suggest \"refund\" and say → tries it", got)
	}
	ch := waitApplied(f)
	f.entry.CursorColumn = len(f.entry.Text)
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	wait(t, p, ch, "refund")
	if len(f.hits) == 0 {
		t.Errorf("→ searched %q and found nothing", f.entry.Text)
	}
	if f.entry.CursorColumn != len("refund") {
		t.Errorf("cursor at %d, want the end of %q", f.entry.CursorColumn, f.entry.Text)
	}
}

// TestFindBlankListFoldsSituations: the empty Find screen folds the
// statements for one situation into one row, as a search does, while a
// starred item keeps its own row at the top.
func TestFindBlankListFoldsSituations(t *testing.T) {
	p := newTestPoise(t, waitingLibrary())
	f := p.show(screenFind).(*findScreen)
	done := waitApplied(f)
	startSearch(t, p)
	wait(t, p, done, "")

	waited := func() (rows int) {
		for _, h := range f.hits {
			if h.Title == "Waited too long" {
				rows++
			}
		}
		return rows
	}
	if n := waited(); n != 1 {
		t.Fatalf("the empty screen lists %d rows for one situation, want 1: %v", n, hitIDs(f))
	}
	if len(f.hits) != 3 {
		t.Errorf("want the situation, the refund statement and the concern, got %v", hitIDs(f))
	}
	if got := rowText(f, 0); !strings.Contains(got, "+2 more like this →") {
		t.Errorf("the situation's row reads %q, want it to say 2 more like this", got)
	}

	// A starred statement stays first and on its own row.
	const star = "builtin/statements/frustrated#1"
	if err := p.usage.SetFavourite(star, true); err != nil {
		t.Fatal(err)
	}
	done = waitApplied(f)
	f.refresh()
	wait(t, p, done, "")
	if f.hits[0].ID != star || len(f.hits[0].More) != 0 {
		t.Fatalf("want the starred statement first, alone, got %v", hitIDs(f))
	}
	if n := waited(); n != 2 {
		t.Errorf("want the starred statement and its situation's other two as one row, got %v", hitIDs(f))
	}
}
