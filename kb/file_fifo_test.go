//go:build unix

package kb

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A pipe named like a note (made by mistake, or by anything that can
// write to the folder) has no writer: opening it to read waits for one
// forever. Scanning and loading the pack skip it instead of hanging
// "poise search" and the app's start.
func TestPackWithAPipeNamedLikeANote(t *testing.T) {
	packsDir := filepath.Join(t.TempDir(), "packs")
	dir := filepath.Join(packsDir, "notes")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("# Alpha\n\nFirst.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o600); err != nil {
		t.Skip("no pipes here:", err)
	}
	done := make(chan *Library, 1)
	go func() {
		if _, err := ScanLibrary(nil, packsDir, nil); err != nil {
			t.Error(err)
		}
		lib, _ := LoadLibraryKept(nil, packsDir, Kept{})
		done <- lib
	}()
	select {
	case lib := <-done:
		if lib == nil {
			t.Fatal("no library")
		}
		if _, ok := lib.Item("notes/a"); !ok {
			t.Error("the note beside the pipe was not loaded")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("scanning or loading a pack with a pipe named pipe.md still waits after 10 s")
	}
}
