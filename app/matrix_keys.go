package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// concernTree is the Matrix screen's list of concerns, driven from the
// keyboard: Up and Down move from concern to concern (showing each), Enter
// copies the option to offer first, a digit copies that option and A shows
// what the alternatives say.
type concernTree struct {
	widget.Tree
	m    *matrixScreen
	ring *focusRing
}

func (t *concernTree) FocusGained() { t.ring.show(true) }
func (t *concernTree) FocusLost()   { t.ring.show(false) }

// TypedKey moves by concern: the selection is what the view shows, so
// the keyboard and the view never point at different rows.
func (t *concernTree) TypedKey(e *fyne.KeyEvent) {
	m := t.m
	switch e.Name {
	case fyne.KeyDown:
		m.move(1)
	case fyne.KeyUp:
		m.move(-1)
	case fyne.KeyPageDown:
		m.move(8)
	case fyne.KeyPageUp:
		m.move(-8)
	case fyne.KeyHome:
		m.move(-len(m.order))
	case fyne.KeyEnd:
		m.move(len(m.order))
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		if it, ok := m.p.item(m.current); ok {
			m.p.copyOptionNumber(it, 1)
		}
	}
}

func (t *concernTree) TypedRune(r rune) {
	m := t.m
	switch {
	case r == 'a' || r == 'A':
		if m.toggle != nil {
			m.toggle()
		}
	case digitKey(fyne.KeyName(string(r))) > 0:
		if it, ok := m.p.item(m.current); ok {
			m.p.copyOptionNumber(it, digitKey(fyne.KeyName(string(r))))
		}
	}
}

// move selects the concern delta places from the one shown, in the
// tree's order, staying within the list.
func (m *matrixScreen) move(delta int) {
	if len(m.order) == 0 {
		return
	}
	i := 0
	for j, id := range m.order {
		if id == m.current {
			i = j + delta
		}
	}
	i = min(max(i, 0), len(m.order)-1)
	m.tree.Select(m.order[i])
	m.tree.ScrollTo(m.order[i])
}

// focusField gives the keyboard to the concern list when the screen shows.
func (m *matrixScreen) focusField() fyne.Focusable { return m.tree }
