package mdparse

import (
	"testing"

	"github.com/yuin/goldmark/ast"
)

// A tight list's items keep their paragraphs (keptParagraphs) and the
// list is still known to be tight; FuzzLinkRefsFirst checks that the
// blocks made of them are goldmark's.
func TestTightListKeepsParagraphs(t *testing.T) {
	for src, tight := range map[string]bool{"- one\n- two\n": true, "- one\n\n- two\n": false, "1. one\n\n   more\n2. two\n": false} {
		d := ScanNotes([]byte(src))
		list, ok := d.root.FirstChild().(*ast.List)
		if !ok {
			t.Fatalf("%q: no list", src)
		}
		if list.IsTight != tight {
			t.Errorf("%q: tight %v, want %v", src, list.IsTight, tight)
		}
		for item := list.FirstChild(); item != nil; item = item.NextSibling() {
			if _, ok := item.FirstChild().(*ast.Paragraph); !ok {
				t.Errorf("%q: an item's first block is %s, not its paragraph", src, item.FirstChild().Kind())
			}
		}
	}
}
