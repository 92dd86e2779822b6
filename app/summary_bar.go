package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// summaryBarLayout lays out the Summary screen's toolbar: the month picker
// at the leading edge, then the trailing buttons (Month/Year, Review) at
// the trailing edge, on one row when they fit. In a narrow window (480 px)
// the one row needed 530 px, so the last trailing button (Review) moves to
// a second row, at the trailing edge, rather than run past the window.
type summaryBarLayout struct {
	rows int // as last laid out: MinSize's height follows it
}

func (l *summaryBarLayout) rowHeight(objects []fyne.CanvasObject) float32 {
	var h float32
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return h
}

// oneRowWidth is the width the toolbar needs on one row.
func oneRowWidth(objects []fyne.CanvasObject) float32 {
	var w float32
	for _, o := range objects {
		w += o.MinSize().Width
	}
	return w + float32(len(objects)-1)*theme.Padding()
}

// MinSize is as narrow as two rows allow, so the screen never makes a
// narrow window grow, and as tall as the rows last laid out.
func (l *summaryBarLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	if len(objects) == 0 {
		return fyne.Size{}
	}
	last := objects[len(objects)-1]
	first := oneRowWidth(objects[:len(objects)-1])
	rows := max(l.rows, 1)
	h := l.rowHeight(objects)
	return fyne.NewSize(max(first, last.MinSize().Width), float32(rows)*h+float32(rows-1)*theme.Padding())
}

func (l *summaryBarLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if len(objects) == 0 {
		return
	}
	h := l.rowHeight(objects)
	row := objects
	l.rows = 1
	if oneRowWidth(objects) > size.Width && len(objects) > 1 {
		row = objects[:len(objects)-1]
		l.rows = 2
		last := objects[len(objects)-1]
		w := last.MinSize().Width
		last.Resize(fyne.NewSize(w, h))
		last.Move(fyne.NewPos(size.Width-w, h+theme.Padding()))
	}
	// The first object at the leading edge, the others at the trailing.
	lead := row[0]
	lead.Resize(fyne.NewSize(lead.MinSize().Width, h))
	lead.Move(fyne.NewPos(0, 0))
	x := size.Width
	for i := len(row) - 1; i > 0; i-- {
		w := row[i].MinSize().Width
		x -= w
		row[i].Resize(fyne.NewSize(w, h))
		row[i].Move(fyne.NewPos(x, 0))
		x -= theme.Padding()
	}
}
