package app

import (
	"os"
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// setupTray adds Poise to the system tray where the platform has one, so
// an agent can jump to Find from any application.
func (p *poise) setupTray() {
	desk, ok := p.app.(desktop.App)
	if !ok || !trayAvailable() {
		return
	}
	quit := fyne.NewMenuItem("Quit", p.app.Quit)
	quit.IsQuit = true
	desk.SetSystemTrayMenu(fyne.NewMenu("Poise",
		fyne.NewMenuItem("Quick find", p.showQuickPanel),
		fyne.NewMenuItem("Open Poise", p.quickFind),
		fyne.NewMenuItem("Quick log", func() { p.win.Show(); p.win.RequestFocus(); p.openQuickLog() }),
		fyne.NewMenuItem("New journal entry", p.startJournalEntry),
		fyne.NewMenuItemSeparator(),
		quit,
	))
}

// startJournalEntry opens the journal on a new entry, once the journal
// screen offers one; until then it shows the journal.
func (p *poise) startJournalEntry() {
	p.win.Show()
	p.win.RequestFocus()
	p.show(screenJournal)
	if p.newJournalEntry != nil {
		p.newJournalEntry()
	}
}

// trayAvailable is false on a Linux or BSD desktop without a D-Bus session:
// the tray library then fails, and crashes on quit (fyne.io/systray with a
// nil connection), so Poise runs without a tray there.
func trayAvailable() bool {
	switch runtime.GOOS {
	case "darwin", "windows":
		return true
	}
	return os.Getenv("DBUS_SESSION_BUS_ADDRESS") != ""
}
