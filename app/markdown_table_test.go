package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// Fyne's markdown has no tables: a note's table showed as
// "| col a | col b | |---|---| | refund | 退款 |" on one line.
func TestTableShowsAsOneRowALine(t *testing.T) {
	md := "Before.\n\n| Ask | Say |\n|:---|---:|\n| refund | 退款 |\n| late | sorry, it's *late* |\n\n```\n| not | a table |\n|---|---|\n```\n\nAfter."
	rt := (&poise{}).markdownText(nil, md)
	var got []string
	for _, s := range rt.Segments {
		got = append(got, segmentText(s))
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{"Ask: refund · Say: 退款", "Before.", "After.", "| not | a table |"} {
		if !strings.Contains(all, want) {
			t.Errorf("rendered text lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "|:---|") || strings.Contains(all, "| refund |") {
		t.Errorf("table shown as raw markdown:\n%s", all)
	}
}

func segmentText(s widget.RichTextSegment) string {
	switch s := s.(type) {
	case *widget.TextSegment:
		return s.Text
	case *widget.ListSegment:
		var out []string
		for _, it := range s.Items {
			out = append(out, segmentText(it))
		}
		return strings.Join(out, "\n")
	case *widget.ParagraphSegment:
		var out []string
		for _, it := range s.Texts {
			out = append(out, segmentText(it))
		}
		return strings.Join(out, "")
	}
	return s.Textual()
}

// Any text: no panic, and text without a table comes back as it was.
func FuzzTablesAsRows(f *testing.F) {
	f.Add("| a | b |\n|---|---|\n| 1 | 2 |")
	f.Add("|\n-\n|")
	f.Add("```\n| a |\n|---|\n```")
	f.Add("a \\| b\n")
	f.Fuzz(func(t *testing.T, md string) {
		out := tablesAsRows(md)
		if !strings.Contains(md, "|") && out != md {
			t.Fatalf("text without a table changed: %q -> %q", md, out)
		}
	})
}
