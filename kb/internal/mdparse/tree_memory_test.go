package mdparse

import (
	"fmt"
	"strings"
	"testing"
)

// A note parsed after a long one is made in the memory the long one's
// tree was made in (several chunks of every kind of node): nothing of the
// long note's tree may show in the short note's, and a Doc keeps no node
// once its blocks are made.
func TestTreeMemoryAfterLongNote(t *testing.T) {
	var long strings.Builder
	for i := range 700 {
		fmt.Fprintf(&long, "# Part %d\n\nSome *words* and `code` with [[Note %d|a link]] #tag%d\n\n- item _one_\n- [x] two ~~gone~~\n\n> [!note] Title\n> quoted [link](x.md)\n\n%s\n", i, i, i, strings.Repeat("a line of a long paragraph\n", i%12))
	}
	sameAsGoldmark(t, "long", []byte(long.String()))
	for _, short := range []string{"", "plain words", "- a\n- b\n", "[[A]] #b *c*", "> [!tip]\n> x"} {
		sameAsGoldmark(t, short, []byte(short))
	}
	for _, src := range []string{long.String(), "[[A]] and *b*\n"} {
		d := ScanNotes([]byte(src))
		if d.mem == nil || d.root == nil {
			t.Fatalf("%.20q: a scanned note's tree is not in lent memory", src)
		}
		d.FillBlocks()
		if d.mem != nil || d.root != nil || d.marks != nil {
			t.Fatalf("%.20q: a note's blocks are made and it still holds its tree", src)
		}
		d = ScanNotes([]byte(src))
		d = d.Rewrite([]Edit{{Start: strings.Index(src, "[["), End: strings.Index(src, "]]") + 2, With: "[A](<A.md>)", Text: "A"}})
		if d.mem != nil || d.root != nil || d.marks != nil || d.hasBlock != nil {
			t.Fatalf("%.20q: a rewritten note still holds its tree", src)
		}
	}
}
