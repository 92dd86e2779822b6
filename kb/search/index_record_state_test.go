package search

import (
	"bytes"
	"encoding/gob"
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
