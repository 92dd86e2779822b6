package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// lazy builds its content the first time it is shown, or asked for.
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

// content builds the screen if it has not been built yet.
func (l *lazy) content() fyne.CanvasObject {
	if l.build != nil {
		l.box.Objects = []fyne.CanvasObject{l.build()}
		l.build = nil
	}
	return l.box.Objects[0]
}

func (l *lazy) CreateRenderer() fyne.WidgetRenderer {
	l.content()
	return widget.NewSimpleRenderer(l.box)
}
