package app

import (
	"github.com/poisehq/poise/internal/textsearch"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/mine"
	"github.com/poisehq/poise/kb/search"
)

// itemView renders an item from its parsed model, kind by kind (Fyne's own
// markdown drops tables and task lists), and returns its main Copy action.
func (p *poise) itemView(it *kb.Item) (fyne.CanvasObject, func()) {
	it = p.withBody(it)
	head := p.itemHeader(it)
	copyIt := func() { p.copyItem(it) }
	var body fyne.CanvasObject
	switch it.Kind {
	case kb.KindStatement:
		body = p.statementBody(it)
	case kb.KindMatrix:
		body = p.matrixBody(it)
		if len(it.Options) > 0 {
			o := it.Options[0]
			copyIt = func() { p.copyOption(it, o) }
		}
	case kb.KindPhrase:
		body = p.phraseBody(it)
	case kb.KindChecklist:
		body = p.checklistBody(it)
	case kb.KindTemplate:
		f := newTemplateForm(p, it.ID, it.Text, it.Fields)
		f.onSubmit = func() {
			f.copyChecked(func() { f.remember(); p.finishCopy(it.ID, it.Title, f.rendered()) }, nil)
		}
		copyIt = f.onSubmit
		body = f.content
	default:
		body = p.guideBody(it)
	}
	return container.NewVBox(head, body), copyIt
}

// itemHeader is the title, what kind of item it is and where it comes from.
func (p *poise) itemHeader(it *kb.Item) fyne.CanvasObject {
	title := widget.NewRichText(&widget.TextSegment{Text: it.Title, Style: widget.RichTextStyleSubHeading})
	title.Wrapping = fyne.TextWrapWord
	meta := append([]string{kindName(it.Kind), p.packName(it.Pack)}, p.itemPlace(it)...)
	if it.Category != "" {
		meta = append(meta, it.Category)
	}
	if len(it.Emotions) > 0 {
		meta = append(meta, strings.Join(it.Emotions, ", "))
	}
	m := widget.NewLabel(strings.Join(meta, " · "))
	secondary(m)
	m.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{title, m}
	if bar := p.mineBar(it); bar != nil {
		objs = append(objs, bar)
	}
	if replaced, ok := p.lib.Replaces(it.ID); ok && it.Pack != mine.ID {
		owner, _, _ := strings.Cut(replaced, "/")
		objs = append(objs, lowLabel("Replaces "+replaced+" from "+p.packName(owner)+" (the pack's overrides)."))
	}
	if mark := p.reviewMark(it); mark != nil {
		objs = append(objs, mark)
	}
	if it.Summary != "" && it.Kind != kb.KindStatement && !summaryOpensBody(it) {
		objs = append(objs, wrapLabel(it.Summary))
	}
	return container.NewVBox(objs...)
}

// summaryOpensBody reports whether the item's text begins with its
// summary, as a guide section's does when its summary is its first
// sentence: the preview then shows it once, in the text.
func summaryOpensBody(it *kb.Item) bool {
	norm := func(s string) string {
		return strings.ToLower(strings.Join(strings.Fields(textsearch.PlainText(s)), " "))
	}
	sum := strings.TrimRight(norm(it.Summary), ".!?…")
	return sum != "" && strings.HasPrefix(norm(it.Body), sum)
}

func (p *poise) statementBody(it *kb.Item) fyne.CanvasObject {
	say := widget.NewLabelWithStyle(renderTemplate(p.lib.Locale(it.Pack), it.Text, nil, p.now()), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	say.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{say}
	if len(it.Situations) > 0 {
		objs = append(objs, lowLabel("When: "+strings.Join(it.Situations, ", ")))
	}
	objs = append(objs, lowLabel("Fits: "+channels(it.Channels)))
	return container.NewVBox(objs...)
}

func channels(cs []string) string {
	if len(cs) == 0 {
		return "voice, chat and email"
	}
	return strings.Join(cs, ", ")
}

// matrixBody shows the recommended option first and the others numbered
// below it (see matrixOptions), so the agent offers one thing at a time.
func (p *poise) matrixBody(it *kb.Item) fyne.CanvasObject {
	body, _ := p.matrixBodyToggle(it)
	return body
}

func (p *poise) phraseBody(it *kb.Item) fyne.CanvasObject {
	if it.Phrase == nil {
		return wrapLabel(it.Text)
	}
	objs := []fyne.CanvasObject{boldLabel("Instead of"), wrapLabel(it.Phrase.InsteadOf), boldLabel("Try")}
	for _, t := range it.Phrase.Try {
		cp := widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), func() { p.copyText(it.ID, t, t, nil) })
		objs = append(objs, container.NewBorder(nil, nil, nil, cp, wrapLabel(t)))
	}
	if it.Phrase.Why != "" {
		objs = append(objs, boldLabel("Why"), wrapLabel(it.Phrase.Why))
	}
	return container.NewVBox(objs...)
}

// checklistBody lists the steps under their headings; a step with a link
// is shown from its markdown, so the link opens what it names.
func (p *poise) checklistBody(it *kb.Item) fyne.CanvasObject {
	objs := []fyne.CanvasObject{}
	var lines []string
	flush := func() {
		if len(lines) > 0 {
			objs = append(objs, wrapLabel(strings.Join(lines, "\n")))
			lines = nil
		}
	}
	group := ""
	for _, s := range it.Steps {
		if s.Group != group && s.Group != "" {
			flush()
			objs = append(objs, boldLabel(s.Group))
		}
		group = s.Group
		if strings.Contains(s.Markdown, "](") {
			flush()
			objs = append(objs, p.markdown(it, "☐ "+s.Markdown))
			continue
		}
		lines = append(lines, "☐ "+s.Text)
	}
	flush()
	return container.NewVBox(objs...)
}

// guideBody renders a guide with its sections, or one section.
func (p *poise) guideBody(it *kb.Item) fyne.CanvasObject {
	if it.Parent != "" {
		return p.markdown(it, it.Body)
	}
	return p.markdown(it, introOf(it.Body))
}

// introOf is a guide's markdown before its first section.
func introOf(md string) string {
	if strings.HasPrefix(md, "## ") {
		return ""
	}
	if i := strings.Index(md, "\n## "); i >= 0 {
		return md[:i]
	}
	return md
}

func wrapLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func lowLabel(s string) *widget.Label {
	l := wrapLabel(s)
	secondary(l)
	return l
}

func boldLabel(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// secondary styles a label as supporting text: smaller, but in the normal
// colour, since the theme's low-importance grey is hard to read in light mode.
func secondary(l *widget.Label) {
	l.SizeName = theme.SizeNameCaptionText
}

// loadingView stands in for a result's item while the packs load behind
// a Find screen that already answers from the index (a library of
// thousands of notes takes seconds): what the index holds of it, and
// that the rest comes by itself, rather than an empty preview.
func (p *poise) loadingView(h search.Hit) fyne.CanvasObject {
	title := widget.NewRichText(&widget.TextSegment{Text: h.Title, Style: widget.RichTextStyleSubHeading})
	title.Wrapping = fyne.TextWrapWord
	pack := p.packName(h.Pack)
	if h.PackName != "" && h.Pack != kb.BuiltinID && !p.hasPack(h.Pack) {
		pack = h.PackName // the library has not loaded it yet: the index knows it
	}
	meta := widget.NewLabel(kindName(h.Kind) + " · " + pack)
	secondary(meta)
	meta.Wrapping = fyne.TextWrapWord
	objs := []fyne.CanvasObject{title, meta}
	if h.Snippet != "" {
		objs = append(objs, wrapLabel(h.Snippet))
	}
	wait := wrapLabel("Your packs are still loading. The full text shows here by itself once they have, and Copy works then.")
	secondary(wait)
	bar := widget.NewProgressBarInfinite()
	return container.NewVBox(append(objs, widget.NewSeparator(), wait, bar)...)
}
