package kb

import (
	"encoding/gob"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// A kept file is read at every start and anything may have written it:
// the items it announces get room only as far as its size could hold
// them, so a file of a few dozen bytes announcing a million items does
// not have the start allocate half a gigabyte for them.
func TestStoredPackRoomFromItsSize(t *testing.T) {
	store := t.TempDir()
	st := PackState{Dir: "notes", Files: []FileState{{Path: "a.md", Size: 3, Hash: "h"}}}
	sp := storedPack{Format: storedPackFormat, Version: loadVersion, State: st,
		Pack: Pack{Manifest: Manifest{ID: "notes"}, Dir: "notes", Shed: true}, Items: maxKeptItems}
	f, err := os.Create(storedPackPath(store, "notes"))
	if err != nil {
		t.Fatal(err)
	}
	if err := gob.NewEncoder(f).Encode(&sp); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, _, err = StoredPack(store, st)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrNotStored) {
		t.Errorf("a kept file without its items: %v", err)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 16<<20 {
		t.Errorf("reading a %d-item claim allocated %d MB", maxKeptItems, got>>20)
	}
}

// A kept pack's write cut short (the process killed, the shutdown
// watchdog) leaves its temporary file, as large as the pack's copy (27 MB
// for the issue 10 vault); each cut would leave one more for good. Pruning
// removes those left over, not one being written now.
func TestPruneStoredPacksRemovesLeftTempFiles(t *testing.T) {
	store := t.TempDir()
	old := filepath.Join(store, ".0123456789abcdef01234567.gob.tmp-1234")
	fresh := filepath.Join(store, ".0123456789abcdef01234567.gob.tmp-5678")
	for _, p := range []string{old, fresh} {
		if err := os.WriteFile(p, []byte("half a pack"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-2 * time.Hour)
	if err := os.Chtimes(old, long, long); err != nil {
		t.Fatal(err)
	}
	PruneStoredPacks(store, nil)
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("a temporary file left two hours ago stays: %v", err)
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Errorf("a temporary file being written was removed: %v", err)
	}
}
