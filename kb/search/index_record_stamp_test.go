package search_test

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// A start that finds its index current and then takes in the library it
// loaded (as the app does) leaves the record alone: every start rewrote
// library.state (456 KB for the issue 10 vault) with what it said already.
// A library whose files' times changed is recorded again, so the next
// start's scan does not read those files once more.
func TestRecordNotRewrittenWhenItSaysTheSame(t *testing.T) {
	packs := t.TempDir()
	pack := filepath.Join(packs, "team")
	os.MkdirAll(pack, 0o755)
	os.WriteFile(filepath.Join(pack, "pack.toml"), []byte("id = \"team\"\nname = \"Team notes\"\nversion = \"1.0.0\"\nlayout = \"notes\"\n"), 0o644)
	note := filepath.Join(pack, "Refunds.md")
	os.WriteFile(note, []byte("Refunds take five days.\n\n## Late refunds\n\nSay sorry first.\n"), 0o644)
	dir := filepath.Join(t.TempDir(), "index")
	record := filepath.Join(dir, "library.state")

	state, err := kb.ScanLibrary(nil, packs, nil)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := kb.LoadLibrary(nil, packs)
	if lib == nil {
		t.Fatal(err)
	}
	built, err := search.Open(dir, lib, search.Options{State: state})
	if err != nil {
		t.Fatal(err)
	}
	built.Close()
	ino := func() (uint64, time.Time) {
		t.Helper()
		fi, err := os.Stat(record)
		if err != nil {
			t.Fatal(err)
		}
		return fi.Sys().(*syscall.Stat_t).Ino, fi.ModTime()
	}
	before, _ := ino()

	// The next start: the index is current, the library loads behind it.
	start := func(state *kb.LibraryState) {
		t.Helper()
		ix, err := search.ReadRecorded(dir).OpenCurrent(state, search.Options{})
		if err != nil {
			t.Fatalf("OpenCurrent: %v", err)
		}
		defer ix.Close()
		if err := ix.UpdateLibrary(context.Background(), lib, state); err != nil {
			t.Fatal(err)
		}
	}
	start(state)
	if after, _ := ino(); after != before {
		t.Errorf("an unchanged start rewrote %s", record)
	}

	// Touched, not changed: same items, another time to record.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(note, later, later); err != nil {
		t.Fatal(err)
	}
	touched, err := kb.ScanLibrary(nil, packs, state)
	if err != nil {
		t.Fatal(err)
	}
	if touched.Key() != state.Key() {
		t.Fatal("touching a file changed the state's key")
	}
	start(touched)
	if after, _ := ino(); after == before {
		t.Errorf("a start whose files' times changed did not record them")
	}
	if got := search.RecordedState(dir); got == nil || got.Key() != touched.Key() {
		t.Fatal("the record does not hold the touched state")
	}
}
