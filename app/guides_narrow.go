package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// In a narrow window (agents keep Poise in a strip beside the ticket) the
// list of guides and the guide shown beside it were each too thin to read:
// at 480 px the list cut every title after ten letters, beside an empty
// pane. Below narrowWidth, as Find does, Guides shows one pane at a time:
// the list, or the guide picked, with a way back.

// Resize switches between one pane and two as the width crosses
// narrowWidth.
func (g *guidesScreen) Resize(size fyne.Size) {
	if narrow := size.Width < narrowWidth; narrow != g.narrow {
		g.narrow = narrow
		g.layoutPanes()
	}
	g.BaseWidget.Resize(size)
}

// layoutPanes shows the split, or in a narrow window the pane being read.
func (g *guidesScreen) layoutPanes() {
	var o fyne.CanvasObject = g.split
	switch {
	case !g.narrow:
		g.split.Leading, g.split.Trailing = g.tree, g.view
		g.split.Refresh()
	case g.reading:
		o = container.NewBorder(container.NewHBox(g.back), nil, nil, nil, g.view)
	default:
		o = g.tree
	}
	g.content.Objects = []fyne.CanvasObject{o}
	g.content.Refresh()
}

// read shows the guide picked in place of the list, in a narrow window,
// with the focus on the way back (the guide itself takes no keys but its
// links' and copy buttons', which Tab reaches from there).
func (g *guidesScreen) read() {
	if g.reading {
		return
	}
	g.reading = true
	if g.narrow {
		g.layoutPanes()
		g.focus(g.back)
	}
}

// closeGuide goes back from the guide to the list, in a narrow window. The
// guide is left unselected, so that Enter on it opens it again; the list
// keeps its place.
func (g *guidesScreen) closeGuide() bool {
	if !g.narrow || !g.reading {
		return false
	}
	g.reading = false
	if g.current != "" {
		g.tree.UnselectAll()
		g.tree.ScrollTo(g.current)
	}
	g.layoutPanes()
	g.focus(g.tree)
	return true
}

// focusField is what takes the keys when Guides is shown: the list, or the
// way back from the guide being read in a narrow window.
func (g *guidesScreen) focusField() fyne.Focusable {
	if g.narrow && g.reading {
		return g.back
	}
	return g.tree
}

func (g *guidesScreen) focus(f fyne.Focusable) {
	if g.p.shown && g.p.current == screenGuides {
		g.p.win.Canvas().Focus(f)
	}
}
