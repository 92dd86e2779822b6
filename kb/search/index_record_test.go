package search_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// Recorded opens the kept index while the library is scanned: the index
// it hands out answers after Close, and one it does not hand out (the
// library changed) is closed, its lock released for the next writer.
func TestRecordedPreopen(t *testing.T) {
	packs, dir, state := parcelIndex(t)
	pack := filepath.Join(packs, "team")

	rc := search.ReadRecorded(dir)
	if rc.State() == nil || rc.State().Key() != state.Key() {
		t.Fatal("the recorded state is not the one built for")
	}
	rc.Preopen(search.Options{})
	ix, err := rc.OpenCurrent(state, search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rc.Close()
	res, err := ix.Search(context.Background(), search.Query{Text: "late parcel"})
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("the index handed out does not answer after Close: %v %v", res, err)
	}
	ix.Close()

	os.WriteFile(filepath.Join(pack, "parcel.md"), []byte("# Parcel\n\nThe parcel is early.\n"), 0o644)
	changed, _ := kb.ScanLibrary(nil, packs, rc.State())
	rc = search.ReadRecorded(dir)
	rc.Preopen(search.Options{}) // with its write lock
	if _, err := rc.OpenCurrent(changed, search.Options{}); !errors.Is(err, search.ErrStale) {
		t.Fatalf("after an edit: %v, want ErrStale", err)
	}
	rc.Close()
	// The preopened index was closed: opening it for writing again does
	// not wait for its lock.
	again, err := search.OpenRecorded(dir, search.Options{})
	if err != nil {
		t.Fatalf("the preopened index still holds its lock: %v", err)
	}
	again.Close()
}

// parcelIndex builds and closes an index for a packs folder of one team
// pack with one note (team/parcel.md), as kept for its scanned state.
func parcelIndex(t *testing.T) (packs, dir string, state *kb.LibraryState) {
	t.Helper()
	packs = t.TempDir()
	pack := filepath.Join(packs, "team")
	os.MkdirAll(pack, 0o755)
	os.WriteFile(filepath.Join(pack, "parcel.md"), []byte("# Parcel\n\nThe parcel is late again.\n"), 0o644)
	dir = filepath.Join(t.TempDir(), "index")
	state, err := kb.ScanLibrary(nil, packs, nil)
	if err != nil {
		t.Fatal(err)
	}
	lib, err := kb.LoadLibrary(nil, packs)
	if err != nil {
		t.Fatal(err)
	}
	full, err := search.Open(dir, lib, search.Options{State: state})
	if err != nil {
		t.Fatal(err)
	}
	full.Close()
	return packs, dir, state
}
