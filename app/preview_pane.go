package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// previewPane shows the selected result in full, with Copy, Open and a
// star to keep it on the empty Find screen. A link followed inside it shows
// the linked item here, and Back returns: what Copy and Enter copy is
// always the item on screen.
type previewPane struct {
	widget.BaseWidget
	p      *poise
	id     string
	copyFn func()
	// back holds the items left by following links, the last one on top;
	// empty while the preview shows the list's selection.
	back []string

	copyBtn, openBtn, starBtn, backBtn *widget.Button
	bar                                *fyne.Container
	body                               *container.Scroll
	empty                              fyne.CanvasObject
	stack                              *fyne.Container
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
	v.starBtn = widget.NewButtonWithIcon("Star", starIcon, func() {
		if it, ok := p.item(v.id); ok {
			p.toggleFavourite(it)
		}
	})
	v.backBtn = widget.NewButtonWithIcon("Back (Alt+Left)", theme.NavigateBackIcon(), func() { v.goBack() })
	v.backBtn.Hide()
	v.bar = container.NewHBox(v.backBtn, v.copyBtn, v.openBtn, v.starBtn)
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

// show renders the item with the given id, the list's selection: links
// followed before are forgotten.
func (v *previewPane) show(id string) {
	v.back = nil
	v.render(id)
}

// follow shows the item a link inside the preview points to, keeping the
// one shown now for Back.
func (v *previewPane) follow(id string) {
	if _, ok := v.p.item(id); !ok || id == v.id {
		return
	}
	if v.id != "" {
		v.back = append(v.back, v.id)
	}
	v.p.gapUsed() // a followed link is an item opened
	v.render(id)
}

// following reports whether the preview shows a followed link rather than
// the list's selection.
func (v *previewPane) following() bool { return len(v.back) > 0 }

// goBack returns to the item shown before the last followed link; false
// when there is none.
func (v *previewPane) goBack() bool {
	if len(v.back) == 0 {
		return false
	}
	id := v.back[len(v.back)-1]
	v.back = v.back[:len(v.back)-1]
	v.render(id)
	return true
}

// render shows the item with the given id.
func (v *previewPane) render(id string) {
	it, ok := v.p.item(id)
	if !ok {
		if h, found := v.p.loadingHit(id); found {
			v.showLoading(h)
			return
		}
		v.clear()
		return
	}
	v.id = id
	v.copyBtn.Enable()
	v.openBtn.Enable()
	v.starBtn.Enable()
	obj, copyFn := v.p.itemView(it)
	v.copyFn = copyFn
	copyLabel := "Copy (Enter)"
	// A concern listed as Recent copies the option used last time, as
	// Enter does, and the button names it so the preview does not mislead.
	if f := v.p.find; !v.following() && f != nil && f.recent[id] && it.Kind == kb.KindMatrix {
		if o, ok := v.p.recentOption(it); ok {
			v.copyFn = func() { v.p.copyOption(it, o) }
			copyLabel = "Copy " + shorten(o.Title, 40) + " (Enter)"
		}
	}
	if v.copyBtn.Text != copyLabel {
		v.copyBtn.SetText(copyLabel)
	}
	v.body.Content = obj
	v.body.ScrollToTop()
	v.body.Refresh()
	v.refreshStar()
	if v.following() {
		v.backBtn.Show()
	} else {
		v.backBtn.Hide()
	}
	v.stack.Objects = []fyne.CanvasObject{container.NewBorder(v.bar, nil, nil, nil, v.body)}
	v.stack.Refresh()
}

// showLoading shows what the index holds of a result whose item has not
// loaded yet (loadingView); Copy waits for the item.
func (v *previewPane) showLoading(h search.Hit) {
	v.id, v.copyFn = h.ID, nil
	v.copyBtn.Disable()
	v.openBtn.Disable()
	v.starBtn.Disable()
	v.body.Content = v.p.loadingView(h)
	v.body.ScrollToTop()
	v.body.Refresh()
	v.backBtn.Hide()
	v.stack.Objects = []fyne.CanvasObject{container.NewBorder(v.bar, nil, nil, nil, v.body)}
	v.stack.Refresh()
}

func (v *previewPane) clear() {
	v.id, v.copyFn, v.back = "", nil, nil
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
