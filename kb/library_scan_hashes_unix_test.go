//go:build unix

package kb

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A file the load skipped is hashed afterwards as the scan reads files: a
// pipe that took its place meanwhile is not waited on (it would block a
// first build for good), and a link is not followed.
func TestLibraryStateHashedDoesNotWaitOnAPipe(t *testing.T) {
	packs := t.TempDir()
	sub := filepath.Join(packs, "vault", "big")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"pipe.md", "link.md"} {
		if err := os.WriteFile(filepath.Join(sub, name), []byte("# Soon gone\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	unread, err := ScanLibraryUnread(nil, packs)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(sub, "pipe.md"))
	if err := syscall.Mkfifo(filepath.Join(sub, "pipe.md"), 0o644); err != nil {
		t.Skip("no pipes here:", err)
	}
	secret := filepath.Join(t.TempDir(), "secret.md")
	os.WriteFile(secret, []byte("# Outside the pack\n"), 0o644)
	os.Remove(filepath.Join(sub, "link.md"))
	if err := os.Symlink(secret, filepath.Join(sub, "link.md")); err != nil {
		t.Fatal(err)
	}
	done := make(chan *LibraryState, 1)
	go func() { done <- unread.Hashed(packs, nil) }()
	select {
	case st := <-done:
		for _, f := range st.Packs[0].Files {
			if f.Hash != "" {
				t.Errorf("%s hashed as %s, want no hash (changed): it is no longer the regular file scanned", f.Path, f.Hash)
			}
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Hashed waits on a pipe that replaced a note")
	}
}
