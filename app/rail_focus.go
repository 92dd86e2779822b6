package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// railList is the rail of screens: a List that draws a focus ring while it
// has the keyboard. Fyne marks a list's focused row with the hover tint,
// which the selected row (the screen shown) hides, so Tab passed through
// the rail unseen.
type railList struct {
	widget.List
	ring *focusRing
}

func newRailList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *railList {
	r := &railList{ring: newFocusRing()}
	r.Length, r.CreateItem, r.UpdateItem = length, create, update
	r.ExtendBaseWidget(r)
	return r
}

func (r *railList) FocusGained() {
	r.List.FocusGained()
	r.ring.show(true)
}

func (r *railList) FocusLost() {
	r.List.FocusLost()
	r.ring.show(false)
}

// CreateRenderer draws the ring over the list, so the rail stays one
// object for the shell's layout (which shows it or the icon rail).
func (r *railList) CreateRenderer() fyne.WidgetRenderer {
	return &ringedRenderer{WidgetRenderer: r.List.CreateRenderer(), ring: r.ring}
}

type ringedRenderer struct {
	fyne.WidgetRenderer
	ring *focusRing
}

func (r *ringedRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.ring.rect.Move(fyne.NewPos(0, 0))
	r.ring.rect.Resize(size)
}

func (r *ringedRenderer) Objects() []fyne.CanvasObject {
	return append(r.WidgetRenderer.Objects(), r.ring.rect)
}
