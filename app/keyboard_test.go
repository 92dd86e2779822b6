package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestMatrixScreenFromTheKeyboard guards issue 16: the concern list has
// the keyboard when the screen shows, with a visible ring; Up and Down
// move between concerns (past category headings), Enter copies the option
// to offer first, a digit copies that option and A shows the alternatives.
func TestMatrixScreenFromTheKeyboard(t *testing.T) {
	p, _ := findReady(t)
	m := p.show(screenMatrix).(*matrixScreen)
	c := p.win.Canvas()
	if c.Focused() != fyne.Focusable(m.tree) {
		t.Fatalf("the keyboard is on %T, want the concern list", c.Focused())
	}
	if !m.tree.ring.visible() {
		t.Error("the concern list has the keyboard but shows no focus ring")
	}
	first := m.current
	if first != m.order[0] {
		t.Fatalf("shows %q first, want %q", first, m.order[0])
	}
	m.tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if m.current != m.order[1] {
		t.Fatalf("Down shows %q, want the next concern %q (the heading between is skipped)", m.current, m.order[1])
	}
	m.tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if m.current != first {
		t.Fatalf("Up shows %q, want %q back", m.current, first)
	}
	it, _ := p.item(m.current)

	m.tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := p.app.Clipboard().Content(); got != it.Options[0].Say {
		t.Errorf("Enter copied %q, want the option to offer first %q", got, it.Options[0].Say)
	}
	m.tree.TypedRune('3')
	if got := p.app.Clipboard().Content(); got != it.Options[2].Say {
		t.Errorf("3 copied %q, want option 3 %q", got, it.Options[2].Say)
	}

	alts := findAltToggle(m.view.Content)
	if alts == nil {
		t.Fatal("no alternatives button")
	}
	say := it.Options[1].Say
	if visibleLabels(m.view)[say] {
		t.Fatalf("what the alternative says shows before asking")
	}
	m.tree.TypedRune('a')
	if !visibleLabels(m.view)[say] {
		t.Errorf("A did not show what the alternatives say")
	}

	c.Unfocus()
	if m.tree.ring.visible() {
		t.Error("the ring stays after the list lost the keyboard")
	}
}

// TestStatementsScreenFromTheKeyboard: the statement list takes the
// keyboard, Down moves an outlined cursor and Enter copies the outlined
// statement.
func TestStatementsScreenFromTheKeyboard(t *testing.T) {
	p, _ := findReady(t)
	s := p.show(screenStatements).(*statementsScreen)
	c := p.win.Canvas()
	if c.Focused() != fyne.Focusable(s) {
		t.Fatalf("the keyboard is on %T, want the statement list", c.Focused())
	}
	ringed := func() []string {
		var on []string
		for id, r := range s.rings {
			if r.visible() {
				on = append(on, id)
			}
		}
		return on
	}
	if got := ringed(); len(got) != 1 || got[0] != s.shown[0] {
		t.Fatalf("outlined %v, want only the first statement %q", got, s.shown[0])
	}
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if got := ringed(); len(got) != 1 || got[0] != s.shown[1] {
		t.Fatalf("after Down outlined %v, want only %q", got, s.shown[1])
	}
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	it, _ := p.item(s.shown[1])
	if got := p.app.Clipboard().Content(); got != it.Text {
		t.Errorf("Enter copied %q, want %q", got, it.Text)
	}
	c.Unfocus()
	if got := ringed(); len(got) != 0 {
		t.Errorf("outlined %v after the list lost the keyboard", got)
	}
}

// TestJournalTabMovesThroughTheForm: Tab leaves a multi-line field (no tab
// character), the form scrolls to the field with the keyboard, and Ctrl+N
// starts again at the top.
func TestJournalTabMovesThroughTheForm(t *testing.T) {
	p, s := journalPoise(t)
	setUpJournal(t, p, s)
	p.win.Resize(fyne.NewSize(1000, 480))
	f := s.form
	c := p.win.Canvas()
	c.Focus(f.what)
	test.Type(f.what, "Parcel late")
	if f.what.AcceptsTab() {
		t.Fatal("the multi-line field takes Tab, so Tab types a tab character instead of moving on")
	}
	c.FocusNext()
	if c.Focused() != fyne.Focusable(f.when) {
		t.Errorf("Tab from What happened went to %T, want When", c.Focused())
	}
	c.FocusPrevious()
	if c.Focused() != fyne.Focusable(f.what) {
		t.Errorf("Shift+Tab from When went to %T, want What happened", c.Focused())
	}
	if strings.Contains(f.what.Text(), "\t") {
		t.Errorf("a tab character reached the text: %q", f.what.Text())
	}

	c.Focus(f.takeaway) // far down the form
	top := fyne.CurrentApp().Driver().AbsolutePositionForObject(f.takeaway).Y - fyne.CurrentApp().Driver().AbsolutePositionForObject(f.scroll).Y
	if f.scroll.Offset.Y == 0 || top < 0 || top+f.takeaway.Size().Height > f.scroll.Size().Height {
		t.Errorf("the form did not scroll to Takeaway: offset %v, field at %v of %v", f.scroll.Offset.Y, top, f.scroll.Size().Height)
	}
	s.shortcut(keyJournalNew)
	if f.scroll.Offset.Y != 0 {
		t.Errorf("Ctrl+N left the form scrolled to %v, want the top", f.scroll.Offset.Y)
	}
	if c.Focused() != fyne.Focusable(f.what) {
		t.Errorf("Ctrl+N put the keyboard on %T, want What happened", c.Focused())
	}
}

// TestSpaceOnAButtonTypesNoSpace: Space taps a button in two steps, the key
// and then the character; when the button gives the keyboard to a field,
// the character must not land in it. A space typed in the field does.
func TestSpaceOnAButtonTypesNoSpace(t *testing.T) {
	p := newTestPoise(t, fixtureLibrary())
	c := p.win.Canvas()
	e := newShortcutEntry(p)
	b := widget.NewButton("New", func() { c.Focus(e) })
	p.win.SetContent(widget.NewForm(widget.NewFormItem("", b), widget.NewFormItem("", e)))
	c.Focus(b)
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // taps it
	c.Focused().TypedRune(' ')                      // the character follows
	if c.Focused() != fyne.Focusable(e) {
		t.Fatalf("the button did not move the keyboard to the field")
	}
	if e.Text != "" {
		t.Errorf("the field reads %q after Space on the button, want it empty", e.Text)
	}
	e.KeyDown(&fyne.KeyEvent{Name: fyne.KeySpace})
	e.TypedRune(' ')
	test.Type(e, "ok")
	if e.Text != " ok" {
		t.Errorf("typing in the field gives %q, want %q", e.Text, " ok")
	}
}
