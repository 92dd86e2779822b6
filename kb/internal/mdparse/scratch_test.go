package mdparse

import (
	"fmt"
	"strings"
	"testing"
)

// Notes scanned one after another with one Scratch, a long one first, are
// what each gives scanned alone: nothing of a note before shows in the
// blocks, wikilinks, links or code spans of the next, whether it is
// rewritten or not.
func TestScratchAfterLongNote(t *testing.T) {
	var long strings.Builder
	for i := range 300 {
		fmt.Fprintf(&long, "# Part %d\n\nSome *words* and `code` with [[Note %d|a link]] #tag%d\n\n- item _one_\n- [x] two\n\n> [!note] Title\n> quoted [link](x%d.md)\n\n```\nfenced %d\n```\n", i, i, i, i, i)
	}
	notes := []string{long.String(), "", "plain words", "[[A]] #b *c* `d`\n\n## B\n\ntext [e](e.md)", long.String()[:5000], "> [!tip]\n> x", "# Only\n"}
	var s Scratch
	for round := range 2 {
		for _, src := range notes {
			want, got := ScanNotes([]byte(src)), ScanNotesWith([]byte(src), &s)
			if round == 1 {
				if i := strings.Index(src, "[["); i >= 0 {
					e := []Edit{{Start: i, End: strings.Index(src, "]]") + 2, With: "[A](<A.md>)", Text: "A"}}
					want, got = want.Rewrite(e), got.Rewrite(e)
				}
			}
			want.FillBlocks()
			got.FillBlocks()
			if w, g := docParts(want), docParts(got); w != g {
				t.Fatalf("round %d, %.20q: with a Scratch\n%.300s\nalone\n%.300s", round, src, g, w)
			}
			for off := range len(src) {
				if want.InCode(off) != got.InCode(off) {
					t.Fatalf("round %d, %.20q: InCode(%d) %v with a Scratch", round, src, off, got.InCode(off))
				}
			}
		}
	}
}

// docParts is what a caller reads of d, as text (nil and empty alike).
func docParts(d *Doc) string {
	return fmt.Sprintf("%+v\n%+v\n%+v\n%+v\n%+v\n%d %d %q", d.Blocks, d.Links, d.Wikilinks, d.Callouts, d.Tags, d.BodyStart, d.FrontLine, d.Source)
}
