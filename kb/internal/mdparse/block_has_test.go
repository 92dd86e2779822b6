package mdparse

import (
	"strings"
	"testing"
)

// A wikilink rewritten as words (a note that does not exist) is checked
// for a < in its block, and every one of them read the whole block again:
// a paragraph of 160,000 such wikilinks (2.8 MB) took 16 s to load,
// growing with the square of the paragraph. The block is read once.
func TestBlockReadOnceForItsWikilinks(t *testing.T) {
	src := "# Links\n\n" + strings.Repeat("[[Missing]] ", 300) + "\n\nNext [[Missing]] paragraph.\n"
	doc := ScanNotes([]byte(src))
	var edits []Edit
	for _, w := range doc.Wikilinks {
		edits = append(edits, Edit{Start: w.Start, End: w.End, With: w.Display(), Text: w.Display()})
	}
	scans := 0
	blockScanned = func() { scans++ }
	defer func() { blockScanned = nil }()
	if !doc.canRewrite(edits) {
		t.Fatal("plain words in place of wikilinks need a second parse")
	}
	if scans != 2 {
		t.Errorf("blocks read %d times for 301 wikilinks in 2 blocks", scans)
	}
	got := doc.Rewrite(edits)
	want := ParseNotes([]byte(strings.ReplaceAll(strings.ReplaceAll(src, "[[", ""), "]]", "")))
	if len(got.Blocks) != len(want.Blocks) || got.Blocks[1].Text != want.Blocks[1].Text {
		t.Errorf("rewritten blocks differ from the rewritten note parsed:\n%+v\n%+v", got.Blocks, want.Blocks)
	}
}
