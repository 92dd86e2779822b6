package kb

import (
	"fmt"
	"testing"

	"github.com/poisehq/poise/kb/internal/mdparse"
)

// TestSectionsSplitAtHeadings: blocks split at headings up to the level,
// deeper headings staying inside their section, and a part grown by its
// caller never overwrites the next.
func TestSectionsSplitAtHeadings(t *testing.T) {
	p := func(s string) mdparse.Block { return mdparse.Block{Kind: mdparse.Paragraph, Text: s} }
	h := func(level int, s string) mdparse.Block {
		return mdparse.Block{Kind: mdparse.Heading, Level: level, Text: s}
	}
	texts := func(bs []mdparse.Block) string {
		var out []string
		for _, b := range bs {
			out = append(out, b.Text)
		}
		return fmt.Sprint(out)
	}
	for _, c := range []struct {
		blocks      []mdparse.Block
		intro, secs string
	}{
		{[]mdparse.Block{p("a"), h(2, "B"), p("b"), h(3, "C"), p("c"), h(2, "D")}, "[a]", "[[B b C c] [D]]"},
		{[]mdparse.Block{h(1, "A"), p("a")}, "[]", "[[A a]]"},
		{[]mdparse.Block{p("a"), h(3, "C")}, "[a C]", "[]"},
		{nil, "[]", "[]"},
	} {
		intro, secs := sections(c.blocks, 2)
		var got []string
		for _, s := range secs {
			got = append(got, texts(s))
		}
		if texts(intro) != c.intro || fmt.Sprint(got) != c.secs {
			t.Errorf("sections(%s) = %s %v, want %s %s", texts(c.blocks), texts(intro), got, c.intro, c.secs)
		}
		if len(secs) > 0 {
			_ = append(intro, p("grown"))
			if secs[0][0].Text == "grown" {
				t.Errorf("sections(%s): growing the intro overwrote the first section", texts(c.blocks))
			}
		}
	}
}
