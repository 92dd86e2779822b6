package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Screen titles, used to navigate between screens.
const (
	screenFind       = "Find"
	screenGuides     = "Guides"
	screenMatrix     = "Matrix"
	screenStatements = "Statements"
	screenTone       = "Tone check"
	screenJournal    = "Journal"
	screenSummary    = "Summary"
	screenPacks      = "Packs"
	screenSettings   = "Settings"
	screenGaps       = "Content gaps"
)

// screen is one destination of the navigation rail. build runs once, the
// first time the screen is shown, so start-up pays only for Find.
type screen struct {
	title string
	icon  fyne.Resource
	build func() fyne.CanvasObject
}

// screens lists the rail in order. Each screen lives in its own file.
func (p *poise) screens() []screen {
	return []screen{
		{screenFind, theme.SearchIcon(), p.newFindScreen},
		{screenGuides, theme.DocumentIcon(), p.newGuidesScreen},
		{screenMatrix, theme.GridIcon(), p.newMatrixScreen},
		{screenStatements, theme.AccountIcon(), p.newStatementsScreen},
		{screenTone, theme.ConfirmIcon(), p.newToneScreen},
		{screenJournal, theme.DocumentCreateIcon(), p.newJournalScreen},
		{screenSummary, theme.HistoryIcon(), p.newSummaryScreen},
		{screenPacks, theme.StorageIcon(), p.newPacksScreen},
		{screenSettings, theme.SettingsIcon(), p.newSettingsScreen},
		{screenGaps, theme.QuestionIcon(), p.newGapsScreen},
	}
}

// Keys shown to the person and bound app-wide. Ctrl is Cmd on macOS.
var (
	keyFind  = &desktop.CustomShortcut{KeyName: fyne.KeyK, Modifier: fyne.KeyModifierShortcutDefault}
	keyPause = &desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault}
	// keyNewCall is Ctrl+Shift+N, as Ctrl+N is the journal's new entry.
	keyNewCall = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
)

// keyLabel is how a shortcut is written on buttons and hints.
func keyLabel(s *desktop.CustomShortcut) string {
	mod := "Ctrl+"
	if s.Modifier&fyne.KeyModifierSuper != 0 {
		mod = "Cmd+"
	}
	if s.Modifier&fyne.KeyModifierShift != 0 {
		mod += "Shift+"
	}
	return mod + string(s.KeyName)
}

// buildShell lays the rail on the left, the current screen on the right,
// notices above it and the status line below. The rail is a compact list
// rather than AppTabs, whose tall tabs overflow into a menu at 800×600.
func (p *poise) buildShell() fyne.CanvasObject {
	list := p.screens()
	widest := "" // sizes the rail, so no title is cut
	for _, s := range list {
		p.views[s.title] = newLazy(s.build)
		if len(s.title) > len(widest) {
			widest = s.title
		}
	}
	p.body = container.NewStack()
	p.rail = newRailList( // rail_focus.go
		func() int { return len(list) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.SearchIcon()), widget.NewLabel(widest))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(list[i].icon)
			row.Objects[1].(*widget.Label).SetText(list[i].title)
		},
	)
	p.rail.OnSelected = func(i widget.ListItemID) { p.show(list[i].title) }
	p.railIcons = newRailList(
		func() int { return len(list) },
		func() fyne.CanvasObject { return widget.NewIcon(theme.SearchIcon()) },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Icon).SetResource(list[i].icon) },
	)
	p.railIcons.OnSelected = p.rail.OnSelected
	p.bindKeys()

	hint := widget.NewLabel(fmt.Sprintf("%s find · %s log · %s pause", keyLabel(keyFind), keyLabel(keyQuickLog), keyLabel(keyPause)))
	secondary(hint)
	p.status.Truncation = fyne.TextTruncateEllipsis
	statusBar := container.NewBorder(nil, nil, nil, hint, p.status)
	p.show(screenFind)
	main := container.New(railLayout{}, p.rail, p.railIcons, widget.NewSeparator(), p.body)
	return container.NewBorder(p.notices, statusBar, nil, nil, main)
}

// bindKeys registers the app-wide shortcuts on the canvas. Entries forward
// them too (see shortcutEntry), since a focused Entry swallows shortcuts.
func (p *poise) bindKeys() {
	add := func(s fyne.Shortcut, fn func()) {
		p.keys[s.ShortcutName()] = fn
		p.win.Canvas().AddShortcut(s, func(fyne.Shortcut) { fn() })
	}
	add(keyFind, p.quickFind)
	add(keyPause, p.startPause)
	add(keyNewCall, p.startNewCall)
	add(keyQuickLog, p.openQuickLog)
	add(keyMakeMine, p.makeShownMine) // mine_marks.go
	for i, s := range p.screens() {
		if i >= 9 {
			break
		}
		title := s.title
		add(&desktop.CustomShortcut{KeyName: fyne.KeyName(fmt.Sprint(i + 1)), Modifier: fyne.KeyModifierShortcutDefault}, func() { p.show(title) })
	}
}

// handleShortcut runs an app-wide shortcut; false when s is not one.
func (p *poise) handleShortcut(s fyne.Shortcut) bool {
	fn, ok := p.keys[s.ShortcutName()]
	if ok {
		fn()
	}
	return ok
}

// show switches to a screen, building it if needed, and returns it.
func (p *poise) show(title string) fyne.CanvasObject {
	l, ok := p.views[title]
	if !ok {
		return nil
	}
	obj := l.content()
	if p.current != title {
		p.current = title
		p.body.Objects = []fyne.CanvasObject{l}
		p.body.Refresh()
		for i, s := range p.screens() {
			if s.title == title {
				p.rail.Select(i)
				p.railIcons.Select(i)
			}
		}
		p.focusScreen(obj)
	}
	return obj
}

// quickFind brings the window forward on the Find screen with the search
// field focused and its text selected, ready to type over.
func (p *poise) quickFind() {
	p.win.Show()
	p.win.RequestFocus()
	p.show(screenFind)
	if p.find != nil {
		p.find.clearFilters() // a fresh question starts unfiltered
		p.find.focus()
	}
}

// focusTarget is a screen with a field that should have the keyboard when
// it is shown. Other screens take the focus away from the last one's field,
// so typing never lands in a field that is out of sight.
type focusTarget interface {
	focusField() fyne.Focusable
}

func (p *poise) focusScreen(obj fyne.CanvasObject) {
	if !p.shown {
		return
	}
	if obj == fyne.CanvasObject(p.find) {
		p.find.focus()
		return
	}
	if ft, ok := obj.(focusTarget); ok {
		if f := ft.focusField(); f != nil {
			p.win.Canvas().Focus(f)
			return
		}
	}
	p.win.Canvas().Unfocus()
}
