package packs

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
)

// A team's years of notes: more than the 10,000 files and 50 MB a pack
// from elsewhere may hold, one note too large to load and one whose name
// holds an escape sequence. The import keeps every note it can and leaves
// those two out, named, instead of refusing the whole folder.
func TestImportLargeFolderLeavesOutWhatItCannotKeep(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 10,050 notes")
	}
	dir := filepath.Join(t.TempDir(), "Years")
	filler := strings.Repeat("A line of notes about refunds and parcels. ", 120) + "\n" // ~5 KB
	for i := range 10_050 {
		sub := filepath.Join(dir, fmt.Sprintf("year %d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("note %d.md", i)), []byte("# Note\n"+filler), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	huge := "# Huge\n" + strings.Repeat(filler, kb.MaxFileBytes/len(filler)+1)
	if err := os.WriteFile(filepath.Join(dir, "huge.md"), []byte(huge), 0o644); err != nil {
		t.Fatal(err)
	}
	escName := "red \x1b[31malert.md"
	if err := os.WriteFile(filepath.Join(dir, escName), []byte("# Alert\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := NotesSource(dir, "", "", "")
	if err != nil {
		t.Fatal(err)
	}
	s := openStore(t)
	c := importNotes(t, s, src)
	defer c.Discard()
	if c.Files != 10_050 {
		t.Errorf("%d notes imported, want 10,050", c.Files)
	}
	left := map[string]bool{}
	for _, sk := range c.Skipped {
		for _, f := range sk.First {
			left[f] = true
		}
	}
	if !left["huge.md"] || !left[escName] {
		t.Errorf("left out %+v, want huge.md and %q named", c.Skipped, escName)
	}
	if _, err := os.Stat(filepath.Join(c.f.dir, escName)); err == nil {
		t.Error("the note named with an escape sequence was copied")
	}
}

// A limit the store was given is still a limit.
func TestImportKeepsAGivenLimit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Few")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("n%d.md", i)), []byte("# N\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src, err := NotesSource(dir, "", "", "")
	if err != nil {
		t.Fatal(err)
	}
	s := openStore(t)
	s.Limits.MaxFiles = 3
	if _, err := s.Fetch(t.Context(), src); err == nil || !strings.Contains(err.Error(), "more than 3 files") {
		t.Errorf("import of 5 notes with a limit of 3 = %v", err)
	}
}
