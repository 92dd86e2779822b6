package kb

import (
	"encoding/gob"
	"errors"
	"os"
	"runtime"
	"testing"
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
