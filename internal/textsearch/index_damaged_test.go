package textsearch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestDamagedIndexIsAnError: zapx trusts the segment file it maps, and a
// damaged or forged one made a search panic (slice bounds out of range in
// SegmentBase.DocID, reading a stored document's lengths), which killed
// "poise search" and the app. Every way of reading it must fail with
// ErrDamaged instead.
func TestDamagedIndexIsAnError(t *testing.T) {
	const n = 400
	c := &Corpus{Hash: "damaged", Len: n, Doc: func(i int) (string, Document) {
		return fmt.Sprintf("d%04d", i), Document{Title: fmt.Sprintf("refund %d", i), Body: "refund late parcel", Kind: "guide", Stored: []byte("stored text")}
	}}
	ix, path, err := BuildStored(context.Background(), t.TempDir(), c, nil, DefaultOpenTimeout)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	segs, _ := filepath.Glob(filepath.Join(path, "store", "*.zap"))
	if len(segs) != 1 {
		t.Fatalf("segments %v", segs)
	}
	b, err := os.ReadFile(segs[0])
	if err != nil {
		t.Fatal(err)
	}
	// Damage 8 bytes at a time, through the stored documents (first in a
	// segment) and beyond: whatever the damage, reading it fails or
	// answers, and never panics; where zapx would have panicked, the
	// error is ErrDamaged.
	var damaged int
	for off := 16; off < len(b)/2; off += 61 {
		bad := append([]byte(nil), b...)
		for i := off; i < off+8; i++ {
			bad[i] = 0xfe
		}
		if err := os.WriteFile(segs[0], bad, 0o600); err != nil {
			t.Fatal(err)
		}
		ix, err := OpenStored(path, c, true, DefaultOpenTimeout)
		if err != nil {
			continue
		}
		_, err = ix.Search(context.Background(), Query{Text: "refund", Limit: 5}, noTexts{})
		if errors.Is(err, ErrDamaged) {
			damaged++
		}
		for i := range 5 {
			if _, err := ix.Stored(fmt.Sprintf("d%04d", i*97)); errors.Is(err, ErrDamaged) {
				damaged++
			}
		}
		ix.Close()
	}
	if damaged == 0 {
		t.Error("no damage made zapx panic: the test damages nothing that matters")
	}
}

// TestDamagedRootIsRebuilt: a damaged root.bolt made bbolt panic while it
// held the file's lock; the panic made an error, the lock stayed with the
// process, so the next open of that index in the process waited for the
// lock and failed as "locked", which is never rebuilt: every "poise
// search" built the whole library in memory, 20 s on the issue 10 vault.
func TestDamagedRootIsRebuilt(t *testing.T) {
	c := &Corpus{Hash: "0123456789abcdef0123456789abcdef", Len: 50, Doc: func(i int) (string, Document) {
		return fmt.Sprintf("d%04d", i), Document{Title: "refund", Body: "refund late parcel", Kind: "guide"}
	}}
	dir := t.TempDir()
	ix, path, err := BuildStored(context.Background(), dir, c, nil, DefaultOpenTimeout)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	root := filepath.Join(path, "store", "root.bolt")
	b, err := os.ReadFile(root)
	if err != nil {
		t.Fatal(err)
	}
	for p := 2 * 4096; p < len(b); p += 4096 { // every page's header but the metas': bbolt panics reading the freelist
		for i := p; i < p+16; i++ {
			b[i] = 0xfe
		}
	}
	if err := os.WriteFile(root, b, 0o600); err != nil {
		t.Fatal(err)
	}
	const timeout = 500 * time.Millisecond
	for _, readOnly := range []bool{true, false} {
		_, err := OpenStored(path, c, readOnly, timeout)
		t.Logf("read-only %v: %v", readOnly, err)
		if err == nil || IsLocked(err) {
			t.Fatalf("open damaged index (read-only %v): %v", readOnly, err)
		}
	}
	ix, _, err = BuildStoredAs(context.Background(), dir, c.Hash, c, BuildHooks{}, timeout)
	if err != nil {
		t.Fatalf("build again: %v", err)
	}
	ix.Close()
	ix, err = OpenStored(path, c, false, timeout)
	if err != nil {
		t.Fatalf("open rebuilt index: %v", err)
	}
	ix.Close()
}
