package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// A quoted line, as an Obsidian callout's body ("> Yes! In a foldable
// callout…"), reads as one line: Fyne makes every piece of text in a quote
// its own block, so "Yes" and "! In a foldable callout" showed on two lines.
func TestQuotedSentenceStaysOneLine(t *testing.T) {
	p := &poise{}
	rt := p.markdownText(nil, "> **Faq** Are callouts foldable?\n> Yes! In a foldable callout, the contents are hidden.\n")
	var quoted []string
	for _, s := range rt.Segments {
		if ts, ok := s.(*widget.TextSegment); ok && ts.Style == widget.RichTextStyleBlockquote {
			quoted = append(quoted, ts.Text)
		}
	}
	joined := strings.Join(quoted, "|")
	if !strings.Contains(joined, "Yes! In a foldable callout, the contents are hidden.") {
		t.Errorf("quote shown as %q; want the sentence in one piece", joined)
	}
	if len(quoted) != 2 || strings.Contains(quoted[0], "Yes") {
		t.Errorf("quote shown as %q; want the title's line and the body's line apart", joined)
	}
}
