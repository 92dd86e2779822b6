package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// previewPane shows the selected result in full, with Copy, Open and a
// star to keep it on the empty Find screen.
type previewPane struct {
	widget.BaseWidget
	p      *poise
	id     string
	copyFn func()

	copyBtn, openBtn, starBtn *widget.Button
	bar                       *fyne.Container
	body                      *container.Scroll
	empty                     fyne.CanvasObject
	stack                     *fyne.Container
}

func newPreviewPane(p *poise) *previewPane {
	v := &previewPane{p: p}
	v.copyBtn = widget.NewButtonWithIcon("Copy (Enter)", theme.ContentCopyIcon(), func() {
		if v.copyFn != nil {
			v.copyFn()
		}
	})
	v.copyBtn.Importance = widget.HighImportance
	v.openBtn = widget.NewButtonWithIcon("Open", theme.NavigateNextIcon(), func() { p.open(v.id) })
	v.starBtn = widget.NewButtonWithIcon("Star", theme.ConfirmIcon(), func() {
		if it, ok := p.item(v.id); ok {
			p.toggleFavourite(it)
		}
	})
	v.bar = container.NewHBox(v.copyBtn, v.openBtn, v.starBtn)
	v.body = container.NewVScroll(widget.NewLabel(""))
	empty := wrapLabel("Pick a result to see it in full. Up and Down move through the list; Enter copies what to say.")
	secondary(empty)
	v.empty = container.NewPadded(empty)
	v.stack = container.NewStack(v.empty)
	v.ExtendBaseWidget(v)
	return v
}

func (v *previewPane) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(v.stack)
}

// show renders the item with the given id.
func (v *previewPane) show(id string) {
	it, ok := v.p.item(id)
	if !ok {
		v.clear()
		return
	}
	v.id = id
	obj, copyFn := v.p.itemView(it)
	v.copyFn = copyFn
	v.body.Content = obj
	v.body.ScrollToTop()
	v.body.Refresh()
	v.refreshStar()
	v.stack.Objects = []fyne.CanvasObject{container.NewBorder(v.bar, nil, nil, nil, v.body)}
	v.stack.Refresh()
}

func (v *previewPane) clear() {
	v.id, v.copyFn = "", nil
	v.stack.Objects = []fyne.CanvasObject{v.empty}
	v.stack.Refresh()
}

func (v *previewPane) refreshStar() {
	if v.id != "" && v.p.usage.IsFavourite(v.id) {
		v.starBtn.SetText("Unstar (Ctrl+D)")
	} else {
		v.starBtn.SetText("Star (Ctrl+D)")
	}
}
