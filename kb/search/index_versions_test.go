package search

import (
	"bytes"
	"encoding/gob"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/poisehq/poise/kb"
)

// An index that an older Poise built, with another mapping or another way
// of making documents, is not opened for the same library state: what it
// holds is analysed differently (a mapping version bump once went unseen,
// and "poise search" kept using an index without the language field).
func TestOpenCurrentRejectsOtherVersions(t *testing.T) {
	packs := t.TempDir()
	pack := filepath.Join(packs, "team")
	os.MkdirAll(pack, 0o755)
	os.WriteFile(filepath.Join(pack, "parcel.md"), []byte("# Parcel\n\nThe parcel is late again.\n"), 0o644)
	dir := filepath.Join(t.TempDir(), "index")
	state, err := kb.ScanLibrary(nil, packs, RecordedState(dir))
	if err != nil {
		t.Fatal(err)
	}
	lib, err := kb.LoadLibrary(nil, packs)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(dir, lib, Options{State: state})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	cur, err := OpenCurrent(dir, state, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("same versions: %v", err)
	}
	cur.Close()

	r, err := readRecord(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, old := range []string{"", "poise-search-1/items-1"} {
		r.Versions = old
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(r); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, recordName), buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		if ix, err := OpenCurrent(dir, state, Options{ReadOnly: true}); !errors.Is(err, ErrStale) {
			if ix != nil {
				ix.Close()
			}
			t.Errorf("record of versions %q: %v, want ErrStale", old, err)
		}
	}
}
