package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb/tone"
)

// toneScreen checks a draft reply against the positive-language chart:
// phrases to avoid are marked, each with rewrites one click applies.
type toneScreen struct {
	widget.BaseWidget
	p       *poise
	checker *tone.Checker

	draft    *wrapEditor
	marked   *widget.RichText
	summary  *widget.Label
	findings *fyne.Container
	content  fyne.CanvasObject
	found    []tone.Finding
}

func (p *poise) newToneScreen() fyne.CanvasObject {
	s := &toneScreen{p: p, checker: tone.NewChecker(p.lib)}
	s.ExtendBaseWidget(s)
	p.tone = s
	// The journal's editor: a long pasted email stays quick to type in,
	// where Fyne's word-wrapped Entry re-wraps everything per keystroke.
	s.draft = newWrapEditor(p)
	s.draft.SetPlaceHolder("Paste or type your draft reply here. Phrases that can sound cold are marked below, with kinder ways to say them.")
	s.draft.SetMinRowsVisible(6)
	s.draft.onEdit = func(string) { s.check() }
	s.marked = widget.NewRichText()
	s.marked.Wrapping = fyne.TextWrapWord
	s.summary = lowLabel("")
	s.findings = container.NewVBox()
	copyBtn := widget.NewButtonWithIcon("Copy reply", theme.ContentCopyIcon(), func() {
		p.app.Clipboard().SetContent(s.draft.Text())
		p.toast("Copied your reply")
	})
	copyBtn.Importance = widget.HighImportance
	clearBtn := widget.NewButtonWithIcon("Clear", theme.ContentClearIcon(), func() {
		s.draft.SetText("")
		s.check()
	})
	top := container.NewVBox(s.draft, container.NewHBox(copyBtn, clearBtn), s.summary)
	s.content = container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewVBox(s.marked, s.findings)))
	s.check()
	return s
}

func (s *toneScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(s.content)
}

// check marks the draft again; the checker is a word trie, fast enough to
// run on every keystroke.
func (s *toneScreen) check() {
	text := s.draft.Text()
	s.found = s.checker.Check(text)
	switch n := len(s.found); {
	case text == "":
		s.summary.SetText("Nothing to check yet.")
	case n == 0:
		s.summary.SetText("No phrases to reconsider. It reads kindly.")
	case n == 1:
		s.summary.SetText("1 phrase to reconsider, marked below.")
	default:
		s.summary.SetText(fmt.Sprintf("%d phrases to reconsider, marked below.", n))
	}
	s.marked.Segments = s.markedSegments(text)
	s.marked.Refresh()
	objs := make([]fyne.CanvasObject, 0, len(s.found))
	for _, f := range s.found {
		objs = append(objs, s.findingCard(f))
	}
	s.findings.Objects = objs
	s.findings.Refresh()
}

// markedSegments is the draft with each finding in the warning colour.
func (s *toneScreen) markedSegments(text string) []widget.RichTextSegment {
	if len(s.found) == 0 {
		return nil
	}
	mark := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameError, TextStyle: fyne.TextStyle{Bold: true}}
	var segs []widget.RichTextSegment
	last := 0
	for _, f := range s.found {
		if f.Start < last || f.End > len(text) {
			continue
		}
		segs = append(segs, &widget.TextSegment{Text: text[last:f.Start], Style: widget.RichTextStyleInline})
		segs = append(segs, &widget.TextSegment{Text: text[f.Start:f.End], Style: mark})
		last = f.End
	}
	segs = append(segs, &widget.TextSegment{Text: text[last:], Style: widget.RichTextStyleParagraph})
	return segs
}

func (s *toneScreen) findingCard(f tone.Finding) fyne.CanvasObject {
	objs := []fyne.CanvasObject{boldLabel(fmt.Sprintf("Instead of “%s”", f.Matched))}
	if f.Why != "" {
		objs = append(objs, lowLabel(f.Why))
	}
	for _, try := range f.Try {
		b := widget.NewButton("Use: "+shorten(try, 70), func() { s.apply(f, try) })
		b.Alignment = widget.ButtonAlignLeading
		objs = append(objs, b)
	}
	return widget.NewCard("", "", container.NewVBox(objs...))
}

// apply rewrites one finding and checks the draft again.
func (s *toneScreen) apply(f tone.Finding, try string) {
	s.draft.SetText(tone.Apply(s.draft.Text(), f, try))
	s.check()
}

func (s *toneScreen) focusField() fyne.Focusable { return s.draft }
