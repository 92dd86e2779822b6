package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// "poise pack list" describes a large pack from the copy kept for the
// app's next start when its files are as the index recorded them, with
// the counts and problems parsing it gives, and parses it again once a
// file changed: the list of a kept pack must never be stale.
func TestPackListReadsKeptPackAndNoticesChanges(t *testing.T) {
	data := t.TempDir()
	notes := filepath.Join(t.TempDir(), "Team notes")
	if err := os.MkdirAll(notes, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range 1100 { // large enough to be kept (packs.ShedPack)
		body := fmt.Sprintf("Refund note %d.\n", i)
		if i == 7 {
			body += "See [[No such note]].\n" // one problem
		}
		if err := os.WriteFile(filepath.Join(notes, fmt.Sprintf("note %04d.md", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := run(t, "--data-dir", data, "pack", "import", notes, "--id", "team", "--name", "Team notes"); code != 0 {
		t.Fatalf("import: %s", stderr)
	}
	_, parsed, _ := run(t, "--data-dir", data, "pack", "list", "--json") // no index yet: parsed
	if code, _, stderr := run(t, "--data-dir", data, "search", "refund"); code != 0 {
		t.Fatalf("search: %s", stderr)
	}
	if _, err := os.Stat(filepath.Join(data, "kept")); err != nil {
		t.Fatalf("the first search kept nothing to read: %v", err)
	}
	// Read from the kept copy, the pack is not parsed: a note rewritten
	// to the same size and time (which the scan takes as unchanged, as
	// search does) with a heading more still counts as it did.
	same := filepath.Join(data, "packs", "team", "note 0012.md")
	fi, err := os.Stat(same)
	if err != nil {
		t.Fatal(err)
	}
	heading := "x\n\n## Late\n"
	heading += strings.Repeat("y", int(fi.Size())-len(heading)-1) + "\n"
	if err := os.WriteFile(same, []byte(heading), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(same, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	_, kept, _ := run(t, "--data-dir", data, "pack", "list", "--json")
	if kept != parsed {
		t.Errorf("the list from the kept pack differs from the parsed one:\n%s\nwant\n%s", kept, parsed)
	}

	// The note back as it was (the trick above is invisible to any
	// stat-based check, search's too), then a heading added to another:
	// the pack is read again, and listed as a parse without any kept copy
	// lists it.
	if err := os.WriteFile(same, []byte("Refund note 12.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(same, fi.ModTime(), fi.ModTime()); err != nil {
		t.Fatal(err)
	}
	note := filepath.Join(data, "packs", "team", "note 0003.md")
	if err := os.WriteFile(note, []byte("Refund note 3.\n\n## Late refunds\n\nSay sorry.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, changed, _ := run(t, "--data-dir", data, "pack", "list", "--json")
	if changed == kept {
		t.Error("after an edit the list is as before: the kept copy was read, stale")
	}
	if err := os.RemoveAll(filepath.Join(data, "kept")); err != nil {
		t.Fatal(err)
	}
	_, reparsed, _ := run(t, "--data-dir", data, "pack", "list", "--json")
	if changed != reparsed {
		t.Errorf("after an edit the list is\n%s\nwant it as parsed\n%s", changed, reparsed)
	}
}
