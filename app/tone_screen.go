package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/internal/numtext"
	"github.com/poisehq/poise/kb/tone"
)

// toneScreen checks a draft reply against the positive-language chart:
// phrases to avoid are marked in the clause they sit in, and each offers
// rewrites of that clause, previewed in the whole reply before they are
// applied. kb/tone owns the rules (what a rewrite is, what undo restores);
// this screen only shows them.
type toneScreen struct {
	widget.BaseWidget
	p       *poise
	checker *tone.Checker
	history tone.History

	draft    *wrapEditor
	marked   *widget.RichText
	summary  *widget.Label
	findings *fyne.Container
	undoBtn  *widget.Button
	scroll   *container.Scroll
	content  fyne.CanvasObject
	found    []tone.Finding

	// The preview of one rewrite, shown above the findings until it is
	// applied or cancelled.
	previewBox    *fyne.Container
	previewText   *widget.RichText
	previewBlanks *widget.Label
	previewing    *tone.Rewrite
}

func (p *poise) newToneScreen() fyne.CanvasObject {
	s := &toneScreen{p: p, checker: tone.NewChecker(p.lib)}
	s.ExtendBaseWidget(s)
	// A new library (a pack installed or edited) rebuilds this screen;
	// the reply being written, and its undo, carry over to the new chart.
	prev := p.tone
	p.tone = s
	// The journal's editor: a long pasted email stays quick to type in,
	// where Fyne's word-wrapped Entry re-wraps everything per keystroke.
	s.draft = newWrapEditor(p)
	s.draft.SetPlaceHolder("Paste or type your draft reply here. Phrases that can sound cold are marked below, with kinder ways to say them.")
	s.draft.SetMinRowsVisible(6)
	s.draft.onEdit = func(string) { s.check() }
	s.draft.onShortcut = func(sc fyne.Shortcut) bool {
		if _, ok := sc.(*fyne.ShortcutUndo); ok {
			return s.undoIfUnchanged()
		}
		return false
	}
	s.marked = widget.NewRichText()
	s.marked.Wrapping = fyne.TextWrapWord
	s.summary = lowLabel("")
	s.findings = container.NewVBox()
	copyBtn := widget.NewButtonWithIcon("Copy reply", theme.ContentCopyIcon(), s.onCopy)
	copyBtn.Importance = widget.HighImportance
	s.undoBtn = widget.NewButtonWithIcon("Undo rewrite (Ctrl+Z)", theme.ContentUndoIcon(), func() { s.undo() })
	clearBtn := widget.NewButtonWithIcon("Clear", theme.ContentClearIcon(), func() {
		s.history.Reset()
		s.draft.SetText("")
		s.check()
	})
	s.buildPreview()
	top := container.NewVBox(s.draft, container.NewHBox(copyBtn, s.undoBtn, clearBtn), s.summary)
	s.scroll = container.NewVScroll(container.NewVBox(s.previewBox, s.marked, s.findings))
	// The draft and its buttons come first among the objects (NewBorder
	// puts the middle first), so Tab reaches the rewrites after them, not
	// by way of the rail.
	s.content = container.New(layout.NewBorderLayout(top, nil, nil, nil), top, s.scroll)
	if prev != nil {
		s.draft.SetText(prev.draft.Text())
		s.history = prev.history
	}
	s.check()
	return s
}

func (s *toneScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(s.content)
}

// buildPreview makes the panel that shows the reply as a rewrite would
// leave it.
func (s *toneScreen) buildPreview() {
	s.previewText = widget.NewRichText()
	s.previewText.Wrapping = fyne.TextWrapWord
	s.previewBlanks = lowLabel("")
	apply := widget.NewButtonWithIcon("Apply", theme.ConfirmIcon(), func() { s.applyPreview() })
	apply.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { s.closePreview() })
	s.previewBox = container.NewVBox(widget.NewCard("Your reply would read", "",
		container.NewVBox(s.previewText, s.previewBlanks, container.NewHBox(apply, cancel))))
	s.previewBox.Hide()
}

// check marks the draft again; the checker is a word trie, fast enough to
// run on every keystroke. A preview made from an older draft is dropped.
func (s *toneScreen) check() {
	text := s.draft.Text()
	s.found = s.checker.Check(text)
	switch n := len(s.found); {
	case text == "":
		s.summary.SetText("Nothing to check yet.")
	case n == 0:
		s.summary.SetText("No phrases to reconsider. It reads kindly.")
	default:
		s.summary.SetText(fmt.Sprintf("%s to reconsider, marked below. Choose a rewrite to preview it.", phrases(n)))
	}
	s.marked.Segments = s.markedSegments(text)
	s.marked.Refresh()
	objs := make([]fyne.CanvasObject, 0, len(s.found))
	for _, f := range s.found {
		objs = append(objs, s.findingCard(text, f))
	}
	s.findings.Objects = objs
	s.findings.Refresh()
	if s.previewing != nil {
		s.closePreview()
	}
	if s.history.Len() > 0 {
		s.undoBtn.Enable()
	} else {
		s.undoBtn.Disable()
	}
}

// phrases is "1 phrase" or "n phrases".
func phrases(n int) string {
	if n == 1 {
		return "1 phrase"
	}
	return numtext.Count(n) + " phrases"
}

// markedSegments is the draft with the clause of each finding in italics
// and its phrase in the warning colour.
func (s *toneScreen) markedSegments(text string) []widget.RichTextSegment {
	if len(s.found) == 0 {
		return nil
	}
	clause := widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Italic: true}}
	mark := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameError, TextStyle: fyne.TextStyle{Bold: true}}
	var segs []widget.RichTextSegment
	add := func(t string, st widget.RichTextStyle) {
		if t != "" {
			segs = append(segs, &widget.TextSegment{Text: t, Style: st})
		}
	}
	last := 0
	for _, f := range s.found {
		c := f.Clause
		if c.Start < last || c.Start > f.Start || f.End > c.End || c.End > len(text) {
			c = tone.Span{Start: f.Start, End: f.End}
		}
		if c.Start < last {
			continue
		}
		add(text[last:c.Start], widget.RichTextStyleInline)
		add(text[c.Start:f.Start], clause)
		add(text[f.Start:f.End], mark)
		add(text[f.End:c.End], clause)
		last = c.End
	}
	segs = append(segs, &widget.TextSegment{Text: text[last:], Style: widget.RichTextStyleParagraph})
	return segs
}

// findingCard shows one finding: the phrase, why it grates, and a button
// per rewrite that fits, which previews it.
func (s *toneScreen) findingCard(text string, f tone.Finding) fyne.CanvasObject {
	objs := []fyne.CanvasObject{boldLabel(fmt.Sprintf("Instead of “%s”", f.Matched))}
	if c := f.Clause.Text(text); c != "" && c != f.Matched {
		objs = append(objs, lowLabel("in “"+shorten(c, 90)+"”"))
	}
	if f.Why != "" {
		why := lowLabel(f.Why)
		why.Wrapping = fyne.TextWrapWord
		objs = append(objs, why)
	}
	rws := tone.Rewrites(text, f)
	if len(rws) == 0 {
		objs = append(objs, lowLabel("No rewrite fits here; reword it yourself."))
	}
	for _, rw := range rws {
		b := widget.NewButton(rewriteLabel(rw), func() { s.preview(rw) })
		b.Alignment = widget.ButtonAlignLeading
		objs = append(objs, b)
	}
	return widget.NewCard("", "", container.NewVBox(objs...))
}

// rewriteLabel says on a button what a rewrite does.
func rewriteLabel(rw tone.Rewrite) string {
	if rw.Try == tone.LeaveOut {
		return "Leave it out: " + shorten(rw.Text, 70)
	}
	return "Use: " + shorten(rw.Text, 75)
}

// preview shows the reply as rw would leave it, the rewritten part marked.
func (s *toneScreen) preview(rw tone.Rewrite) {
	cur := s.draft.Text()
	if rw.Start < 0 || rw.End > len(cur) || rw.Start > rw.End || cur[:rw.Start]+rw.Text+cur[rw.End:] != rw.Result {
		return // made from an older draft
	}
	s.previewing = &rw
	changed := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}
	end := rw.Start + len(rw.Text)
	s.previewText.Segments = []widget.RichTextSegment{
		&widget.TextSegment{Text: rw.Result[:rw.Start], Style: widget.RichTextStyleInline},
		&widget.TextSegment{Text: rw.Result[rw.Start:end], Style: changed},
		&widget.TextSegment{Text: rw.Result[end:], Style: widget.RichTextStyleParagraph},
	}
	s.previewText.Refresh()
	if len(rw.Blanks) > 0 {
		s.previewBlanks.SetText("You'll fill in " + strings.Join(rw.Blanks, ", ") + " when you copy the reply.")
		s.previewBlanks.Show()
	} else {
		s.previewBlanks.Hide()
	}
	s.previewBox.Show()
	s.scroll.ScrollToTop()
}

// applyPreview applies the rewrite being previewed; Ctrl+Z takes it back.
func (s *toneScreen) applyPreview() {
	if s.previewing == nil {
		return
	}
	rw := *s.previewing
	s.closePreview()
	s.apply(rw)
}

func (s *toneScreen) closePreview() {
	s.previewing = nil
	s.previewBox.Hide()
}

// apply rewrites the draft and checks it again.
func (s *toneScreen) apply(rw tone.Rewrite) {
	before := s.draft.Text()
	after := s.history.Apply(before, rw)
	if after == before {
		return
	}
	s.draft.SetText(after)
	s.check()
	s.p.win.Canvas().Focus(s.draft)
}

// undoIfUnchanged takes back the last rewrite when the draft is exactly as
// it left it. Otherwise Ctrl+Z is the editor's, undoing typing first.
func (s *toneScreen) undoIfUnchanged() bool {
	if s.history.Len() == 0 || !s.history.Unchanged(s.draft.Text()) {
		return false
	}
	return s.undo()
}

// undo takes back the last rewrite, keeping typing elsewhere.
func (s *toneScreen) undo() bool {
	text, ok := s.history.Undo(s.draft.Text())
	if !ok {
		s.check()
		return false
	}
	s.draft.SetText(text)
	s.check()
	s.p.toast("Rewrite undone")
	return true
}

// onCopy copies the reply, first asking when phrases are still marked, and
// then for its {{placeholders}} through the template form, so a blank is
// never pasted as braces.
func (s *toneScreen) onCopy() {
	text := s.draft.Text()
	if n := len(s.found); n > 0 {
		msg := fmt.Sprintf("%s may sound negative — copy anyway?", phrases(n))
		askSafeFirst(s.p.win, "Copy this reply?", msg, "Keep editing", "Copy anyway", func(ok bool) {
			if ok {
				s.copyNow(text)
				return
			}
			s.p.win.Canvas().Focus(s.draft)
		})
		return
	}
	s.copyNow(text)
}

func (s *toneScreen) copyNow(text string) {
	s.p.copyText("", "your reply", text, nil)
}

func (s *toneScreen) focusField() fyne.Focusable { return s.draft }
