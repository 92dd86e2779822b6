package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// The journal form is long: Tab and Shift+Tab move through it, also out of
// the multi-line fields (shortcutEntry accepts no tab), and the form
// scrolls so the field with the keyboard is in view. Fyne says nothing
// when Tab moves the keyboard, so the fields say it themselves.

// reveal scrolls the form so o is in view.
func (s *journalScreen) reveal(o fyne.CanvasObject) {
	if s.form != nil && s.form.scroll != nil {
		scrollIntoView(s.form.scroll, o)
	}
}

// scrollIntoView scrolls sc the least that shows o, which lies inside it.
func scrollIntoView(sc *container.Scroll, o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(sc).Y + sc.Offset.Y
	h, view := o.Size().Height, sc.Size().Height
	off := sc.Offset.Y
	switch {
	case top < off:
		off = top
	case top+h > off+view:
		off = min(top, top+h-view) // a field taller than the view shows its top
	default:
		return
	}
	sc.Offset = fyne.NewPos(sc.Offset.X, max(off, 0))
	sc.Refresh()
}

// focusSelect is a Select that scrolls the form to itself when it takes
// the keyboard.
type focusSelect struct {
	widget.Select
	onFocus func()
}

func (s *journalScreen) selectField(opts []string, changed func(string)) *focusSelect {
	w := &focusSelect{}
	w.Options, w.OnChanged = opts, changed
	w.onFocus = func() { s.reveal(w) }
	w.ExtendBaseWidget(w)
	return w
}

func (w *focusSelect) FocusGained() {
	w.Select.FocusGained()
	w.onFocus()
}

// focusCheck is a Check that scrolls the form to itself when it takes the
// keyboard.
type focusCheck struct {
	widget.Check
	onFocus func()
}

func (s *journalScreen) checkField(label string, changed func(bool)) *focusCheck {
	w := &focusCheck{}
	w.Text, w.OnChanged = label, changed
	w.onFocus = func() { s.reveal(w) }
	w.ExtendBaseWidget(w)
	return w
}

func (w *focusCheck) FocusGained() {
	w.Check.FocusGained()
	w.onFocus()
}
