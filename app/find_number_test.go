package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// visibleLabels are the texts of the labels shown inside o, skipping
// what sits in a hidden container.
func visibleLabels(o fyne.CanvasObject) map[string]bool {
	out := map[string]bool{}
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch x := o.(type) {
		case *widget.Label:
			out[x.Text] = true
		case *fyne.Container:
			for _, k := range x.Objects {
				walk(k)
			}
		case fyne.Widget:
			for _, k := range test.WidgetRenderer(x).Objects() {
				walk(k)
			}
		}
	}
	walk(o)
	return out
}

func altDigit(n string) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: fyne.KeyName(n), Modifier: fyne.KeyModifierAlt}
}

// TestFindNumberKeysCopyAnOption guards issue 16: in Find a matrix concern
// lists its options numbered with their When lines, and Alt+number copies
// that option while the agent is still in the search field.
func TestFindNumberKeysCopyAnOption(t *testing.T) {
	p, f := findReady(t)
	typeQuery(t, f, "late delivery")
	it, _ := p.item("builtin/matrix/late-delivery")
	if len(f.hits) == 0 || f.hits[0].ID != it.ID {
		t.Fatalf("want the late-delivery concern first, got %v", hitIDs(f))
	}
	pump(t, p, func() bool { return f.preview.id == it.ID })
	shown := visibleLabels(f.preview)
	for _, want := range []string{
		"1 · Send a replacement by express", "When: The parcel is lost.",
		"2 · Refund the delivery charge", "When: They still want the parcel.",
		"3 · Trace the parcel and call back", "When: Tracking stopped.",
	} {
		if !shown[want] {
			t.Errorf("preview does not show %q", want)
		}
	}

	f.entry.TypedShortcut(altDigit("2"))
	if got := p.app.Clipboard().Content(); got != it.Options[1].Say {
		t.Errorf("Alt+2 copied %q, want option 2 %q", got, it.Options[1].Say)
	}
	if want := "Copied: " + it.Options[1].Title; p.status.Text != want {
		t.Errorf("confirmation = %q, want %q", p.status.Text, want)
	}
	if f.entry.Text != "late delivery" {
		t.Errorf("the query changed to %q", f.entry.Text)
	}

	p.app.Clipboard().SetContent("")
	f.entry.TypedShortcut(altDigit("7")) // there is no seventh option
	if got := p.app.Clipboard().Content(); got != "" {
		t.Errorf("Alt+7 copied %q, want nothing", got)
	}
}

// TestFindNumberKeyGoesThroughTheForm: an option with a placeholder asks
// for it before copying, as Enter does.
func TestFindNumberKeyGoesThroughTheForm(t *testing.T) {
	p := newTestPoise(t, fixtureLibrary())
	it, _ := p.item("builtin/matrix/late-delivery")
	it.Options[2].Say = "I'll call you back today, {{customer_name}}."
	f := p.show(screenFind).(*findScreen)
	ch := waitApplied(f)
	startSearch(t, p)
	wait(t, p, ch, "")
	typeQuery(t, f, "late delivery")

	f.entry.TypedShortcut(altDigit("3"))
	c := p.win.Canvas()
	if c.Overlays().Top() == nil {
		t.Fatal("Alt+3 on an option with a placeholder did not ask for it")
	}
	test.Type(c.Focused(), "Ana")
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got, want := p.app.Clipboard().Content(), "I'll call you back today, Ana."; got != want {
		t.Errorf("clipboard = %q, want %q", got, want)
	}
}
