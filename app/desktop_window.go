package app

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"

	"github.com/poisehq/poise/internal/desktopx"
)

// keyQuickFindAnywhere brings up the quick-find panel from any
// application, where the desktop lets Poise listen for it.
var keyQuickFindAnywhere = desktopx.Key{Ctrl: true, Alt: true, Name: "k"}

// x11Window is the X11 id of w, 0 when w is not an X11 window (or not
// shown yet). Fyne has no "always on top"; its native handle lets Poise
// ask the window manager itself.
func x11Window(w fyne.Window) uintptr {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return 0
	}
	var id uintptr
	nw.RunNative(func(ctx any) {
		if x, ok := ctx.(driver.X11WindowContext); ok {
			id = x.WindowHandle
		}
	})
	return id
}

// applyAlwaysOnTop asks the desktop to keep the window above others, or
// not, as Settings say; it returns what to tell the person when it cannot.
func (p *poise) applyAlwaysOnTop() string {
	id := x11Window(p.win)
	if id == 0 {
		if p.settings.AlwaysOnTop {
			return "This desktop does not let Poise keep its window on top (it works on X11 desktops). Your window manager may offer it on the window's menu."
		}
		return ""
	}
	if err := desktopx.SetAbove(id, p.settings.AlwaysOnTop); err != nil {
		p.logf("poise: always on top: %v", err)
		return "The window could not be kept on top. Your window manager may offer it on the window's menu."
	}
	return ""
}

// applyQuickFindAnywhere starts or stops listening for the system-wide
// key, as Settings say; it returns what to tell the person when it cannot.
func (p *poise) applyQuickFindAnywhere() string {
	if p.hotkey != nil {
		p.hotkey.Close()
		p.hotkey = nil
	}
	if !p.settings.QuickFindAnywhere {
		return ""
	}
	h, err := desktopx.ListenKey(keyQuickFindAnywhere, func() { p.do(p.showQuickPanel) })
	switch {
	case err == nil:
		p.hotkey = h
		return ""
	case errors.Is(err, desktopx.ErrKeyTaken):
		return keyQuickFindAnywhere.String() + " is already used by another program, so it cannot bring up Poise. Use the tray menu's Quick find."
	case errors.Is(err, desktopx.ErrUnsupported):
		return "This desktop does not let Poise listen for a key in other programs (it works on X11 desktops). Use the tray menu's Quick find."
	default:
		p.logf("poise: system-wide key: %v", err)
		return "Poise could not listen for " + keyQuickFindAnywhere.String() + ". Use the tray menu's Quick find."
	}
}

// startDesktop applies the window settings once the window is up.
func (p *poise) startDesktop() {
	p.desktopNote = joinNotes(p.applyQuickFindAnywhere(), p.applyAlwaysOnTop())
}

func joinNotes(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

// setAbove keeps an X11 window above others.
func setAbove(id uintptr) error { return desktopx.SetAbove(id, true) }
