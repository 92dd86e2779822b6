package app

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne 2.7's RichText does not wrap a hyperlink: a link near the end of a
// line runs past it, and the text after it is then given no room, which
// Fyne lays out one letter per line ("a", "l", "g", … for " algorithm."
// after a link at the end of a guide's bullet). Upstream fixes it in 2.8
// (fyne-io/fyne#3393). Until then linkWrapText, whenever its width
// changes, works out where each inline link ends as Fyne will lay it out,
// and starts a new line before a link that would run past the edge and
// after a link that leaves the next letter no room (see linkWrap).
//
// Fyne 2.7 also moves all the text that follows a bold lead-in (or any
// inline piece) to the next line whenever that text would fit on a line
// of its own and its first row happens to end at a space, leaving the
// lead-in alone on its row ("**Mute the urge to correct.** If they say …"
// in a guide). So text that starts mid-row and does not fit the rest of
// it is cut here at the last word that fits: Fyne then never wraps a
// piece that starts mid-row (see fitRow).

// linkWrap lays out a word-wrapped RichText, placing the breaks for each
// new width first. It keeps the RichText itself a *widget.RichText, so
// everything that walks the screen for rich text still finds it.
type linkWrap struct {
	rt    *widget.RichText
	width float32                                               // the width the breaks were placed for
	texts map[*widget.ParagraphSegment][]widget.RichTextSegment // each paragraph's own segments
}

// wrapLinks returns rt, word-wrapped, in a container that keeps the text
// after its links whole.
func wrapLinks(rt *widget.RichText) *fyne.Container {
	rt.Wrapping = fyne.TextWrapWord
	l := &linkWrap{rt: rt, width: -1, texts: map[*widget.ParagraphSegment][]widget.RichTextSegment{}}
	l.remember(rt.Segments)
	return container.New(l, rt)
}

// remember keeps every paragraph's segments as parsed, to place the
// breaks afresh at each width.
func (t *linkWrap) remember(segs []widget.RichTextSegment) {
	for _, s := range segs {
		if p, ok := s.(*widget.ParagraphSegment); ok {
			t.texts[p] = append([]widget.RichTextSegment(nil), p.Texts...)
		}
		if b, ok := s.(widget.RichTextBlock); ok {
			t.remember(b.Segments())
		}
	}
}

func (t *linkWrap) MinSize([]fyne.CanvasObject) fyne.Size { return t.rt.MinSize() }

func (t *linkWrap) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	if size.Width != t.width {
		t.width = size.Width
		t.placeBreaks(size.Width - 2*t.rt.Theme().Size(theme.SizeNameInnerPadding))
		t.rt.Refresh()
	}
	t.rt.Move(fyne.NewPos(0, 0))
	t.rt.Resize(size)
}

// lineBreak ends the line it is on without adding a blank one: a block
// segment with no text joins the current row and makes the next start a
// new one.
func lineBreak() widget.RichTextSegment {
	return &widget.TextSegment{Style: widget.RichTextStyleParagraph}
}

// placeBreaks puts each paragraph back as parsed, then follows Fyne's row
// layout for a line maxWidth wide, adding a break around links that do not
// fit.
func (t *linkWrap) placeBreaks(maxWidth float32) {
	for p, texts := range t.texts {
		p.Texts = append(p.Texts[:0:0], texts...)
	}
	x := float32(0) // where the current row ends
	var walk func(segs []widget.RichTextSegment)
	walk = func(segs []widget.RichTextSegment) {
		for _, s := range segs {
			if b, ok := s.(widget.RichTextBlock); ok {
				inner := b.Segments()
				if p, ok := s.(*widget.ParagraphSegment); ok {
					p.Texts = t.breakLinks(p.Texts, &x, maxWidth)
					inner = nil // already walked
				}
				walk(inner)
				if kids := b.Segments(); len(kids) > 0 && !kids[len(kids)-1].Inline() {
					x = 0
				}
				continue
			}
			x = t.advance(s, x, maxWidth)
		}
	}
	walk(t.rt.Segments)
}

// breakLinks lays out a paragraph's segments from x, returning them with
// breaks where a link would overflow or starve the text after it.
func (t *linkWrap) breakLinks(segs []widget.RichTextSegment, x *float32, maxWidth float32) []widget.RichTextSegment {
	out := make([]widget.RichTextSegment, 0, len(segs))
	trim := false // the text after a break starts its line: drop its space
	for i, s := range segs {
		if txt, ok := s.(*widget.TextSegment); ok && trim && strings.HasPrefix(txt.Text, " ") {
			// A copy: the parsed segment is kept for the next width.
			s = &widget.TextSegment{Text: strings.TrimLeft(txt.Text, " "), Style: txt.Style}
		}
		trim = false
		if b, ok := s.(widget.RichTextBlock); ok {
			// A nested block (the item of a list): lay it out in turn.
			if p, ok := s.(*widget.ParagraphSegment); ok {
				p.Texts = t.breakLinks(p.Texts, x, maxWidth)
			} else {
				t.placeNested(b.Segments(), x, maxWidth)
			}
			if kids := b.Segments(); len(kids) > 0 && !kids[len(kids)-1].Inline() {
				*x = 0
			}
			out = append(out, s)
			continue
		}
		if txt, ok := s.(*widget.TextSegment); ok && txt.Inline() && *x > 0 && !strings.Contains(txt.Text, "\n") {
			head, rest, wraps := t.fitRow(txt, *x, maxWidth)
			if !wraps {
				*x = t.advance(s, *x, maxWidth)
				out = append(out, s)
				continue
			}
			// Copies of its parts: the parsed segment is kept for the next width.
			if strings.TrimSpace(head) != "" {
				out = append(out, &widget.TextSegment{Text: head, Style: txt.Style})
			}
			out = append(out, lineBreak())
			*x = 0
			if rest != "" {
				tail := &widget.TextSegment{Text: rest, Style: txt.Style}
				out = append(out, tail)
				*x = t.advance(tail, 0, maxWidth)
			}
			continue
		}
		link, isLink := s.(*widget.HyperlinkSegment)
		if !isLink || !s.Inline() {
			*x = t.advance(s, *x, maxWidth)
			out = append(out, s)
			continue
		}
		w := link.Visual().MinSize().Width
		if *x > 0 && *x+w > maxWidth {
			out = append(out, lineBreak()) // start the link on a new line
			*x = 0
		}
		*x += w
		out = append(out, s)
		if i+1 < len(segs) {
			if next, ok := segs[i+1].(*widget.TextSegment); ok && next.Inline() && next.Text != "" {
				r, _ := utf8.DecodeRuneInString(next.Text)
				if maxWidth-*x < t.measure(next, string(r)).Width+breakSlack {
					out = append(out, lineBreak())
					*x = 0
					trim = true
				}
			}
		}
	}
	return out
}

// placeNested walks a block that is not a paragraph (a list inside a list).
func (t *linkWrap) placeNested(segs []widget.RichTextSegment, x *float32, maxWidth float32) {
	for _, s := range segs {
		if p, ok := s.(*widget.ParagraphSegment); ok {
			p.Texts = t.breakLinks(p.Texts, x, maxWidth)
			if len(p.Texts) > 0 && !p.Texts[len(p.Texts)-1].Inline() {
				*x = 0
			}
			continue
		}
		if b, ok := s.(widget.RichTextBlock); ok {
			t.placeNested(b.Segments(), x, maxWidth)
			continue
		}
		*x = t.advance(s, *x, maxWidth)
	}
}

// fitRow splits txt, laid out from x on a row maxWidth wide, into the
// whole words that fit the rest of the row (head, "" when not even the
// first does) and the words that start the next row (rest, without its
// leading spaces). wraps is false when it all fits; when only its trailing
// space does not, rest is "" and the row must still end after head, as
// Fyne measures that space too.
func (t *linkWrap) fitRow(txt *widget.TextSegment, x, maxWidth float32) (head, rest string, wraps bool) {
	avail := maxWidth - x - breakSlack
	if t.measure(txt, txt.Text).Width <= avail {
		return txt.Text, "", false
	}
	cut := 0 // where the longest run of whole words that fits ends
	for i := 1; i < len(txt.Text); i++ {
		if txt.Text[i] != ' ' || txt.Text[i-1] == ' ' {
			continue
		}
		if t.measure(txt, txt.Text[:i]).Width > avail {
			break
		}
		cut = i
	}
	return txt.Text[:cut], strings.TrimLeft(txt.Text[cut:], " "), true
}

// breakSlack covers the difference between this word wrap and Fyne's.
const breakSlack = 2

// advance is where the row ends after s, laid out from x.
func (t *linkWrap) advance(s widget.RichTextSegment, x, maxWidth float32) float32 {
	txt, ok := s.(*widget.TextSegment)
	if !ok {
		if s.Inline() {
			if v := s.Visual(); v != nil {
				return x + v.MinSize().Width
			}
			return x
		}
		return 0
	}
	if !txt.Inline() {
		return 0
	}
	// Greedy word wrap, as Fyne's: words fill the row, a word that does
	// not fit starts the next one.
	row, avail := "", maxWidth-x
	rows := 1
	start := 0
	for i := 0; i <= len(txt.Text); i++ {
		if i < len(txt.Text) && txt.Text[i] != ' ' {
			continue
		}
		word := txt.Text[start:min(i+1, len(txt.Text))]
		start = i + 1
		if row == "" || t.measure(txt, row+word).Width <= avail {
			row += word
			continue
		}
		rows++
		row, avail = word, maxWidth
	}
	w := t.measure(txt, row).Width
	if rows == 1 {
		return x + w
	}
	return w
}

func (t *linkWrap) measure(s *widget.TextSegment, text string) fyne.Size {
	size := t.rt.Theme().Size(s.Style.SizeName)
	if s.Style.SizeName == "" {
		size = t.rt.Theme().Size(theme.SizeNameText)
	}
	return fyne.MeasureText(text, size, s.Style.TextStyle)
}
