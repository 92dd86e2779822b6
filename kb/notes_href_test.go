package kb

import (
	"fmt"
	"testing"
)

// A worker's links from a folder to a note are made once and kept, and
// no more than maxHrefs of them: each is the link made afresh.
func TestNoteHrefKept(t *testing.T) {
	w := &worker{}
	kept, alone := &loader{work: w}, &loader{}
	for i := range 3 * maxHrefs {
		dir, file := fmt.Sprintf("Folder %d/Sub", i%7), fmt.Sprintf("Other/Note é %d.md", i%(2*maxHrefs))
		if got, want := kept.noteHref(dir, file), alone.noteHref(dir, file); got != want {
			t.Fatalf("noteHref(%q, %q) = %q, made afresh %q", dir, file, got, want)
		}
		if len(w.hrefs) > maxHrefs {
			t.Fatalf("%d links kept, more than %d", len(w.hrefs), maxHrefs)
		}
	}
	if got := alone.noteHref("a/b", "a/c d.md"); got != "./../c%20d.md" {
		t.Errorf("noteHref = %q", got)
	}
}
