package app

import (
	"fmt"
	"image/color"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/internal/numtext"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// kindNames are the words a person sees for each kind.
var kindNames = map[kb.Kind]string{
	kb.KindStatement: "Statement",
	kb.KindMatrix:    "Matrix",
	kb.KindGuide:     "Guide",
	kb.KindPhrase:    "Phrase",
	kb.KindChecklist: "Checklist",
	kb.KindTemplate:  "Template",
}

// kindPlural names a kind on a filter chip.
func kindPlural(k kb.Kind) string {
	switch k {
	case kb.KindMatrix:
		return "Matrix"
	case kb.KindGuide:
		// Each section of a guide is found on its own, so the count is of
		// guides and their sections together, and says so.
		return "Guides & sections"
	}
	return kindName(k) + "s"
}

func kindName(k kb.Kind) string {
	if n, ok := kindNames[k]; ok {
		return n
	}
	return string(k)
}

// hitRow is one line of the result list: kind, title and pack above, the
// snippet with the matched words highlighted below. In a narrow window
// (see find_narrow.go) kind and pack sit on a line of their own above the
// title, and the snippet wraps over two lines, so every result shows its
// title and text; anything longer ends in an ellipsis, never mid-word.
type hitRow struct {
	widget.BaseWidget
	box     fyne.CanvasObject
	kind    *widget.Label
	title   *widget.RichText
	pack    *widget.Label
	snippet *widget.RichText
	narrow  bool
	key     string // what the row shows now
	width   float32
	hit     search.Hit // shown now, to cut again when the width changes
	packN   string
	fav     bool
	note    rowNote
}

func setLabel(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

func newHitRow(narrow bool) *hitRow {
	r := &hitRow{
		kind:    widget.NewLabelWithStyle("Statement", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		title:   widget.NewRichText(),
		pack:    widget.NewLabel("pack"),
		snippet: widget.NewRichText(),
		narrow:  narrow,
	}
	r.kind.Importance = widget.HighImportance
	secondary(r.pack)
	// A pack's name may be long ("Catalan · valencià support macros for
	// the returns desk"): it ends in an ellipsis rather than wrap, so rows
	// keep one height while the list changes under typing, and the
	// preview (or, narrow, the full text) names the pack in full.
	r.pack.Truncation = fyne.TextTruncateEllipsis
	h := r.pack.MinSize().Height
	pad := -theme.Padding() * 2
	if narrow {
		secondary(r.kind)
		r.snippet.Wrapping = fyne.TextWrapWord
		lines := canvas.NewRectangle(color.Transparent)
		lines.SetMinSize(fyne.NewSize(1, 2*r.title.MinSize().Height+pad))
		// The pack takes what the kind leaves of the line: in a box of
		// its own size it ran past the row's edge.
		r.box = container.New(layout.NewCustomPaddedVBoxLayout(pad),
			container.NewBorder(nil, nil, r.kind, nil, r.pack), r.title, container.NewStack(lines, r.snippet))
	} else {
		left := container.NewGridWrap(fyne.NewSize(84, 2*h+pad),
			container.New(layout.NewCustomPaddedVBoxLayout(pad), r.kind, r.pack))
		r.box = container.NewBorder(nil, nil, left, nil,
			container.New(layout.NewCustomPaddedVBoxLayout(pad), r.title, r.snippet))
	}
	r.ExtendBaseWidget(r)
	return r
}

func (r *hitRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

// Resize cuts the texts again for the new width.
func (r *hitRow) Resize(size fyne.Size) {
	if size.Width != r.width {
		r.width = size.Width
		if r.key != "" {
			r.key = ""
			r.set(r.hit, r.packN, r.fav, r.note)
		}
	}
	r.BaseWidget.Resize(size)
}

func (r *hitRow) set(h search.Hit, packName string, favourite bool, note rowNote) {
	// Rows are reused as the list refreshes on every keystroke; shaping
	// text is the costly part, so skip what has not changed.
	key := fmt.Sprint(h.ID, h.Title, packName, h.Snippet, h.Highlights, h.TitleHighlights, favourite, note)
	if key == r.key {
		return
	}
	r.key, r.hit, r.packN, r.fav, r.note = key, h, packName, favourite, note
	setLabel(r.kind, kindName(h.Kind))
	// Texts are cut at a word with an ellipsis to what the row's width
	// holds, estimated from an average letter: measuring every cut would
	// cost more than the search on every keystroke.
	lines := 1
	if r.narrow {
		lines = 2
	}
	fit := r.charsThatFit(1) - 4 // room for a star or an arrow
	more := moreSegments(note)   // find_more.go
	if len(more) > 0 {
		room := fit - utf8.RuneCountInString(more[0].Textual())
		if room < minTitleChars || len(h.Title) > room {
			// The title comes first: the note shrinks to its number and
			// arrow rather than cut the title, to a letter in a narrow
			// row ("S …  +2 more like this →") or to its first words in
			// the list beside the preview ("How Obsidian …  +4 more in
			// this guide →" on the obsidian-help vault).
			more = shortMore(note, more[0].(*widget.TextSegment).Style)
		}
	}
	for _, seg := range more {
		fit -= utf8.RuneCountInString(seg.Textual())
	}
	ttext, tspans := clip(h.Title, h.TitleHighlights, fit)
	title := highlighted(ttext, tspans, true)
	if favourite {
		title = append([]widget.RichTextSegment{&widget.TextSegment{Text: "★ ", Style: widget.RichTextStyleStrong}}, title...)
	}
	if note.member {
		title = append([]widget.RichTextSegment{&widget.TextSegment{Text: "↳ ", Style: widget.RichTextStyleInline}}, title...)
	}
	title = append(title, more...)
	r.title.Segments = title
	r.title.Refresh()
	setLabel(r.pack, packName)
	snip, spans := clip(h.Snippet, h.Highlights, r.charsThatFit(lines))
	if r.narrow {
		r.snippet.Segments = breakableBetween(highlighted(snip, wholeWords(snip, spans), false))
	} else {
		r.snippet.Segments = highlighted(snip, spans, false)
	}
	r.snippet.Refresh()
}

// minTitleChars is the least of a title a row keeps beside its "more like
// this" note before the note shrinks to "+2 →".
const minTitleChars = 16

// shortMore is the "more like this" note in a few letters, for a row too
// narrow to hold the title and the whole note.
func shortMore(n rowNote, style widget.RichTextStyle) []widget.RichTextSegment {
	text := "  +" + numtext.Count(n.more) + " →"
	if n.open {
		text = "  " + numtext.Count(n.more) + " ←"
	}
	return []widget.RichTextSegment{&widget.TextSegment{Text: text, Style: style}}
}

// rowChars is about as much snippet as a row shows in a wide window, used
// before the row knows its width.
const rowChars = 110

// charsThatFit is about how many bytes of text fill lines lines of the
// row, a little short rather than over.
func (r *hitRow) charsThatFit(lines int) int {
	if r.width <= 0 {
		return rowChars
	}
	w := r.width - 2*theme.InnerPadding()
	if !r.narrow {
		w -= 84 // the kind and pack column
	}
	return max(int(w/averageLetter()*0.95)*lines, 8)
}

var letterWidth float32

// averageLetter is the width of an average letter of English text.
func averageLetter() float32 {
	if letterWidth == 0 {
		const sample = "The customer wants their money back, and the parcel is late again."
		letterWidth = fyne.MeasureText(sample, theme.TextSize(), fyne.TextStyle{}).Width / float32(len(sample))
	}
	return letterWidth
}

// clip cuts text to at most n bytes at a word boundary, keeping the spans
// that still fit.
func clip(text string, spans []search.Span, n int) (string, []search.Span) {
	n = max(n, 1) // a narrow row with a long "more like this" note leaves no room
	if len(text) <= n {
		return text, spans
	}
	cut := strings.LastIndexByte(text[:n], ' ')
	if cut <= 0 {
		// No space to cut at (Chinese, Japanese, one long word): cut
		// between letters, never inside one, keeping at least one.
		cut = n
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		if cut == 0 {
			_, cut = utf8.DecodeRuneInString(text)
		}
	}
	var kept []search.Span
	for _, sp := range spans {
		if sp.End <= cut {
			kept = append(kept, sp)
		}
	}
	return text[:cut] + " …", kept
}

// highlighted splits text into plain and highlighted inline segments.
func highlighted(text string, spans []search.Span, bold bool) []widget.RichTextSegment {
	plain := widget.RichTextStyleInline
	if bold {
		plain = widget.RichTextStyleStrong
	}
	mark := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}
	var segs []widget.RichTextSegment
	last := 0
	for _, sp := range spans {
		if sp.Start < last || sp.End > len(text) || sp.Start >= sp.End {
			continue
		}
		if sp.Start > last {
			segs = append(segs, &widget.TextSegment{Text: text[last:sp.Start], Style: plain})
		}
		segs = append(segs, &widget.TextSegment{Text: text[sp.Start:sp.End], Style: mark})
		last = sp.End
	}
	if last < len(text) || len(segs) == 0 {
		segs = append(segs, &widget.TextSegment{Text: text[last:], Style: plain})
	}
	return segs
}

// breakableBetween starts every segment after the first with a zero-width
// space, for a RichText that wraps. Fyne 2.7.1 (widget/richtext.go,
// lineBounds) wraps a segment that begins with less than a letter's width
// left on the line one letter per line: it puts that letter past the edge
// and keeps measuring the rest of the segment against the leftover width
// instead of the full line. A first rune of no width always fits, so the
// segment's first word moves whole to the next line, as a word should.
// The segments must meet only at spaces (see wholeWords): a comma after
// a highlighted word would otherwise start the next line. (A zero-width
// space after a segment's leading space instead would hang that space
// past the edge, but Fyne then gives the zero-width space a row of its
// own: a blank line.)
func breakableBetween(segs []widget.RichTextSegment) []widget.RichTextSegment {
	for _, seg := range segs[min(1, len(segs)):] {
		if t, ok := seg.(*widget.TextSegment); ok && t.Text != "" {
			t.Text = zeroWidthSpace + t.Text
		}
	}
	return segs
}

// zeroWidthSpace is a line-break opportunity that takes no room.
const zeroWidthSpace = "\u200b"

// wholeWords widens each span of text to the whole words it touches
// ("refund," for "refund"), merging spans that then meet, so highlighted
// and plain text meet only at spaces.
func wholeWords(text string, spans []search.Span) []search.Span {
	var out []search.Span
	for _, sp := range spans {
		if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
			continue
		}
		for sp.Start > 0 {
			r, n := utf8.DecodeLastRuneInString(text[:sp.Start])
			if unicode.IsSpace(r) {
				break
			}
			sp.Start -= n
		}
		for sp.End < len(text) {
			r, n := utf8.DecodeRuneInString(text[sp.End:])
			if unicode.IsSpace(r) {
				break
			}
			sp.End += n
		}
		if k := len(out) - 1; k >= 0 && sp.Start <= out[k].End {
			out[k].End = max(out[k].End, sp.End)
			continue
		}
		out = append(out, sp)
	}
	return out
}

// chipRow is a row of filter chips with counts; one may be picked, and
// picking it again (or "All") clears it.
type chipRow struct {
	box      *fyne.Container
	all      *widget.Button
	buttons  map[string]*widget.Button
	selected string
	label    func(value string) string
	onPick   func(value string)
}

func newChipRow(allLabel string, label func(string) string, onPick func(string)) *chipRow {
	c := &chipRow{buttons: map[string]*widget.Button{}, label: label, onPick: onPick}
	c.all = widget.NewButton(allLabel, func() { c.pick("") })
	c.all.Importance = widget.HighImportance
	c.box = container.NewHBox(c.all)
	return c
}

func (c *chipRow) pick(v string) {
	if v == c.selected {
		v = ""
	}
	c.selected = v
	c.onPick(v)
}

// set shows the counts of the latest results, keeping a picked value
// visible even when nothing matches it.
func (c *chipRow) set(counts []search.FacetCount, allLabel string) {
	imp := widget.MediumImportance
	if c.selected == "" {
		imp = widget.HighImportance
	}
	if c.all.Text != allLabel || c.all.Importance != imp {
		c.all.Text, c.all.Importance = allLabel, imp
		c.all.Refresh()
	}
	seen := map[string]bool{}
	objs := []fyne.CanvasObject{c.all}
	add := func(v string, n int) {
		seen[v] = true
		b, ok := c.buttons[v]
		if !ok {
			b = widget.NewButton("", func() { c.pick(v) })
			c.buttons[v] = b
		}
		text := c.label(v) + " " + numtext.Count(n)
		imp := widget.LowImportance
		if v == c.selected {
			imp = widget.HighImportance
		}
		if b.Text != text || b.Importance != imp {
			b.Text, b.Importance = text, imp
			b.Refresh()
		}
		objs = append(objs, b)
	}
	sorted := append([]search.FacetCount(nil), counts...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Count > sorted[j].Count })
	for _, fc := range sorted {
		add(fc.Value, fc.Count)
	}
	if c.selected != "" && !seen[c.selected] {
		add(c.selected, 0)
	}
	if !sameObjects(c.box.Objects, objs) {
		c.box.Objects = objs
		c.box.Refresh()
	}
}

func sameObjects(a, b []fyne.CanvasObject) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// blankFetch is how many times findLimit items the blank list fetches, so
// that the page is still full once a situation's statements fold into one.
const blankFetch = 3

// groupBlank folds the blank list's statements for one situation into one
// row, as a search does (search.GroupHits), so the empty screen does not
// open on three wordings of one thing. The favourites and recent items at
// its head keep a row each, in the order chosen.
func groupBlank(hits []search.Hit, pinned []string, limit int) []search.Hit {
	head := 0
	for head < len(hits) && head < limit && slices.Contains(pinned, hits[head].ID) {
		head++
	}
	return append(hits[:head:head], search.GroupHits(hits[head:], limit-head)...)
}
