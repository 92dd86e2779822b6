package textsearch

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/util"
)

// TestRootMatchesBuilder: the root.bolt an offline build writes holds the
// same buckets, keys and values as the one scorch.Builder writes for the
// same documents (but for when it was written), so bleve.Open reads it
// the same; a Bleve upgrade that changes the builder's snapshot fails
// here rather than in a user's index.
func TestRootMatchesBuilder(t *testing.T) {
	internal := map[string][]byte{"poise.a": []byte("one"), "poise.b": []byte("two")}
	ours := t.TempDir()
	if err := writeRoot(ours, internal); err != nil {
		t.Fatal(err)
	}
	_, db := mappingAndBuilder(t)
	theirs := filepath.Join(t.TempDir(), "store")
	b, err := scorch.NewBuilder(map[string]interface{}{"path": theirs, "buildPathPrefix": t.TempDir(), "internal": internal})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Index(db.newBleveDoc("doc-1", Document{Title: "late parcel"}, false)); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	want, got := rootEntries(t, theirs), rootEntries(t, ours)
	if !slices.Equal(got, want) {
		t.Errorf("root.bolt differs from scorch.Builder's:\n got %q\nwant %q", got, want)
	}
}

// rootEntries lists every bucket and key of dir's root.bolt as a path,
// with its value but for the time stamp.
func rootEntries(t *testing.T, dir string) []string {
	t.Helper()
	db, err := util.OpenBolt(filepath.Join(dir, rootBoltName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out []string
	var walk func(prefix string, b *util.BoltBucketImpl)
	walk = func(prefix string, b *util.BoltBucketImpl) {
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			name := fmt.Sprintf("%s/%x", prefix, k)
			if v == nil {
				out = append(out, name+"/")
				walk(name, b.GetBucket(k))
				continue
			}
			if bytes.Equal(k, util.BoltMetaDataTimeStamp) {
				v = nil
			}
			out = append(out, fmt.Sprintf("%s=%x", name, v))
		}
	}
	err = db.View(func(tx *util.BoltTxImpl) error {
		b := tx.Bucket(util.BoltSnapshotsBucket)
		if b == nil {
			return fmt.Errorf("no snapshots bucket")
		}
		walk("s", b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("empty root.bolt")
	}
	return out
}
