package kb_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
)

// A note's body is what follows its title: the preview shows the title
// already, and shows a guide's body up to its first "## " section. A note
// of one "# Title" and one "## Section" showed the section's first
// sentence and then "# Title" as a heading, and none of the section's
// text; a note with sections showed its title twice.
func TestNoteBodyLeavesOutItsTitle(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"alpha.md": "# Alpha note\n\n## Alpha section\n\nPlain first sentence here. Second sentence alpha.\n\n- bullet one alpha\n",
		"beta.md":  "# Beta note\n\nIntro beta.\n\n## One\n\nText one.\n\n## Two\n\nText two.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := kb.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	lib := kb.NewLibrary(p)
	byTitle := map[string]*kb.Item{}
	lib.Items(func(it *kb.Item) { byTitle[it.Title] = it })
	a := byTitle["Alpha section"]
	if a == nil {
		t.Fatalf("no item titled Alpha section: %v", byTitle)
	}
	if strings.HasPrefix(a.Body, "#") || !strings.Contains(a.Body, "Second sentence alpha.") || !strings.Contains(a.Body, "bullet one alpha") {
		t.Errorf("one-section note's body = %q; want the section's text without its headings", a.Body)
	}
	b := byTitle["Beta note"]
	if b == nil {
		t.Fatalf("no item titled Beta note: %v", byTitle)
	}
	if !strings.HasPrefix(b.Body, "Intro beta.") || !strings.Contains(b.Body, "## One") {
		t.Errorf("note's body = %q; want its text after the title, sections included", b.Body)
	}
}
