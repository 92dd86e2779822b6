package kb

import (
	"fmt"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb/internal/mdparse"
)

// Each section's blocks were found by reading the note's blocks from the
// first, for every heading: a note of 40,000 headings took 5 s to load,
// growing with the square of its headings. Headings come in order, so
// each search goes on from the last.
func TestBlockFinderGoesOn(t *testing.T) {
	var src strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&src, "## H%d\n\nText %d.\n\n", i, i)
	}
	doc := mdparse.Parse([]byte(src.String()))
	var f blockFinder
	f.blocks = doc.Blocks
	for i, bl := range doc.Blocks {
		if bl.Level == 0 {
			continue
		}
		if got := f.find(bl.Start); got != i {
			t.Fatalf("heading at %d found at block %d, want %d", bl.Start, got, i)
		}
	}
	if f.read > 2*len(doc.Blocks) {
		t.Errorf("%d blocks read to find 2,000 headings among %d blocks", f.read, len(doc.Blocks))
	}
	if got := f.find(-1); got != len(doc.Blocks) {
		t.Errorf("a start no block has: %d, want %d", got, len(doc.Blocks))
	}
}
