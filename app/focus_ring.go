package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// focusRing is an outline drawn around something that has the keyboard.
// Lists and trees Poise drives by arrow keys show one, since Fyne's own
// hover tint on the focused row is too faint to find at a glance.
type focusRing struct {
	rect *canvas.Rectangle
}

func newFocusRing() *focusRing {
	r := canvas.NewRectangle(color.Transparent)
	r.StrokeWidth = 2
	r.CornerRadius = theme.SelectionRadiusSize()
	r.Hide()
	return &focusRing{rect: r}
}

// around stacks the ring over o.
func (r *focusRing) around(o fyne.CanvasObject) *fyne.Container {
	return container.NewStack(o, r.rect)
}

func (r *focusRing) show(on bool) {
	if on {
		r.rect.StrokeColor = theme.Color(theme.ColorNamePrimary)
		r.rect.Show()
	} else {
		r.rect.Hide()
	}
	r.rect.Refresh()
}

func (r *focusRing) visible() bool { return r.rect.Visible() }
