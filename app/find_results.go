package app

import (
	"fmt"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
// snippet with the matched words highlighted below.
type hitRow struct {
	widget.BaseWidget
	box     fyne.CanvasObject
	kind    *widget.Label
	title   *widget.RichText
	pack    *widget.Label
	snippet *widget.RichText
}

func newHitRow() *hitRow {
	r := &hitRow{
		kind:    widget.NewLabelWithStyle("Statement", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		title:   widget.NewRichText(),
		pack:    widget.NewLabel("pack"),
		snippet: widget.NewRichText(),
	}
	r.kind.Importance = widget.HighImportance
	r.pack.Importance = widget.LowImportance
	r.pack.Truncation = fyne.TextTruncateEllipsis
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.snippet.Truncation = fyne.TextTruncateEllipsis
	top := container.NewBorder(nil, nil, r.kind, container.NewGridWrap(fyne.NewSize(90, r.pack.MinSize().Height), r.pack), r.title)
	r.box = container.New(layout.NewCustomPaddedVBoxLayout(-theme.Padding()*2), top, r.snippet)
	r.ExtendBaseWidget(r)
	return r
}

func (r *hitRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

func (r *hitRow) set(h search.Hit, packName string, favourite bool) {
	r.kind.SetText(kindName(h.Kind))
	title := highlighted(h.Title, h.TitleHighlights, true)
	if favourite {
		title = append([]widget.RichTextSegment{&widget.TextSegment{Text: "★ ", Style: widget.RichTextStyleStrong}}, title...)
	}
	r.title.Segments = title
	r.title.Refresh()
	r.pack.SetText(packName)
	r.snippet.Segments = highlighted(h.Snippet, h.Highlights, false)
	r.snippet.Refresh()
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
	c.all.SetText(allLabel)
	if c.selected == "" {
		c.all.Importance = widget.HighImportance
	} else {
		c.all.Importance = widget.MediumImportance
	}
	c.all.Refresh()
	seen := map[string]bool{}
	objs := []fyne.CanvasObject{c.all}
	add := func(v string, n int) {
		seen[v] = true
		b, ok := c.buttons[v]
		if !ok {
			b = widget.NewButton("", func() { c.pick(v) })
			c.buttons[v] = b
		}
		b.Text = fmt.Sprintf("%s %d", c.label(v), n)
		if v == c.selected {
			b.Importance = widget.HighImportance
		} else {
			b.Importance = widget.LowImportance
		}
		b.Refresh()
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
