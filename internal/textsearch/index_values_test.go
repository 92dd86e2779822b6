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

// TestValuesMadeWhileBuilding: values a corpus makes only when asked
// (InternalFunc, which a build calls while its segments merge) are kept
// with a stored index, with one built empty and with one in memory, as
// Internal's are; the function is called once a build.
func TestValuesMadeWhileBuilding(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    int
		mem  bool
	}{{"stored", 3, false}, {"stored empty", 0, false}, {"memory", 3, true}} {
		t.Run(tc.name, func(t *testing.T) {
			c := valuesCorpus("hash-f")
			c.Len = tc.n
			calls := 0
			c.Internal = nil
			c.InternalFunc = func() map[string][]byte {
				calls++
				return map[string][]byte{"poise.a": []byte("one")}
			}
			var ix *Index
			var err error
			if tc.mem {
				ix, err = BuildMemory(context.Background(), c, nil)
			} else {
				var path string
				ix, path, err = BuildStored(context.Background(), t.TempDir(), c, nil, DefaultOpenTimeout)
				if err == nil {
					ix.Close()
					ix, err = OpenStored(path, c, true, DefaultOpenTimeout)
				}
			}
			if err != nil {
				t.Fatal(err)
			}
			defer ix.Close()
			if v, err := ix.Internal("poise.a"); err != nil || string(v) != "one" {
				t.Errorf("poise.a = %q (%v), want one", v, err)
			}
			if calls != 1 {
				t.Errorf("InternalFunc called %d times, want once", calls)
			}
		})
	}
}

// TestFailedBuildLeavesNoValues: a build cancelled while its values are
// written leaves nothing in the index directory: the values' writing is
// waited for before the build's folder is removed.
func TestFailedBuildLeavesNoValues(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	c := valuesCorpus("hash-x")
	c.Internal = nil
	c.InternalFunc = func() map[string][]byte {
		cancel()
		return map[string][]byte{"poise.a": []byte("one")}
	}
	c.Len = 5000
	if _, _, err := BuildStored(ctx, dir, c, nil, DefaultOpenTimeout); err == nil {
		t.Fatal("a cancelled build succeeded")
	}
	left, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range left {
		t.Errorf("left behind: %s", e.Name())
	}
}
