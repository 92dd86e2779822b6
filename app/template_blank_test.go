package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Enter with a field left blank never copies "[customer_name]" silently:
// the blanks are marked and the agent is asked.
func TestBlankPlaceholderAsksBeforeCopying(t *testing.T) {
	p, f := findReady(t)
	typeQuery(t, f, "hand-off supervisor")
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	c := p.win.Canvas()
	test.Type(c.Focused(), "Sam") // agent_name; customer_name and concern left blank
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})

	if got := p.app.Clipboard().Content(); got != "" {
		t.Fatalf("Enter with blanks copied %q without asking", got)
	}
	overlayButton(t, c, "Copy anyway") // fails the test when there is none
	if len(c.Overlays().List()) < 2 {
		t.Fatal("the confirmation should sit over the still-open form")
	}

	// Fill in: back to the form, on the first blank field, marked.
	test.Tap(overlayButton(t, c, "Fill in"))
	if e, ok := c.Focused().(*shortcutEntry); !ok || e.Text != "" {
		t.Fatalf("Fill in focused %T, want the blank customer name field", c.Focused())
	}
	if got := p.app.Clipboard().Content(); got != "" {
		t.Fatalf("Fill in copied %q", got)
	}
	test.Type(c.Focused(), "Ana")
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !strings.Contains(overlayTitle(c), "1 blank left") {
		t.Errorf("confirmation says %q, want 1 blank left", overlayTitle(c))
	}
	test.Tap(overlayButton(t, c, "Copy anyway"))
	want := "Hi, this is Sam. I have Ana about [concern], since Wednesday 25 November."
	if got := p.app.Clipboard().Content(); got != want {
		t.Errorf("Copy anyway copied %q, want %q", got, want)
	}
}

func TestBlanksAreMarkedAndCounted(t *testing.T) {
	p := newTestPoise(t, fixtureLibrary())
	it, _ := p.item("builtin/templates/hand-off")
	form := newTemplateForm(p, it.ID, it.Text, it.Fields)
	if form.head.Text != "Will copy (3 blanks left):" {
		t.Errorf("head = %q, want the blanks counted", form.head.Text)
	}
	if len(form.marked) != 0 {
		t.Errorf("blanks marked before any copy was tried: %v", form.marked)
	}
	form.submit() // no onSubmit: only marks, as a copy attempt would
	form.copyChecked(func() { t.Error("copied with blanks, without asking") }, nil)
	if !form.marked["customer_name"] || !form.marked["agent_name"] || !form.marked["concern"] {
		t.Errorf("blank fields marked: %v, want all three", form.marked)
	}
	test.Type(form.first, "Jo")
	if form.head.Text != "Will copy (2 blanks left):" {
		t.Errorf("head = %q after filling one field", form.head.Text)
	}
	if form.marked["agent_name"] || !form.marked["customer_name"] {
		t.Errorf("marks did not follow typing: %v", form.marked)
	}
}

// overlayTitle is the text of the top dialog's labels, joined.
func overlayTitle(c fyne.Canvas) string {
	var sb strings.Builder
	if top := c.Overlays().Top(); top != nil {
		for _, o := range test.LaidOutObjects(top) {
			switch o := o.(type) {
			case *widget.Label:
				sb.WriteString(o.Text + "\n")
			case *canvas.Text:
				sb.WriteString(o.Text + "\n")
			}
		}
	}
	return sb.String()
}

// TestFillInBySpaceTypesNoSpace: Space on "Fill in" hands the keyboard back
// to the blank field it was already on; the space that follows the key must
// not land there, or the copy starts " Ana, ...".
func TestFillInBySpaceTypesNoSpace(t *testing.T) {
	p, f := findReady(t)
	typeQuery(t, f, "hand-off supervisor")
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	c := p.win.Canvas()
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // all blank: asks
	fill := overlayButton(t, c, "Fill in")
	fill.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // taps it
	c.Focused().TypedRune(' ')                         // the character follows
	e, ok := c.Focused().(*shortcutEntry)
	if !ok {
		t.Fatalf("Fill in by Space focused %T, want the first blank field", c.Focused())
	}
	if e.Text != "" {
		t.Errorf("the blank field reads %q after Space on Fill in, want it empty", e.Text)
	}
}

// TestBlankConfirmationAnswersTheKeyboard: the "1 blank left" question
// starts with the keyboard on the safe answer, Fill in, and Esc answers it
// too; before, Esc and Enter did nothing and only the mouse or a blind Tab
// got the agent out.
func TestBlankConfirmationAnswersTheKeyboard(t *testing.T) {
	p, f := findReady(t)
	typeQuery(t, f, "hand-off supervisor")
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	c := p.win.Canvas()
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // all blank: asks
	if len(c.Overlays().List()) < 2 {
		t.Fatal("no confirmation over the form")
	}
	b, ok := c.Focused().(*escButton)
	if !ok || b.Text != "Fill in" {
		t.Fatalf("the keyboard is on %T, want the Fill in button", c.Focused())
	}
	b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(c.Overlays().List()) != 1 {
		t.Fatalf("Esc left %d overlays, want only the form", len(c.Overlays().List()))
	}
	if e, ok := c.Focused().(*shortcutEntry); !ok || e.Text != "" {
		t.Fatalf("Esc focused %T, want the first blank field", c.Focused())
	}
	if got := p.app.Clipboard().Content(); got != "" {
		t.Fatalf("Esc copied %q", got)
	}
}

// TestBlankConfirmationTakesEnter: Enter on the "1 blank left" question
// did nothing, so an agent who pressed Enter to copy and Enter again was
// stuck. Enter presses the focused answer, which starts on the safe one.
func TestBlankConfirmationTakesEnter(t *testing.T) {
	p, f := findReady(t)
	typeQuery(t, f, "hand-off supervisor")
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	c := p.win.Canvas()
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // all blank: asks
	if len(c.Overlays().List()) < 2 {
		t.Fatal("no confirmation over the form")
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(c.Overlays().List()) != 1 {
		t.Fatalf("Enter left %d overlays, want only the form (Fill in chosen)", len(c.Overlays().List()))
	}
	if got := p.app.Clipboard().Content(); got != "" {
		t.Fatalf("Enter on the safe answer copied %q", got)
	}
}
