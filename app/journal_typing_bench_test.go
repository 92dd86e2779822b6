package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// longParagraph is one paragraph of n letters, as an agent pours out a
// hard call without pressing Enter.
func longParagraph(n int) string {
	s := "The customer called about a parcel that was two weeks late and asked for a manager. "
	return strings.Repeat(s, n/len(s)+1)[:n]
}

// BenchmarkJournalTyping is one keystroke in a 10,000-letter "what
// happened", in the middle and at the end of the text: the plain
// word-wrapped Fyne Entry against the journal's wrapEditor.
func BenchmarkJournalTyping(b *testing.B) {
	for _, ed := range []string{"fyne-wrapped-entry", "wrapEditor"} {
		for _, at := range []string{"end", "middle"} {
			b.Run(fmt.Sprintf("%s/at-%s", ed, at), func(b *testing.B) {
				a := test.NewTempApp(b)
				w := a.NewWindow("t")
				var e *widget.Entry
				var typed interface {
					fyne.Focusable
					TypedRune(rune)
				}
				if ed == "wrapEditor" {
					we := newWrapEditor(nil)
					we.SetText(longParagraph(10000))
					e, typed = &we.Entry, we
					w.SetContent(we)
				} else {
					e = widget.NewMultiLineEntry()
					e.Wrapping = fyne.TextWrapWord
					e.SetText(longParagraph(10000))
					typed = e
					w.SetContent(e)
				}
				w.Resize(fyne.NewSize(700, 500))
				w.Canvas().Focus(typed)
				if at == "end" {
					e.CursorRow, e.CursorColumn = rowCol([]rune(e.Text), len([]rune(e.Text)))
				} else {
					e.CursorRow, e.CursorColumn = rowCol([]rune(e.Text), 5000)
				}
				for b.Loop() {
					typed.TypedRune('a') // as a key press arrives
				}
			})
		}
	}
}
