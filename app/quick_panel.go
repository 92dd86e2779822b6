package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb/search"
)

// quickPanelLimit is how many results the panel lists: enough to pick
// from, few enough to take in at a glance.
const quickPanelLimit = 8

// quickPanel is a small window for finding and copying without the main
// window: the system-wide key brings it up over whatever the agent is
// typing in, Enter copies and hides it, so the agent is back in the reply
// box with the words on the clipboard. Esc hides it.
type quickPanel struct {
	p     *poise
	win   fyne.Window
	entry *shortcutEntry
	list  *widget.List
	hits  []search.Hit
	sel   int
	gen   int
	shown bool
	// applied, when set by tests, hears each result list shown.
	applied func(text string)
}

func (p *poise) newQuickPanel() *quickPanel {
	q := &quickPanel{p: p, win: p.app.NewWindow("Poise quick find")}
	q.entry = newShortcutEntry(nil) // the main window's keys are not this window's
	q.entry.SetPlaceHolder("Type a few words · ↑↓ choose · Enter copy · Esc hide")
	q.entry.OnChanged = func(text string) {
		if !capQuery(q.entry, text) {
			q.search()
		}
	}
	q.entry.OnSubmitted = func(string) { q.copySelected() }
	q.entry.onKey = func(k *fyne.KeyEvent) bool {
		switch k.Name {
		case fyne.KeyDown:
			q.move(1)
		case fyne.KeyUp:
			q.move(-1)
		case fyne.KeyEscape:
			q.hide()
		default:
			return false
		}
		return true
	}
	q.list = widget.NewList(
		func() int { return len(q.hits) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Result title")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(q.hits) {
				h := q.hits[i]
				o.(*widget.Label).SetText(kindName(h.Kind) + " · " + h.Title)
			}
		},
	)
	q.list.OnSelected = func(i widget.ListItemID) { q.sel = i }
	q.win.SetContent(container.NewBorder(q.entry, nil, nil, nil, q.list))
	q.win.Resize(fyne.NewSize(520, 360))
	q.win.SetCloseIntercept(q.hide)
	return q
}

// showQuickPanel brings up the panel with its field ready to type over.
func (p *poise) showQuickPanel() {
	if p.panel == nil {
		p.panel = p.newQuickPanel()
	}
	q := p.panel
	q.win.CenterOnScreen()
	q.win.Show()
	q.shown = true
	q.win.RequestFocus()
	q.win.Canvas().Focus(q.entry)
	q.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	if id := x11Window(q.win); id != 0 {
		_ = setAbove(id) // over the application the agent came from
	}
	q.search()
}

func (q *quickPanel) search() {
	q.gen++
	s := q.p.search
	if s == nil {
		return
	}
	gen, text := q.gen, q.entry.Text
	query := search.Query{Text: text, Limit: quickPanelLimit, Default: q.p.usage.Defaults(), Language: readerLanguage()}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		res, err := s.Search(ctx, query)
		cancel()
		q.p.do(func() {
			if gen != q.gen {
				return // the field has changed since
			}
			if err != nil {
				q.p.logf("poise: quick find %q: %v", text, err)
				return
			}
			q.hits, q.sel = res.Hits, -1
			q.list.UnselectAll()
			q.list.Refresh()
			if len(q.hits) > 0 {
				q.list.Select(0)
			}
			if q.applied != nil {
				q.applied(text)
			}
		})
	}()
}

func (q *quickPanel) hide() {
	q.shown = false
	q.win.Hide()
}

func (q *quickPanel) move(delta int) {
	if len(q.hits) == 0 {
		return
	}
	i := min(max(q.sel+delta, 0), len(q.hits)-1)
	q.list.Select(i)
	q.list.ScrollTo(i)
}

// copySelected copies the chosen result and hides the panel. One with
// placeholders to fill opens its form in the main window, as Find does.
func (q *quickPanel) copySelected() {
	if q.sel < 0 || q.sel >= len(q.hits) {
		return
	}
	it, ok := q.p.item(q.hits[q.sel].ID)
	if !ok {
		return
	}
	q.hide()
	f := newTemplateForm(q.p, it.ID, it.Text, it.Fields)
	if f.asks() {
		q.p.win.Show()
		q.p.win.RequestFocus()
	}
	q.p.copyItem(it)
}
