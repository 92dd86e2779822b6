package kb_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
)

// Every item of a note carries all its tags, so a note's tags times its
// headings are indexed: a 60 KB note of 5,000 #tags and 2,000 headings
// took 151 s and 15 GB of memory to index. A note keeps its first
// kb.MaxFileTags tags, and the rest are a problem naming the note.
func TestNoteTagsAreBounded(t *testing.T) {
	var tags []string
	for i := range 3 * kb.MaxFileTags {
		tags = append(tags, fmt.Sprintf("#tag%d", i))
	}
	packs := t.TempDir()
	writeInto(t, filepath.Join(packs, "notes"), map[string]string{
		"pack.toml": "id = \"notes\"\nname = \"Notes\"\nversion = \"1.0.0\"\nlayout = \"notes\"\n",
		"many.md":   "# Many\n\n" + strings.Join(tags, " ") + "\n\n## One\n\nText.\n\n## Two\n\nText.\n",
	})
	lib, err := kb.LoadLibrary(nil, packs)
	if lib == nil {
		t.Fatal(err)
	}
	pk, ok := lib.Pack("notes")
	if !ok || len(pk.Items) == 0 {
		t.Fatal("pack not loaded")
	}
	for _, it := range pk.Items {
		if len(it.Tags) > kb.MaxFileTags {
			t.Errorf("%s has %d tags", it.ID, len(it.Tags))
		}
		if len(it.Tags) == 0 || it.Tags[0] != "tag0" {
			t.Errorf("%s lost its first tags: %v", it.ID, it.Tags[:min(3, len(it.Tags))])
		}
	}
	var pe *kb.ProblemsError
	if !errors.As(err, &pe) || !strings.Contains(fmt.Sprint(pe.Problems), "many.md") || !strings.Contains(fmt.Sprint(pe.Problems), "tags") {
		t.Errorf("no problem names the note's tags: %v", err)
	}
}
