package app

import (
	"os"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
)

// A quit by a signal (a session logging out) closes editor windows
// without asking: what is typed in one is kept, and the next editor on
// that file offers it back unsaved, rather than lost.
func TestEditorKeepsUnsavedTextThroughAQuit(t *testing.T) {
	p, _ := minePoise(t)
	rel, err := p.myPack().Create(kb.KindTemplate, "Callback")
	if err != nil {
		t.Fatal(err)
	}
	e := p.openEditor(rel)
	saved := e.saved
	typed := saved + "\nMy words, not saved yet.\n"
	e.text.SetText(typed)
	for _, keep := range p.onQuit {
		keep()
	}
	if on, _ := p.myPack().Read(rel); string(on) != saved {
		t.Errorf("the quit saved the file itself:\n%s", on)
	}
	// The next start: no editor open.
	delete(p.my().editors, rel)
	e.win.Close()

	e = p.openEditor(rel)
	if e.text.Text != typed {
		t.Fatalf("the editor opened on\n%s\nnot the text typed before the quit", e.text.Text)
	}
	if e.saved != saved || !strings.Contains(e.status.Text, "not saved") {
		t.Errorf("saved %q, status %q: want the file as saved and a word that the text is not", e.saved, e.status.Text)
	}
	if _, err := os.Stat(p.myPack().UnsavedPath(rel)); !os.IsNotExist(err) {
		t.Errorf("the kept text stays after it was offered back: %v", err)
	}
}
