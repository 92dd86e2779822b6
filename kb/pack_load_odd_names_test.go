//go:build unix

package kb

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A file that cannot be a note says why and what to do: a name that is
// not UTF-8 is renamed, a pipe is removed; neither is a matter of
// permissions, which is what the problem said.
func TestPackProblemsForOddFiles(t *testing.T) {
	packsDir := filepath.Join(t.TempDir(), "packs")
	dir := filepath.Join(packsDir, "notes")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("# Alpha\n\nFirst.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bad\xff.md"), []byte("# Bad\n\nName.\n"), 0o600); err != nil {
		t.Skip("this file system takes no such name:", err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o600); err != nil {
		t.Skip("no pipes here:", err)
	}
	var problems []Problem
	LoadLibraryKept(nil, packsDir, Kept{Loaded: func(_ *Pack, ps []Problem, _ bool) { problems = append(problems, ps...) }})
	want := map[string]string{"bad\xff.md": "rename", "pipe.md": "not a regular file"}
	for _, pr := range problems {
		if w, ok := want[pr.File]; ok {
			if !strings.Contains(pr.Message, w) || strings.Contains(pr.Message, "permissions") {
				t.Errorf("%q: %s", pr.File, pr.Message)
			}
			delete(want, pr.File)
		}
	}
	if len(want) > 0 {
		t.Errorf("no problem for %q among %+v", want, problems)
	}
}
