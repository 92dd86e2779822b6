package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// shortcutEntry is an Entry that lets app-wide shortcuts through. Fyne hands
// a shortcut to the focused widget only, so a plain Entry would swallow
// Ctrl+K while the agent types; this one offers it to the app first.
type shortcutEntry struct {
	widget.Entry
	p *poise
	// onKey, if set, sees keys first (Up, Down, Enter, Esc on Find) and
	// returns true when it used them.
	onKey func(*fyne.KeyEvent) bool
	// onShortcut, if set, sees shortcuts after the app-wide ones.
	onShortcut func(fyne.Shortcut) bool
}

func newShortcutEntry(p *poise) *shortcutEntry {
	e := &shortcutEntry{p: p}
	e.ExtendBaseWidget(e)
	return e
}

func (e *shortcutEntry) TypedShortcut(s fyne.Shortcut) {
	if e.p != nil && e.p.handleShortcut(s) {
		return
	}
	if e.onShortcut != nil && e.onShortcut(s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

func (e *shortcutEntry) TypedKey(k *fyne.KeyEvent) {
	if e.onKey != nil && e.onKey(k) {
		return
	}
	e.Entry.TypedKey(k)
}
