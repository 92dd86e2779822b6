package textsearch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func valuesCorpus(hash string) *Corpus {
	return &Corpus{Hash: hash, Len: 3,
		Doc: func(i int) (string, Document) {
			return fmt.Sprintf("id-%d", i), Document{Title: "late parcel", Body: "refund"}
		},
		Internal: map[string][]byte{"poise.a": []byte("one"), "poise.b": []byte("two")},
	}
}

// TestValuesKeptBesideTheIndex: values kept with a stored index survive
// reopening and updates, and are not in Bleve's internal storage, which
// Bleve reads whole at every open.
func TestValuesKeptBesideTheIndex(t *testing.T) {
	dir := t.TempDir()
	c := valuesCorpus("hash-1")
	ix, path, err := BuildStored(context.Background(), dir, c, nil, DefaultOpenTimeout)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := ix.bi.GetInternal([]byte("poise.a")); v != nil {
		t.Errorf("Bleve keeps the value: %q", v)
	}
	ch := &Change{Internal: map[string][]byte{"poise.a": nil, "poise.c": []byte("three")}, Hash: "hash-2"}
	ix2, err := ix.Apply(context.Background(), ch)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := ix.Internal("poise.a"); string(v) != "one" {
		t.Errorf("the engine before the change reads poise.a = %q, want one", v)
	}
	ix2.Close()

	c.Hash = "hash-2"
	re, err := OpenStored(path, c, true, DefaultOpenTimeout)
	if err != nil {
		t.Fatal(err)
	}
	defer re.Close()
	for k, want := range map[string]string{"poise.a": "", "poise.b": "two", "poise.c": "three"} {
		if v, err := re.Internal(k); err != nil || string(v) != want {
			t.Errorf("after reopening, %s = %q (%v), want %q", k, v, err, want)
		}
	}
}

// TestValuesOfAnotherHashAreNotUsed: values written for another content
// hash than the index holds (a crash between the index's update and the
// values') are not given as the index's, and a change does not make them
// so.
func TestValuesOfAnotherHashAreNotUsed(t *testing.T) {
	dir := t.TempDir()
	c := valuesCorpus("hash-1")
	ix, path, err := BuildStored(context.Background(), dir, c, nil, DefaultOpenTimeout)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if err := writeValues(filepath.Join(path, valuesName), "hash-other", map[string][]byte{"poise.a": []byte("stale")}); err != nil {
		t.Fatal(err)
	}
	re, err := OpenStored(path, c, false, DefaultOpenTimeout)
	if err != nil {
		t.Fatal(err)
	}
	defer re.Close()
	if v, err := re.Internal("poise.a"); err != nil || v != nil {
		t.Fatalf("values of another hash read as the index's: %q, %v", v, err)
	}
	re2, err := re.Apply(context.Background(), &Change{Internal: map[string][]byte{"poise.b": []byte("new")}, Hash: "hash-3"})
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := re2.Internal("poise.b"); v != nil {
		t.Errorf("a change completed values that did not match: poise.b = %q", v)
	}
	if _, err := os.Stat(filepath.Join(path, valuesName)); err == nil {
		t.Error("values that do not match the index are still on disk")
	}
}
