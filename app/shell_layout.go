package app

import "fyne.io/fyne/v2"

// narrowWindow is the window width below which the rail shows icons only,
// leaving the screen the room a narrow strip beside a ticket lacks.
const narrowWindow = 600

// railLayout lays out the rail (with words, or icons only when the window
// is narrow), a separator and the screen: objects are rail, icon rail,
// separator and body, in that order.
type railLayout struct{}

func (railLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	rail, icons, sep, body := objs[0], objs[1], objs[2], objs[3]
	show := rail
	if size.Width < narrowWindow {
		rail.Hide()
		icons.Show()
		show = icons
	} else {
		icons.Hide()
		rail.Show()
	}
	w := show.MinSize().Width
	show.Move(fyne.NewPos(0, 0))
	show.Resize(fyne.NewSize(w, size.Height))
	sw := sep.MinSize().Width
	sep.Move(fyne.NewPos(w, 0))
	sep.Resize(fyne.NewSize(sw, size.Height))
	body.Move(fyne.NewPos(w+sw, 0))
	body.Resize(fyne.NewSize(size.Width-w-sw, size.Height))
}

// MinSize is the icon rail beside the screen's own minimum, so the window
// can be made as narrow as the screen allows.
func (railLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	icons, sep, body := objs[1].MinSize(), objs[2].MinSize(), objs[3].MinSize()
	return fyne.NewSize(icons.Width+sep.Width+body.Width, max(icons.Height, body.Height))
}
