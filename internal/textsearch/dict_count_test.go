package textsearch

import (
	"fmt"
	"slices"
	"testing"
)

// TestPrefixTermsSameOnDisk: the body stems a word being typed expands to
// are the same on a stored index (one merged segment) as in memory: on
// disk the dictionary walk said every term after a rare one was rare, and
// "most frequent first" picked rare terms (see termCounter).
func TestPrefixTermsSameOnDisk(t *testing.T) {
	// Ten rare words, one document each.
	bodies := []string{"staaa", "staab", "staac", "staad", "staae", "staaf", "staag", "staah", "staai", "staaj"}
	for i := range 40 {
		b := "stand"
		if i < 30 {
			b += " start"
		}
		bodies = append(bodies, b)
	}
	c := &Corpus{Hash: "prefix-counts", Len: len(bodies), Doc: func(i int) (string, Document) {
		return fmt.Sprintf("id-%02d", i), Document{Title: "item", Body: bodies[i]}
	}}
	mem, disk := memoryAndDisk(t, c, 8)
	terms := func(ix *Index) []string {
		adv, err := ix.bi.Advanced()
		if err != nil {
			t.Fatal(err)
		}
		r, err := adv.Reader()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		got, _ := bodyPrefixTerms(r, "sta")
		return got
	}
	got, want := terms(disk), terms(mem)
	if !slices.Equal(got, want) || !slices.Contains(got, "stand") || !slices.Contains(got, "start") {
		t.Errorf("prefix terms on disk %v, in memory %v", got, want)
	}
}
