package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestPacksTabScrollsTheFocusedButtonIntoView: in a short window the pack
// cards run below the fold; Tab into them scrolls the list so the button
// with the keyboard is seen, not left out of view.
func TestPacksTabScrollsTheFocusedButtonIntoView(t *testing.T) {
	p, s := newPacksPoise(t)
	p.win.Resize(fyne.NewSize(1000, 330))
	c := p.win.Canvas()
	c.Focus(s.address)
	d := fyne.CurrentApp().Driver()
	var buttons int
	for range 40 {
		c.FocusNext()
		b, ok := c.Focused().(fyne.CanvasObject)
		if !ok {
			continue
		}
		if _, isButton := c.Focused().(interface{ Tapped(*fyne.PointEvent) }); !isButton {
			continue
		}
		if !inside(s.scroll, b) {
			continue // a button above the list
		}
		buttons++
		top := d.AbsolutePositionForObject(b).Y
		view := d.AbsolutePositionForObject(s.scroll).Y
		if top < view || top+b.Size().Height > view+s.scroll.Size().Height {
			label := ""
			if w, ok := b.(*widget.Button); ok {
				label = w.Text
			}
			t.Fatalf("Tab focused %T %q at y %v, out of the list's view (%v to %v)", b, label, top, view, view+s.scroll.Size().Height)
		}
	}
	if buttons < 2 {
		t.Fatalf("Tab reached %d buttons in the list, want the pack's actions", buttons)
	}
}

// inside reports whether o is drawn within the container tree of root.
func inside(root, o fyne.CanvasObject) bool {
	if root == o {
		return true
	}
	switch r := root.(type) {
	case *fyne.Container:
		for _, c := range r.Objects {
			if inside(c, o) {
				return true
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(r).Objects() {
			if inside(c, o) {
				return true
			}
		}
	}
	return false
}
