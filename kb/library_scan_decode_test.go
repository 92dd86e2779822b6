package kb

import (
	"fmt"
	"testing"
	"unsafe"
)

// The hashes of a decoded state share the encoded bytes rather than being
// copied: they are most of a state's bytes, and "poise search" reads one
// at every run with its collector paused, where every copied page is a
// fresh page to fault in.
func TestDecodeStateSharesHashes(t *testing.T) {
	st := &LibraryState{Version: "v", Packs: []PackState{{Dir: "team"}}}
	for i := range 100 {
		st.Packs[0].Files = append(st.Packs[0].Files, FileState{Path: fmt.Sprintf("notes/%03d.md", i), Size: int64(i), Hash: fmt.Sprintf("%064x", i)})
	}
	b := st.AppendState(nil)
	got, err := DecodeState(b)
	if err != nil {
		t.Fatal(err)
	}
	lo, hi := uintptr(unsafe.Pointer(unsafe.SliceData(b))), uintptr(unsafe.Pointer(unsafe.SliceData(b)))+uintptr(len(b))
	for _, f := range got.Packs[0].Files {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(f.Hash))); p < lo || p >= hi {
			t.Fatalf("hash of %s is a copy, not a piece of the encoded state", f.Path)
		}
	}
}
