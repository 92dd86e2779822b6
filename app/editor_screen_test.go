package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb"
)

// problemTexts are the editor's problem rows, "Line 5: message".
func problemTexts(e *editorScreen) []string {
	var out []string
	for _, o := range e.problems.Objects {
		row, ok := o.(*fyne.Container)
		if !ok {
			continue
		}
		var where, msg string
		for _, c := range test.LaidOutObjects(row) {
			switch w := c.(type) {
			case *widget.Button:
				where = w.Text
			case *widget.Label:
				msg = w.Text
			}
		}
		out = append(out, where+": "+msg)
	}
	return out
}

func TestEditorLintsAsYouTypeWithLineNumbers(t *testing.T) {
	p, _ := minePoise(t)
	rel, err := p.myPack().Create(kb.KindTemplate, "Callback")
	if err != nil {
		t.Fatal(err)
	}
	e := p.openEditor(rel)
	e.lintDelay = 0
	pump(t, p, func() bool { return e.checked == 1 })
	if got := problemTexts(e); len(got) != 0 || !strings.Contains(textIn(e.problems), "No problems") {
		t.Fatalf("a new template has problems: %v", got)
	}

	e.text.SetText("---\ntitle: Callback\n---\nHi {{customer_name}},\nI'll call at {{Call Time}} on {{date}}.\n")
	pump(t, p, func() bool { return e.checked == 2 })
	got := problemTexts(e)
	if len(got) != 1 || !strings.HasPrefix(got[0], "Line 5: ") || !strings.Contains(got[0], "{{Call Time}}") {
		t.Fatalf("problems = %q, want one on line 5 about {{Call Time}}", got)
	}
	if !strings.Contains(textIn(e.preview), "Callback") {
		t.Error("the preview does not show the item being written")
	}
	buttonIn(t, e.problems, "Line 5").OnTapped()
	if e.text.CursorRow != 4 {
		t.Errorf("tapping the problem put the cursor on row %d, want 4 (line 5)", e.text.CursorRow)
	}

	// Typed, key by key: an unclosed placeholder on a new last line.
	e.text.SetText("---\ntitle: Callback\n---\nHi {{customer_name}},\nI'll call at {{call_time}}.\n")
	e.text.CursorRow, e.text.CursorColumn = 5, 0
	e.win.Canvas().Focus(e.text)
	test.Type(e.text, "Bye {{agent")
	pump(t, p, func() bool { return len(problemTexts(e)) == 1 && strings.HasPrefix(problemTexts(e)[0], "Line 6: ") })
	if !strings.Contains(e.status.Text, "Unsaved") {
		t.Errorf("status = %q, want unsaved changes", e.status.Text)
	}

	// Fixed, then saved with Ctrl+S: atomically on disk, and in search.
	test.Type(e.text, "_name}} zebracallback")
	pump(t, p, func() bool { return len(problemTexts(e)) == 0 && strings.Contains(textIn(e.problems), "No problems") })
	if !strings.Contains(textIn(e.problems), "{{call_time}}") {
		t.Errorf("placeholders not listed: %s", textIn(e.problems))
	}
	e.text.TypedShortcut(keySave)
	saved, err := os.ReadFile(filepath.Join(p.myPack().Dir(), filepath.FromSlash(rel)))
	if err != nil || !strings.Contains(string(saved), "zebracallback") {
		t.Fatalf("saved file = %q, %v", saved, err)
	}
	pump(t, p, func() bool { return strings.HasPrefix(e.status.Text, "Saved; search has it") })
	if !finds(t, p, "zebracallback", "mine/templates/callback") {
		t.Error("search does not find the saved edit")
	}

	// A broken save is kept on disk, said so, and search keeps the last
	// good version.
	e.text.SetText("---\ntitle: [Callback\n---\nHi {{customer_name}}, quokkanew.\n")
	e.text.TypedShortcut(keySave)
	pump(t, p, func() bool { return strings.HasPrefix(e.status.Text, "Saved with problems") })
	if !finds(t, p, "zebracallback", "mine/templates/callback") || finds(t, p, "quokkanew", "mine/templates/callback") {
		t.Error("a broken save changed what search finds")
	}
	e.close()
	if _, open := p.my().editors[rel]; open {
		t.Error("closing a saved editor asked or kept it open")
	}
}
