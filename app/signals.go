package app

import (
	"os"
	"os/signal"
	"syscall"

	"fyne.io/fyne/v2"
)

// quitOnSignal closes the app cleanly on SIGINT or SIGTERM (a session
// logout, a service manager, the smoke test) so deferred saves and the data
// directory's unlock still run.
func quitOnSignal(a fyne.App) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ch
		fyne.Do(a.Quit)
	}()
}
