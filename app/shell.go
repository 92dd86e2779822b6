package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
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
		{"Find", theme.SearchIcon(), p.newFindScreen},
		{"Guides", theme.DocumentIcon(), p.newGuidesScreen},
		{"Matrix", theme.GridIcon(), p.newMatrixScreen},
		{"Statements", theme.AccountIcon(), p.newStatementsScreen},
		{"Tone check", theme.ConfirmIcon(), p.newToneScreen},
		{"Journal", theme.DocumentCreateIcon(), p.newJournalScreen},
		{"Summary", theme.HistoryIcon(), p.newSummaryScreen},
		{"Packs", theme.StorageIcon(), p.newPacksScreen},
		{"Settings", theme.SettingsIcon(), p.newSettingsScreen},
	}
}

// buildShell lays the rail on the left and the current screen on the right.
func (p *poise) buildShell() fyne.CanvasObject {
	var tabs []*container.TabItem
	for _, s := range p.screens() {
		tabs = append(tabs, container.NewTabItemWithIcon(s.title, s.icon, newLazy(s.build)))
	}
	rail := container.NewAppTabs(tabs...)
	rail.SetTabLocation(container.TabLocationLeading)
	return rail
}
