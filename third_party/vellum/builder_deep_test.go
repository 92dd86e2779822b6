package vellum

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// poise patch 2: keys longer than the builder's cache of unfinished
// nodes (64) take their deeper nodes from blocks kept for reuse. A
// builder reused, Reset between sets, builds each set's FST with the
// same bytes as a new builder, and every key reads back with its value.
func TestBuilderLongKeysReused(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 64))
	reused, err := New(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	for set := range 12 {
		keys := longKeys(rng, 1+rng.IntN(2000))
		var got bytes.Buffer
		if err := reused.Reset(&got); err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		fresh, err := New(&want, nil)
		if err != nil {
			t.Fatal(err)
		}
		for i, k := range keys {
			if err := reused.Insert(k, uint64(i*7)); err != nil {
				t.Fatal(err)
			}
			if err := fresh.Insert(k, uint64(i*7)); err != nil {
				t.Fatal(err)
			}
		}
		if err := reused.Close(); err != nil {
			t.Fatal(err)
		}
		if err := fresh.Close(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("set %d: the reused builder's FST (%d bytes) differs from a new builder's (%d bytes)", set, got.Len(), want.Len())
		}
		fst, err := Load(got.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		for i, k := range keys {
			v, ok, err := fst.Get(k)
			if err != nil || !ok || v != uint64(i*7) {
				t.Fatalf("set %d: key %d (%d bytes) reads back %d %v %v, want %d", set, i, len(k), v, ok, err, i*7)
			}
		}
		if fst.Len() != len(keys) {
			t.Fatalf("set %d: %d keys, want %d", set, fst.Len(), len(keys))
		}
	}
}

// longKeys is n or more distinct keys in order, many longer than 64
// bytes, sharing long prefixes (as paths and unbroken runs of text do),
// and prefixes of one another.
func longKeys(rng *rand.Rand, n int) [][]byte {
	prefixes := []string{"", "a", "folder/sub/", string(bytes.Repeat([]byte("x"), 70)), string(bytes.Repeat([]byte("长"), 40))}
	seen := map[string]bool{}
	var keys [][]byte
	for len(keys) < n {
		var b []byte
		b = append(b, prefixes[rng.IntN(len(prefixes))]...)
		for range rng.IntN(300) {
			b = append(b, byte('a'+rng.IntN(4)))
		}
		b = fmt.Appendf(b, "%d", rng.IntN(50))
		for _, k := range [][]byte{b, b[:rng.IntN(len(b))+1]} { // and a prefix of it
			if !seen[string(k)] {
				seen[string(k)] = true
				keys = append(keys, k)
			}
		}
	}
	slices.SortFunc(keys, bytes.Compare)
	return keys
}
