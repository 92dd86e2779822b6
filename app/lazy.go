package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// lazy builds its content the first time it is shown.
type lazy struct {
	widget.BaseWidget
	build func() fyne.CanvasObject
	box   *fyne.Container
}

func newLazy(build func() fyne.CanvasObject) *lazy {
	l := &lazy{build: build, box: container.NewStack()}
	l.ExtendBaseWidget(l)
	return l
}

func (l *lazy) CreateRenderer() fyne.WidgetRenderer {
	if l.build != nil {
		l.box.Objects = []fyne.CanvasObject{l.build()}
		l.build = nil
	}
	return widget.NewSimpleRenderer(l.box)
}
