package search

import (
	"slices"
	"testing"
)

// The items kept per file are read back from the index at every update:
// whatever bytes are there, decoding never panics or reads past them, and
// what it accepts survives encoding again.
func FuzzDecodeItems(f *testing.F) {
	f.Add(encodeItems(nil))
	f.Add(encodeItems([]itemEntry{{ID: "team/guides/refunds", Sum: [16]byte{1, 2, 3}}, {ID: "team/guides/refunds#late", Sum: [16]byte{9}}}))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, raw []byte) {
		items, err := decodeItems(raw)
		if err != nil {
			return
		}
		again, err := decodeItems(encodeItems(items))
		if err != nil || !slices.Equal(again, items) {
			t.Errorf("%d items decoded from %x do not survive encoding: %v %v", len(items), raw, again, err)
		}
	})
}
