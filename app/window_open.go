package app

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
)

// openWindow makes the main window. Fyne's desktop driver panics when it
// cannot open a display (DISPLAY unset, or its X server gone), which
// printed a Go stack trace to a person who started Poise over SSH or in a
// container. They get a sentence saying what to do instead.
func openWindow(a fyne.App) (w fyne.Window, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("could not open the Poise window (%s). Start Poise from a desktop session, "+
				"or use its commands in this terminal: poise search, poise journal, poise pack", displayProblem(r))
		}
	}()
	return a.NewWindow("Poise"), nil
}

// displayProblem names the display that failed, for the message above.
func displayProblem(panicValue any) string {
	if d := os.Getenv("DISPLAY"); d != "" {
		return fmt.Sprintf("no display answers at DISPLAY=%s", d)
	}
	if os.Getenv("WAYLAND_DISPLAY") == "" {
		return "no display: DISPLAY is not set"
	}
	// Poise opens its window through X11, on a Wayland desktop through
	// Xwayland, which sets DISPLAY; GLFW's panic here said only "The GLFW
	// library is not initialized".
	return "DISPLAY is not set, and Poise opens its window through X11: on a Wayland desktop, turn on Xwayland"
}
