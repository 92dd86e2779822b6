package textsearch

import (
	"context"
	"fmt"
	"runtime"
	"testing"
)

// TestSegmentCount: as few segments as the size allows, rounded up to a
// multiple of the workers, and never none.
func TestSegmentCount(t *testing.T) {
	for _, tc := range []struct{ total, size, workers, want int }{
		{55802, 2500, 2, 24}, // 23 would leave one worker idle at the end
		{200, 50, 2, 4},
		{0, 2500, 2, 1},
		{10, 2500, 2, 1}, // one segment: nothing to merge
		{2500, 2500, 2, 1},
		{2501, 2500, 2, 2},
		{5001, 2500, 2, 4},
		{5001, 2500, 8, 3}, // fewer segments than workers: one each
		{7, 3, 1, 3},
		{3, 1, 2, 3}, // not 4: a segment would have no documents
	} {
		if got := segmentCount(tc.total, tc.size, tc.workers); got != tc.want {
			t.Errorf("segmentCount(%d, %d, %d) = %d, want %d", tc.total, tc.size, tc.workers, got, tc.want)
		}
	}
}

// TestWriteSegmentsEven: an offline build's segments hold every document
// once, in order, at most size each, and as many each but for one.
func TestWriteSegmentsEven(t *testing.T) {
	_, db := mappingAndBuilder(t)
	const total, size = 107, 20
	c := &Corpus{Len: total, Doc: func(i int) (string, Document) {
		return fmt.Sprintf("id-%03d", i), Document{Title: fmt.Sprintf("parcel %d", i), Body: "refund"}
	}}
	files, err := writeSegments(context.Background(), t.TempDir(), db, c, nil, nil, size, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := segmentCount(total, size, runtime.GOMAXPROCS(0)); len(files) != want {
		t.Fatalf("%d segments, want %d", len(files), want)
	}
	next, least, most := 0, total, 0
	for _, f := range files {
		seg, err := segmentPlugin.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		n := int(seg.Count())
		for d := range n {
			id, err := seg.DocID(uint64(d))
			if err != nil || string(id) != fmt.Sprintf("id-%03d", next) {
				t.Fatalf("%s document %d is %q (%v), want id-%03d", f, d, id, err, next)
			}
			next++
		}
		seg.Close()
		least, most = min(least, n), max(most, n)
	}
	if next != total || most > size || most-least > 1 {
		t.Errorf("%d documents in %d segments of %d to %d, want %d in at most %d each, even", next, len(files), least, most, total, size)
	}
}
