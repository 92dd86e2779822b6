package app

import (
	"strings"
	"unicode"
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
	top   []widget.RichTextSegment                              // the segments outside any block, as parsed
}

// wrapLinks returns rt, word-wrapped, in a container that keeps the text
// after its links whole.
func wrapLinks(rt *widget.RichText) *fyne.Container {
	rt.Wrapping = fyne.TextWrapWord
	l := &linkWrap{rt: rt, width: -1, texts: map[*widget.ParagraphSegment][]widget.RichTextSegment{}}
	l.top = append([]widget.RichTextSegment(nil), rt.Segments...)
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
// fit. A paragraph at the top of the text is no block of its own in Fyne's
// markdown (its pieces sit in rt.Segments, the last one ending the row), so
// the top is laid out as one paragraph.
func (t *linkWrap) placeBreaks(maxWidth float32) {
	for p, texts := range t.texts {
		p.Texts = append(p.Texts[:0:0], texts...)
	}
	x := float32(0) // where the current row ends
	t.rt.Segments = t.breakLinks(t.top, &x, maxWidth)
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
		if txt, ok := s.(*widget.TextSegment); ok && (*x > 0 || hasWide(txt.Text)) && !strings.Contains(txt.Text, "\n") {
			out = t.wrapText(out, txt, x, maxWidth, t.gluedAfter(segs, i))
			continue
		}
		link, isLink := s.(*widget.HyperlinkSegment)
		if !isLink || !s.Inline() {
			*x = t.advance(s, *x, maxWidth)
			out = append(out, s)
			continue
		}
		out = t.wrapLink(out, link, x, maxWidth, t.gluedAfter(segs, i))
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

// wrapText appends txt, laid out from x, to out: the words that fit the
// rest of the row, then a break and the rest. Text with no spaces to break
// at (Chinese, Japanese) is cut into rows here, as Fyne would cut it one
// letter a row once its first row had no room. The parsed segment is kept
// for the next width: out gets copies of its parts.
func (t *linkWrap) wrapText(out []widget.RichTextSegment, txt *widget.TextSegment, x *float32, maxWidth, glued float32) []widget.RichTextSegment {
	wide := hasWide(txt.Text)
	for {
		head, rest, wraps := t.fitRow(txt, *x, maxWidth, glued)
		if !wraps {
			*x = t.advance(txt, *x, maxWidth)
			return append(out, txt)
		}
		if strings.TrimSpace(head) != "" {
			style := txt.Style
			style.Inline = true // the break below ends the row
			out = append(out, &widget.TextSegment{Text: head, Style: style})
		}
		if head == "" && *x == 0 { // a word wider than the row: Fyne cuts it
			*x = t.advance(txt, 0, maxWidth)
			return append(out, txt)
		}
		out = append(out, lineBreak())
		*x = 0
		if rest == "" {
			return out
		}
		txt = &widget.TextSegment{Text: rest, Style: txt.Style}
		if !wide {
			*x = t.advance(txt, 0, maxWidth)
			return append(out, txt)
		}
	}
}

// wrapLink appends link, laid out from x, to out: on the next row when it
// does not fit the rest of this one, and cut at its spaces into links to
// the same place when it does not fit a row at all.
func (t *linkWrap) wrapLink(out []widget.RichTextSegment, link *widget.HyperlinkSegment, x *float32, maxWidth, glued float32) []widget.RichTextSegment {
	w := link.Visual().MinSize().Width
	if glued > 0 {
		glued += breakSlack // as the check for the letter after the link below
	}
	if *x+w+glued <= maxWidth {
		*x += w
		return append(out, link)
	}
	if w+glued <= maxWidth || !strings.Contains(link.Text, " ") {
		if *x > 0 {
			out = append(out, lineBreak()) // start the link on a new line
		}
		*x = w
		return append(out, link)
	}
	pad := w - t.measureLink(link.Text)
	words := strings.SplitAfter(link.Text, " ")
	piece := ""
	for i, word := range words {
		end := float32(0) // the last word carries the text glued to the link
		if i == len(words)-1 {
			end = glued
		}
		if piece != "" && *x+pad+t.measureLink(strings.TrimRight(piece+word, " "))+end > maxWidth {
			out = append(out, t.linkPiece(link, piece), lineBreak())
			*x, piece = 0, ""
		} else if piece == "" && *x > 0 && *x+pad+t.measureLink(strings.TrimRight(word, " ")) > maxWidth {
			out = append(out, lineBreak())
			*x = 0
		}
		piece += word
	}
	*x += pad + t.measureLink(piece)
	return append(out, t.linkPiece(link, piece))
}

// linkPiece is a part of link that opens what the link opens.
func (t *linkWrap) linkPiece(link *widget.HyperlinkSegment, text string) *widget.HyperlinkSegment {
	return &widget.HyperlinkSegment{Alignment: link.Alignment, Text: text, URL: link.URL, OnTapped: link.OnTapped}
}

func (t *linkWrap) measureLink(text string) float32 {
	return fyne.MeasureText(text, t.rt.Theme().Size(theme.SizeNameText), fyne.TextStyle{}).Width
}

// gluedAfter is the width of the text glued to the end of segs[i] with no
// space between ("-Format." after a link, "." after bold): the row must
// hold it too, or a break there leaves it alone on the next row.
func (t *linkWrap) gluedAfter(segs []widget.RichTextSegment, i int) float32 {
	if txt, ok := segs[i].(*widget.TextSegment); ok && (txt.Text == "" || strings.HasSuffix(txt.Text, " ")) {
		return 0
	}
	if i+1 >= len(segs) {
		return 0
	}
	next, ok := segs[i+1].(*widget.TextSegment)
	if !ok || next.Text == "" || next.Text[0] == ' ' {
		return 0
	}
	word := next.Text
	if end := strings.IndexAny(word, " \n"); end >= 0 {
		word = word[:end]
	}
	if hasWide(word) { // a row may end after any letter but punctuation
		for j, r := range word {
			if j > 0 && !strings.ContainsRune(noBreakBefore, r) {
				word = word[:j]
				break
			}
		}
	}
	return t.measure(next, word).Width
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
func (t *linkWrap) fitRow(txt *widget.TextSegment, x, maxWidth, glued float32) (head, rest string, wraps bool) {
	avail := maxWidth - x - breakSlack
	if t.measure(txt, txt.Text).Width+glued <= avail {
		return txt.Text, "", false
	}
	cut := 0 // where the longest run of whole words that fits ends
	prev, _ := utf8.DecodeRuneInString(txt.Text)
	for i, r := range txt.Text {
		if i == 0 {
			continue
		}
		space := r == ' ' && prev != ' '
		wide := (isWide(r) || isWide(prev)) && r != ' ' && prev != ' ' && !strings.ContainsRune(noBreakBefore, r) && !strings.ContainsRune(noBreakAfter, prev)
		prev = r
		if !space && !wide {
			continue
		}
		if t.measure(txt, txt.Text[:i]).Width > avail {
			break
		}
		cut = i
	}
	return txt.Text[:cut], strings.TrimLeft(txt.Text[cut:], " "), true
}

// Chinese and Japanese punctuation that may not start a row, and that may
// not end one.
const (
	noBreakBefore = "。、，．・：；！？）」』】〕〉》ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ…,.!?:;)]"
	noBreakAfter  = "（「『【〔〈《([“‘"
)

// isWide tells a letter of a script written without spaces, which may
// start a row anywhere.
func isWide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

func hasWide(s string) bool {
	for _, r := range s {
		if r >= 0x3000 && isWide(r) {
			return true
		}
	}
	return false
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
		// Fyne fits a row without the space that ends it.
		if row == "" || t.measure(txt, strings.TrimRight(row+word, " ")).Width <= avail {
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
