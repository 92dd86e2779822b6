package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// journalNarrow is the width below which the entry list sits above the
// form rather than beside it.
const journalNarrow = 800

// journalSplit is the entry list beside the form in a wide window and
// above it in a narrow one, so opening the journal never makes the window
// grow.
type journalSplit struct {
	widget.BaseWidget
	list, form fyne.CanvasObject
	box        *fyne.Container
	narrow     bool
}

func newJournalSplit(list, form fyne.CanvasObject) *journalSplit {
	s := &journalSplit{list: list, form: form, box: container.NewStack()}
	s.ExtendBaseWidget(s)
	s.arrange(false)
	return s
}

func (s *journalSplit) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(s.box)
}

func (s *journalSplit) Resize(size fyne.Size) {
	if narrow := size.Width < journalNarrow; narrow != s.narrow {
		s.arrange(narrow)
	}
	s.BaseWidget.Resize(size)
}

// arrange builds a fresh split each time: one split laying out what the
// other last laid out would leave the panes where the old one put them.
func (s *journalSplit) arrange(narrow bool) {
	s.narrow = narrow
	var split *container.Split
	if narrow {
		split = container.NewVSplit(s.list, s.form)
		split.Offset = 0.3
	} else {
		split = container.NewHSplit(s.list, s.form)
		split.Offset = 0.34
	}
	s.box.Objects = []fyne.CanvasObject{split}
	s.box.Refresh()
}

// MinSize is the wider pane's, as the panes may stack.
func (s *journalSplit) MinSize() fyne.Size {
	l, f := s.list.MinSize(), s.form.MinSize()
	return fyne.NewSize(max(l.Width, f.Width), l.Height+f.Height)
}
