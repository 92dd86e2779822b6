package app

import (
	"fyne.io/fyne/v2"
)

// The statement list is worked from the keyboard: the screen itself takes
// the keyboard when shown, Up and Down move an outlined cursor from
// statement to statement (scrolling it into view and paging in more), and
// Enter or Space copies the one outlined.

func (s *statementsScreen) FocusGained() {
	s.focused = true
	s.showCursor()
}

func (s *statementsScreen) FocusLost() {
	s.focused = false
	s.showCursor()
}

func (s *statementsScreen) TypedRune(rune) {}

func (s *statementsScreen) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyDown:
		s.moveCursor(1)
	case fyne.KeyUp:
		s.moveCursor(-1)
	case fyne.KeyPageDown:
		s.moveCursor(5)
	case fyne.KeyPageUp:
		s.moveCursor(-5)
	case fyne.KeyHome:
		s.moveCursor(-len(s.shown))
	case fyne.KeyEnd:
		s.moveCursor(len(s.shown))
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeySpace:
		if id, ok := s.cursorID(); ok {
			if it, ok := s.p.item(id); ok {
				s.p.copyItem(it)
			}
		}
	}
}

// focusField gives the keyboard to the list when the screen shows.
func (s *statementsScreen) focusField() fyne.Focusable { return s }

func (s *statementsScreen) cursorID() (string, bool) {
	if s.cursor < 0 || s.cursor >= len(s.shown) {
		return "", false
	}
	return s.shown[s.cursor], true
}

// moveCursor moves the outline delta statements, within the list.
func (s *statementsScreen) moveCursor(delta int) {
	if len(s.shown) == 0 {
		return
	}
	s.cursor = min(max(s.cursor+delta, 0), len(s.shown)-1)
	if s.more != nil && s.cursor >= len(s.rows.Objects)-1 {
		s.limit(s.cursor + statementsPage) // page in what the cursor reached
	}
	s.showCursor()
	s.scrollToCursor()
}

// showCursor outlines the statement under the cursor while the list has
// the keyboard, and nothing else.
func (s *statementsScreen) showCursor() {
	id, ok := s.cursorID()
	for rid, r := range s.rings {
		on := ok && s.focused && rid == id
		if on != r.visible() {
			r.show(on)
		}
	}
}

// scrollToCursor brings the outlined statement into view.
func (s *statementsScreen) scrollToCursor() {
	id, ok := s.cursorID()
	if !ok {
		return
	}
	row, ok := s.rowOf[id]
	if !ok {
		return
	}
	y, h, view := row.Position().Y, row.Size().Height, s.view.Size().Height
	off := s.view.Offset.Y
	switch {
	case y < off:
		off = y
	case y+h > off+view:
		off = y + h - view
	default:
		return
	}
	s.view.Offset = fyne.NewPos(0, off)
	s.view.Refresh()
}
