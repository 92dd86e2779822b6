package search

import (
	"bytes"
	"encoding/gob"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// A record written before the state followed it compactly (the state in
// the gob record) still opens the index it names: an upgrade must not cost a
// large library a rebuild.
func TestRecordWithOldStateOpens(t *testing.T) {
	d := newPacksOnDisk(t)
	d.open().Close()
	r, err := readRecord(d.index)
	if err != nil || r.State == nil {
		t.Fatalf("record %+v, %v", r, err)
	}
	old := *r // the state in the gob record, none after it
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(old); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(d.index, recordName), buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	_, st := d.load()
	if st.Key() != r.State.Key() {
		t.Fatal("the packs changed")
	}
	ix, err := OpenCurrent(d.index, st, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("OpenCurrent with an older record: %v", err)
	}
	ix.Close()
}

// A record whose state cannot be decoded records nothing, as before the
// state was decoded only when first asked for: no state to scan against,
// and the index it names is not opened for any library, even while it is
// being preopened.
func TestRecordWithDamagedStateIsStale(t *testing.T) {
	d := newPacksOnDisk(t)
	d.open().Close()
	path := filepath.Join(d.index, recordName)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, rest, err := readRecordHead(d.index)
	if err != nil || len(rest) == 0 || r.State != nil {
		t.Fatalf("record %+v, %d state bytes, %v", r, len(rest), err)
	}
	damaged := append(raw[:len(raw)-len(rest)+len("poise-state/1\n")], 0xff, 0xff, 0xff)
	if err := os.WriteFile(path, damaged, 0o600); err != nil {
		t.Fatal(err)
	}
	_, st := d.load()
	rc := ReadRecorded(d.index)
	rc.Preopen(Options{ReadOnly: true})
	defer rc.Close()
	if got := rc.State(); got != nil {
		t.Fatalf("a damaged state decoded as %+v", got)
	}
	if ix, err := rc.OpenCurrent(st, Options{ReadOnly: true}); !errors.Is(err, ErrStale) {
		if ix != nil {
			ix.Close()
		}
		t.Fatalf("OpenCurrent with a damaged state: %v, want ErrStale", err)
	}
}
