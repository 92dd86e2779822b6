package textsearch

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
)

// The word being typed matches the same documents however the index is
// cut into segments: one in memory in large batches, or many small
// segments on disk.
func TestPrefixResultsIndependentOfSegments(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := []string{"sync", "synced", "syncing", "synchronise", "syntax", "synonym", "synopsis", "synth", "syndicate", "synergy", "synapse", "syncope", "synod"}
	const n = 3000
	docs := make([]Document, n)
	for i := range docs {
		body := "plain"
		for range 1 + rng.IntN(4) {
			body += " " + words[rng.IntN(len(words))] + fmt.Sprint(rng.IntN(3))
			body += " " + words[rng.IntN(len(words))]
		}
		docs[i] = Document{Title: fmt.Sprintf("doc %d", i), Body: body, Kind: "guide"}
	}
	c := &Corpus{Hash: "prefix-layout", Len: n, Doc: func(i int) (string, Document) { return fmt.Sprintf("d%05d", i), docs[i] }}
	mem, disk := memoryAndDisk(t, c, 97)
	for _, q := range []string{"syn", "sync", "synt", "syno"} {
		a, err1 := mem.Search(context.Background(), Query{Text: q, Limit: 1}, noTexts{})
		b, err2 := disk.Search(context.Background(), Query{Text: q, Limit: 1}, noTexts{})
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if a.Total != b.Total {
			t.Errorf("%q: %d in memory, %d on disk", q, a.Total, b.Total)
		}
	}
}

// TestTiesIndependentOfSegments: many documents score the same for a word
// they all hold once. Which of them fill a page, and in what order, used
// to follow Bleve's document numbers, which differ between an index built
// in memory and one written to disk in many segments.
func TestTiesIndependentOfSegments(t *testing.T) {
	const n = 2000
	c := &Corpus{Hash: "tie-layout", Len: n, Doc: func(i int) (string, Document) {
		// Ids in an order unlike the build order, so document numbers and
		// ids disagree.
		return fmt.Sprintf("d%05d", (i*7919)%n), Document{Title: "same title", Body: "refund late parcel", Kind: "guide"}
	}}
	mem, disk := memoryAndDisk(t, c, 97)
	ids := func(ix *Index) []string {
		res, err := ix.Search(context.Background(), Query{Text: "refund", Limit: 10}, noTexts{})
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, h := range res.Hits {
			out = append(out, h.ID)
		}
		return out
	}
	a, b := ids(mem), ids(disk)
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("equal hits differ by layout:\nmemory %v\ndisk   %v", a, b)
	}
	if len(a) == 0 || a[0] != "d00000" {
		t.Errorf("ties are not in id order: %v", a)
	}
}

// memoryAndDisk builds c twice: in memory, and stored in segments of
// segment documents merged as a first build merges them, to compare what
// the two answer. Both are closed when the test ends.
func memoryAndDisk(t *testing.T, c *Corpus, segment int) (mem, disk *Index) {
	t.Helper()
	mem, err := BuildMemory(context.Background(), c, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mem.Close() })
	disk, _, err = buildStored(context.Background(), t.TempDir(), c.Hash, c, BuildHooks{}, DefaultOpenTimeout, segment)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { disk.Close() })
	return mem, disk
}
