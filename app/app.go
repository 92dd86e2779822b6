// Package app is Poise's desktop window: thin Fyne screens over kb and
// journal. Screens show and collect; every rule lives in kb or journal.
package app

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/internal/datadir"
)

// AppID matches FyneApp.toml, so preferences and the desktop file agree.
const AppID = "app.poise.desktop"

// Config is what cmd/poise passes in.
type Config struct {
	DataDir string
	Version string
}

// Run opens the window and returns when it closes.
func Run(cfg Config) error {
	a := fyneapp.NewWithID(AppID)
	dir, err := datadir.Open(cfg.DataDir)
	if errors.Is(err, datadir.ErrLocked) {
		showAlreadyRunning(a, cfg.DataDir)
		return err
	}
	if err != nil {
		return err
	}
	defer dir.Close()

	p := &poise{app: a, dir: dir, version: cfg.Version}
	p.win = a.NewWindow("Poise")
	p.win.SetContent(p.buildShell())
	p.win.Resize(fyne.NewSize(1100, 720))
	p.win.SetMaster()
	quitOnSignal(a)
	p.win.ShowAndRun()
	return nil
}

// poise is the running app: the window and what its screens share.
type poise struct {
	app     fyne.App
	win     fyne.Window
	dir     *datadir.Dir
	version string
}

// showAlreadyRunning tells the person why no second window opens, instead
// of two processes writing the same journal.
func showAlreadyRunning(a fyne.App, dataDir string) {
	w := a.NewWindow("Poise is already running")
	msg := widget.NewLabel(fmt.Sprintf(
		"Poise is already open with the data in %s.\nSwitch to that window, or close it and start Poise again.", dataDir))
	msg.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewBorder(nil, container.NewHBox(widget.NewButton("Close", a.Quit)), nil, nil, msg))
	w.Resize(fyne.NewSize(460, 160))
	w.ShowAndRun()
}
