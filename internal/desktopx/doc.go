// Package desktopx does for Poise's window what Fyne's API cannot on an
// X11 desktop (Linux and the BSDs): keep it above other windows, and listen
// for a system-wide key that brings up quick find. It speaks the X11
// protocol through github.com/jezek/xgb, so it needs no C library. Where
// there is no X11 display (Wayland without XWayland, macOS, Windows) every
// call returns ErrUnsupported, and Poise says so rather than pretend.
package desktopx

import "errors"

// ErrUnsupported means this desktop offers no way to do it from Poise.
var ErrUnsupported = errors.New("not supported on this desktop")

// ErrKeyTaken means another program already listens for that key.
var ErrKeyTaken = errors.New("the key is already taken by another program")

// Key is a system-wide key: a letter or "space" with modifiers.
type Key struct {
	Ctrl, Alt, Shift, Super bool
	Name                    string // "a"…"z", "0"…"9" or "space"
}

// String is how the key is written for a person, "Ctrl+Alt+K".
func (k Key) String() string {
	s := ""
	if k.Ctrl {
		s += "Ctrl+"
	}
	if k.Alt {
		s += "Alt+"
	}
	if k.Shift {
		s += "Shift+"
	}
	if k.Super {
		s += "Super+"
	}
	name := k.Name
	switch {
	case name == "space":
		name = "Space"
	case len(name) == 1 && name[0] >= 'a' && name[0] <= 'z':
		name = string(name[0] - 'a' + 'A')
	}
	return s + name
}

// keysym is the X11 keysym of the key's name; 0 when it has none.
func (k Key) keysym() uint32 {
	switch {
	case k.Name == "space":
		return 0x20
	case len(k.Name) == 1 && (k.Name[0] >= 'a' && k.Name[0] <= 'z' || k.Name[0] >= '0' && k.Name[0] <= '9'):
		return uint32(k.Name[0]) // Latin-1 keysyms are the letters' codes
	}
	return 0
}
