package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// toneReady opens the tone check with draft typed in.
func toneReady(t *testing.T, draft string) (*poise, *toneScreen) {
	t.Helper()
	p := newTestPoise(t, fixtureLibrary())
	p.show(screenTone)
	test.Type(p.tone.draft, draft)
	return p, p.tone
}

// cardButton is the rewrite button starting with prefix in finding card i.
func cardButton(t *testing.T, s *toneScreen, i int, prefix string) *widget.Button {
	t.Helper()
	if i >= len(s.findings.Objects) {
		t.Fatalf("no finding card %d; %d shown", i, len(s.findings.Objects))
	}
	return buttonNamed(t, s.findings.Objects[i], prefix)
}

// richText is the text r shows; the zero-width spaces a wrapping snippet
// breaks at (breakableBetween) show as nothing.
func richText(r *widget.RichText) string {
	var sb strings.Builder
	for _, seg := range r.Segments {
		sb.WriteString(seg.Textual())
	}
	return strings.ReplaceAll(sb.String(), zeroWidthSpace, "")
}

// TestTonePreviewsThenApplies: a rewrite is the whole sentence, shown in
// the whole reply before anything changes, and applied only on Apply.
func TestTonePreviewsThenApplies(t *testing.T) {
	const draft = "Hi Sam, I can't do that. That's our policy.\n\nBest,\nAlex"
	p, s := toneReady(t, draft)
	if len(s.found) != 2 || len(s.findings.Objects) != 2 {
		t.Fatalf("findings = %+v, %d cards; want 2", s.found, len(s.findings.Objects))
	}
	if !strings.Contains(s.summary.Text, "2 phrases") {
		t.Errorf("summary = %q", s.summary.Text)
	}
	test.Tap(cardButton(t, s, 0, "Use: Hi Sam, what I can do is {{next_step}}."))
	want := "Hi Sam, what I can do is {{next_step}}. That's our policy.\n\nBest,\nAlex"
	if !s.previewBox.Visible() || richText(s.previewText) != want {
		t.Fatalf("preview = %q (shown %v), want %q", richText(s.previewText), s.previewBox.Visible(), want)
	}
	if s.draft.Text() != draft {
		t.Fatalf("previewing changed the draft to %q", s.draft.Text())
	}
	if !strings.Contains(s.previewBlanks.Text, "next_step") {
		t.Errorf("blanks note = %q, want it to name next_step", s.previewBlanks.Text)
	}
	test.Tap(buttonNamed(t, s.previewBox, "Apply"))
	if s.draft.Text() != want {
		t.Errorf("after Apply: %q, want %q", s.draft.Text(), want)
	}
	if len(s.found) != 1 || s.previewBox.Visible() {
		t.Errorf("after Apply: findings %+v, preview shown %v", s.found, s.previewBox.Visible())
	}
	if p.win.Canvas().Focused() != s.draft {
		t.Error("after Apply the keyboard is not back in the draft, so Ctrl+Z would not reach it")
	}

	// Cancel leaves the draft as it is.
	test.Tap(cardButton(t, s, 0, "Use:"))
	test.Tap(buttonNamed(t, s.previewBox, "Cancel"))
	if s.draft.Text() != want || s.previewBox.Visible() {
		t.Errorf("after Cancel: %q, preview shown %v", s.draft.Text(), s.previewBox.Visible())
	}
}

// TestToneUndo: Ctrl+Z in the draft takes back the last rewrite, byte for
// byte; after typing, Ctrl+Z is the editor's, and the Undo button still
// takes the rewrite back, keeping the typing.
func TestToneUndo(t *testing.T) {
	const draft = "I can't do that.  That's our policy!\n\n- Thanks"
	p, s := toneReady(t, draft)
	if !s.undoBtn.Disabled() {
		t.Error("Undo is enabled with nothing to undo")
	}
	test.Tap(cardButton(t, s, 0, "Use:"))
	test.Tap(buttonNamed(t, s.previewBox, "Apply"))
	test.Tap(cardButton(t, s, 0, "Use:"))
	test.Tap(buttonNamed(t, s.previewBox, "Apply"))
	if len(s.found) != 0 || s.undoBtn.Disabled() {
		t.Fatalf("after two rewrites: %q, findings %d", s.draft.Text(), len(s.found))
	}
	afterFirst := "What I can do is {{next_step}}.  That's our policy!\n\n- Thanks"
	s.draft.TypedShortcut(&fyne.ShortcutUndo{})
	if got := s.draft.Text(); got != afterFirst {
		t.Fatalf("first Ctrl+Z: %q, want %q", got, afterFirst)
	}
	s.draft.TypedShortcut(&fyne.ShortcutUndo{})
	if got := s.draft.Text(); got != draft {
		t.Fatalf("second Ctrl+Z: %q, want the draft byte for byte %q", got, draft)
	}
	if len(s.found) != 2 || !s.undoBtn.Disabled() {
		t.Errorf("after undoing all: %d findings, undo enabled %v", len(s.found), !s.undoBtn.Disabled())
	}

	// Typing after a rewrite: the Undo button keeps the typing.
	test.Tap(cardButton(t, s, 0, "Use:"))
	test.Tap(buttonNamed(t, s.previewBox, "Apply"))
	p.win.Canvas().Focus(s.draft)
	s.draft.CursorRow, s.draft.CursorColumn = 0, 0
	test.Type(s.draft, "Hello. ")
	test.Tap(s.undoBtn)
	if got := s.draft.Text(); got != "Hello. "+draft {
		t.Errorf("Undo after typing: %q, want %q", got, "Hello. "+draft)
	}
}

// TestToneCopyWarnsAboutOpenFindings: copying a reply with phrases still
// marked asks first; a clean reply copies at once, and a reply with
// placeholders goes through the fill-in form.
func TestToneCopyWarnsAboutOpenFindings(t *testing.T) {
	const draft = "I can't do that. That's our policy."
	p, s := toneReady(t, draft)
	c := p.win.Canvas()
	test.Tap(findButton(t, c, "Copy reply"))
	if got := p.app.Clipboard().Content(); got != "" {
		t.Fatalf("copied %q without asking", got)
	}
	if !strings.Contains(overlayTitle(c), "2 phrases may sound negative — copy anyway?") {
		t.Fatalf("dialog says %q", overlayTitle(c))
	}
	test.Tap(overlayButton(t, c, "Keep editing"))
	if got := p.app.Clipboard().Content(); got != "" || c.Focused() != s.draft {
		t.Fatalf("Keep editing copied %q / focus %T", got, c.Focused())
	}
	test.Tap(findButton(t, c, "Copy reply"))
	test.Tap(overlayButton(t, c, "Copy anyway"))
	if got := p.app.Clipboard().Content(); got != draft {
		t.Errorf("Copy anyway copied %q, want %q", got, draft)
	}

	// A clean reply with a placeholder left by a rewrite: no warning, the
	// form asks for it.
	p.app.Clipboard().SetContent("")
	s.draft.SetText("Thanks for waiting. The reason we do it this way is {{reason}}.")
	s.check()
	test.Tap(findButton(t, c, "Copy reply"))
	if strings.Contains(overlayTitle(c), "negative") {
		t.Fatal("a clean reply still warned")
	}
	if !strings.Contains(overlayTitle(c), "Fill in: your reply") {
		t.Fatalf("no fill-in form for {{reason}}; dialog says %q", overlayTitle(c))
	}
	test.Type(c.Focused(), "it protects your account")
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got, want := p.app.Clipboard().Content(), "Thanks for waiting. The reason we do it this way is it protects your account."; got != want {
		t.Errorf("copied %q, want %q", got, want)
	}
	if recent := p.usage.Recent(); len(recent) != 0 {
		t.Errorf("copying a typed reply recorded recents %q", recent)
	}
}

// TestToneDraftSurvivesALibraryReload: installing or editing a pack
// rebuilds the screen with the new chart, and the reply being written
// stays, with its undo.
func TestToneDraftSurvivesALibraryReload(t *testing.T) {
	const draft = "I can't do that. Thanks."
	p, s := toneReady(t, draft)
	test.Tap(cardButton(t, s, 0, "Use:"))
	test.Tap(buttonNamed(t, s.previewBox, "Apply"))
	rewritten := s.draft.Text()
	p.showLibrary(fixtureLibrary(), nil)
	if p.tone == s {
		t.Fatal("the screen was not rebuilt for the new library")
	}
	if got := p.tone.draft.Text(); got != rewritten {
		t.Fatalf("after a reload the draft is %q, want %q", got, rewritten)
	}
	p.tone.draft.TypedShortcut(&fyne.ShortcutUndo{})
	if got := p.tone.draft.Text(); got != draft {
		t.Errorf("Ctrl+Z after a reload: %q, want %q", got, draft)
	}
}

// TestToneCopyWarningAnswersTheKeyboard: the "Copy this reply?" question
// opens on Keep editing, and Esc means it, back in the draft, copying nothing.
func TestToneCopyWarningAnswersTheKeyboard(t *testing.T) {
	p, s := toneReady(t, "I can't do that. That's our policy.")
	c := p.win.Canvas()
	test.Tap(findButton(t, c, "Copy reply"))
	b, ok := c.Focused().(*escButton)
	if !ok || b.Text != "Keep editing" {
		t.Fatalf("the keyboard is on %T, want Keep editing", c.Focused())
	}
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Overlays().Top() != nil || c.Focused() != s.draft {
		t.Fatalf("Esc left a dialog open or focus on %T, want the draft", c.Focused())
	}
	if got := p.app.Clipboard().Content(); got != "" {
		t.Fatalf("Esc copied %q", got)
	}
}

// TestToneTabOrderAndAVisibleRail: Tab goes from the draft through its
// buttons to the rewrites, in reading order (it used to leave the screen
// for the rail between them), and when Tab does reach the rail, the rail
// shows that it has the keyboard.
func TestToneTabOrderAndAVisibleRail(t *testing.T) {
	p, s := toneReady(t, "That's our policy.")
	c := p.win.Canvas()
	c.Focus(s.draft)
	c.FocusNext() // Copy reply (Undo is disabled)
	c.FocusNext() // Clear
	c.FocusNext()
	first := cardButton(t, s, 0, "Use:")
	if c.Focused() != first {
		t.Fatalf("the third Tab from the draft went to %T, want the first rewrite", c.Focused())
	}
	for range 10 {
		if _, onRail := c.Focused().(*railList); onRail {
			break
		}
		c.FocusNext()
	}
	if c.Focused() != p.rail {
		t.Fatalf("Tab never reached the rail; it is on %T", c.Focused())
	}
	if !p.rail.ring.visible() {
		t.Error("the rail has the keyboard and shows no sign of it")
	}
	c.FocusNext()
	if p.rail.ring.visible() {
		t.Error("the rail still shows the keyboard after Tab left it")
	}
}
