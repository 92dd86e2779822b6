package kb_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
)

// Each loading worker reads its notes into one buffer: a note whose
// syntax is rewritten is built from its rewritten copy, and one that is
// not must keep bytes of its own. Notes of both sorts, of different
// lengths and interleaved, each keep their own words.
func TestNotesReadBufferKeepsEveryNote(t *testing.T) {
	dir := t.TempDir()
	const n = 60
	for i := range n {
		var body string
		switch i % 3 {
		case 0: // not rewritten
			body = fmt.Sprintf("Intro of note %d.\n\n## Part %d\n\nWords of note %d %s\n", i, i, i, strings.Repeat("plain ", i*7))
		case 1: // a wikilink
			body = fmt.Sprintf("See [[note %d]] from note %d.\n\n## Part %d\n\nWords of note %d\n", (i+1)%n, i, i, i)
		default: // a callout, a long note
			body = fmt.Sprintf("> [!tip] Tip of note %d\n> %s\n\n## Part %d\n\nWords of note %d\n", i, strings.Repeat("long ", 400), i, i)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("note %d.md", i)), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	p, err := kb.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	lib := kb.NewLibrary(p)
	seen := 0
	lib.Items(func(it *kb.Item) {
		var i int
		if _, err := fmt.Sscanf(it.Source.File, "note %d.md", &i); err != nil {
			t.Fatalf("item %s from %q", it.ID, it.Source.File)
		}
		own := fmt.Sprintf("note %d", i)
		if it.Parent != "" {
			if it.Title != fmt.Sprintf("Part %d", i) || !strings.HasPrefix(it.Body, "Words of "+own) || !strings.HasPrefix(it.Text, "Words of "+own) {
				t.Errorf("%s: title %q, body %q, text %q: not %s's", it.ID, it.Title, it.Body, it.Text, own)
			}
		} else if !strings.Contains(it.Body, own+".") && !strings.Contains(it.Body, "Tip of "+own) {
			t.Errorf("%s: body %q is not %s's", it.ID, it.Body, own)
		}
		seen++
	})
	if seen != 2*n {
		t.Errorf("%d items, want %d", seen, 2*n)
	}
}
