package mdparse

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkRewriteAliasLines rewrites a paragraph of 20,000 lines, each an
// aliased wikilink: each | has its line's next line checked for a table's
// delimiter row, which once read the paragraph's lines from the first.
func BenchmarkRewriteAliasLines(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("# Links\n\n")
	for i := range 20000 {
		fmt.Fprintf(&sb, "[[T|alias %d]]\n", i)
	}
	src := []byte(sb.String())
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		doc := ScanNotes(src)
		doc.Rewrite(notesEdits(doc))
	}
}
