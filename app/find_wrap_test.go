package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb/search"
)

// At 480 px a highlighted word that began with less than a letter's
// width left on its line came out one letter per line, over the results
// below: Fyne 2.7.1's lineBounds keeps the leftover width for every later
// letter of a segment once its first letter does not fit. A one-column
// row's snippet stays within its two lines (three with a last word that
// wraps) at every width a docked window gives it.
func TestNarrowSnippetNeverWrapsALetterPerLine(t *testing.T) {
	test.NewTempApp(t)
	snippet := "The customer wants their money back, and the request falls outside what the policy allows: refund window has closed"
	var spans []search.Span
	for _, w := range []string{"money", "back", "refund", "window"} {
		i := strings.Index(snippet, w)
		spans = append(spans, search.Span{Start: i, End: i + len(w)})
	}
	h := search.Hit{ID: "builtin/matrix/refund-outside-policy", Kind: "matrix", Title: "Refund outside policy", Snippet: snippet, Highlights: spans}
	// What three lines of the snippet's text take, for comparison.
	three := widget.NewRichText(&widget.TextSegment{Text: "one\ntwo\nthree", Style: widget.RichTextStyleInline})
	three.Wrapping = fyne.TextWrapWord
	limit := three.MinSize().Height
	var worst float32
	var at float32
	for w := float32(300); w <= 480; w++ {
		r := newHitRow(true)
		test.WidgetRenderer(r)
		r.Resize(fyne.NewSize(w, r.MinSize().Height))
		r.set(h, "Built-in", false, rowNote{})
		r.Resize(fyne.NewSize(w, r.MinSize().Height))
		if hgt := r.snippet.MinSize().Height; hgt > worst {
			worst, at = hgt, w
		}
	}
	if worst > limit {
		t.Errorf("at %v px the snippet is %v px tall, more than three lines (%v px)", at, worst, limit)
	}
}

func TestWholeWords(t *testing.T) {
	span := func(text, word string) search.Span {
		i := strings.Index(text, word)
		return search.Span{Start: i, End: i + len(word)}
	}
	for _, tt := range []struct {
		name, text string
		words      []string
		want       []string
	}{
		{"word alone", "get a refund now", []string{"refund"}, []string{"refund"}},
		{"comma after", "a refund, and the money", []string{"refund", "money"}, []string{"refund,", "money"}},
		{"quote before", `say "refund" twice`, []string{"refund"}, []string{`"refund"`}},
		{"stem", "they refunded it", []string{"refund"}, []string{"refunded"}},
		{"two in one word", "a money-back offer", []string{"money", "back"}, []string{"money-back"}},
		{"end of text", "no refund…", []string{"refund"}, []string{"refund…"}},
		{"non-ASCII", "reemborsament ràpid, sí", []string{"ràpid"}, []string{"ràpid,"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var spans []search.Span
			for _, w := range tt.words {
				spans = append(spans, span(tt.text, w))
			}
			var got []string
			for _, sp := range wholeWords(tt.text, spans) {
				got = append(got, tt.text[sp.Start:sp.End])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
