package app

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// narrowWidth is the width below which Find shows one column: agents keep
// Poise in a narrow strip beside the ticket, where a list and a preview
// side by side would each be too thin to read.
const narrowWidth = 600

// newList makes a result list; narrow rows stack title and text.
func (f *findScreen) newList(narrow bool) *widget.List {
	l := widget.NewList(
		func() int { return len(f.hits) },
		func() fyne.CanvasObject { return newHitRow(narrow) },
		f.updateRow,
	)
	l.OnSelected = func(i widget.ListItemID) {
		if i == f.sel || i >= len(f.hits) {
			return
		}
		f.sel = i
		// Render the preview after the list has been updated, and only if
		// it is still the selection by then: a fast typist's intermediate
		// results never pay for a preview.
		id, gen := f.hits[i].ID, f.gen
		f.p.do(func() {
			if f.gen == gen && f.sel == i && i < len(f.hits) && f.hits[i].ID == id {
				f.showSelected()
			}
		})
	}
	return l
}

// Resize switches between one column and two as the width crosses
// narrowWidth.
func (f *findScreen) Resize(size fyne.Size) {
	if narrow := size.Width < narrowWidth; narrow != f.narrow {
		f.setNarrow(narrow)
	}
	f.BaseWidget.Resize(size)
}

// setNarrow shows one column (the list, or the full text on demand) or
// the list beside the preview, keeping the selection.
func (f *findScreen) setNarrow(narrow bool) {
	f.narrow, f.previewOpen = narrow, false
	if narrow {
		if f.narrowList == nil {
			f.narrowList = f.newList(true)
		}
		f.list = f.narrowList
		f.infoRow.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, nil, f.fullBtn, f.info)}
	} else {
		f.list = f.wideList
		f.infoRow.Objects = []fyne.CanvasObject{f.info}
	}
	f.infoRow.Refresh()
	f.layoutBody()
	f.list.UnselectAll()
	f.list.Refresh()
	if f.sel >= 0 && f.sel < len(f.hits) {
		f.list.Select(f.sel)
		f.list.ScrollTo(f.sel)
	}
}

func (f *findScreen) layoutBody() {
	var o fyne.CanvasObject
	switch {
	case !f.narrow:
		f.split.Leading, f.split.Trailing = f.wideList, f.preview
		f.split.Refresh()
		o = f.split
	case f.previewOpen:
		back := widget.NewButtonWithIcon("Results (←)", theme.NavigateBackIcon(), func() { f.closePreview() })
		back.Importance = widget.LowImportance
		o = container.NewBorder(container.NewHBox(back), nil, nil, nil, f.preview)
	default:
		o = f.narrowList
	}
	f.showFullButton()
	f.body.Objects = []fyne.CanvasObject{o}
	f.body.Refresh()
}

// showFullButton shows "Full text (→)" only where it opens something: in
// one column, over a list with results. While the index builds, or when
// nothing is found, it showed beside the message and did nothing.
func (f *findScreen) showFullButton() {
	if f.fullBtn == nil {
		return // a screen made without its widgets, in tests
	}
	if f.narrow && !f.previewOpen && len(f.hits) > 0 {
		f.fullBtn.Show()
	} else {
		f.fullBtn.Hide()
	}
}

// openPreview shows the selected result in full, in place of the list,
// in a narrow window.
func (f *findScreen) openPreview() {
	if !f.narrow || f.previewOpen || f.sel < 0 || f.sel >= len(f.hits) {
		return
	}
	f.previewOpen = true
	if f.preview.id != f.hits[f.sel].ID {
		f.showSelected()
	}
	f.layoutBody()
	f.focusEntry()
}

// closePreview returns to the list; false when it was not open.
func (f *findScreen) closePreview() bool {
	if !f.previewOpen {
		return false
	}
	f.previewOpen = false
	f.layoutBody()
	f.focusEntry()
	return true
}

func (f *findScreen) focusEntry() {
	if f.p.shown && f.p.current == screenFind {
		f.p.win.Canvas().Focus(f.entry)
	}
}

// narrowKey handles the keys that open and close the full text in one
// column: Right at the end of the query opens it, Left at its end or start
// (or Esc) closes it. find_more.go's group keys come first.
func (f *findScreen) narrowKey(k *fyne.KeyEvent) bool {
	if !f.narrow {
		return false
	}
	atEnd := f.entry.CursorColumn >= len([]rune(f.entry.Text))
	switch k.Name {
	case fyne.KeyRight:
		if atEnd && !f.previewOpen && f.sel >= 0 {
			f.openPreview()
			return true
		}
	case fyne.KeyLeft:
		if atEnd || f.entry.CursorColumn == 0 {
			return f.closePreview()
		}
	case fyne.KeyEscape:
		return f.closePreview()
	}
	return false
}

// maxQueryRunes bounds a query: a few words find everything, and a pasted
// page of text (10,000 letters drew the field as a black bar) is cut.
const maxQueryRunes = 200

// capQuery cuts e's text to maxQueryRunes; true when it had to, after
// which e's OnChanged has run again with the shorter text.
func capQuery(e *shortcutEntry, text string) bool {
	if utf8.RuneCountInString(text) <= maxQueryRunes {
		return false
	}
	e.SetText(string([]rune(text)[:maxQueryRunes]))
	return true
}
