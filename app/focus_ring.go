package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// focusRing is an outline drawn around something that has the keyboard.
// Lists and trees Poise drives by arrow keys show one, since Fyne's own
// hover tint on the focused row is too faint to find at a glance.
type focusRing struct {
	rect *canvas.Rectangle
	// color is the ring's; primary when unset.
	color fyne.ThemeColorName
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
		name := r.color
		if name == "" {
			name = theme.ColorNamePrimary
		}
		r.rect.StrokeColor = theme.Color(name)
		r.rect.Show()
	} else {
		r.rect.Hide()
	}
	r.rect.Refresh()
}

func (r *focusRing) visible() bool { return r.rect.Visible() }

// ringButton is a button that shows a focus ring while it has the keyboard:
// Fyne's focus tint on a high-importance button does not show at all, so
// an agent tabbing to Restore could not tell it had the keyboard.
type ringButton struct {
	widget.Button
	ring *focusRing
}

// newRingButton makes a ringButton and the container to place, which draws
// the ring around it in the foreground colour (a primary ring vanishes
// around a primary button).
func newRingButton(label string, icon fyne.Resource, tapped func()) (*ringButton, fyne.CanvasObject) {
	b := &ringButton{ring: newFocusRing()}
	b.ring.color = theme.ColorNameForeground
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b, b.ring.around(b)
}

func (b *ringButton) FocusGained() {
	b.Button.FocusGained()
	b.ring.show(true)
}

func (b *ringButton) FocusLost() {
	b.Button.FocusLost()
	b.ring.show(false)
}
