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
	// freshFocus is true from taking the keyboard until the first key.
	freshFocus bool
	// onFocus, if set, runs when the field takes the keyboard.
	onFocus func()
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
	e.freshFocus = false
	if e.onKey != nil && e.onKey(k) {
		return
	}
	e.Entry.TypedKey(k)
}

// A Space that presses a button arrives in two parts: the key, which taps
// the button, and then the typed character, which Fyne hands to whatever
// has the keyboard by then. When the button moved the keyboard to this
// field, that space would land here; a space typed into the field always
// comes after the field saw its key go down, so a space without one, right
// after the field took the keyboard, is the button's and is dropped.

func (e *shortcutEntry) FocusGained() {
	e.freshFocus = true
	e.Entry.FocusGained()
	if e.onFocus != nil {
		e.onFocus()
	}
}

func (e *shortcutEntry) KeyDown(k *fyne.KeyEvent) {
	e.freshFocus = false
	e.Entry.KeyDown(k)
}

func (e *shortcutEntry) TypedRune(r rune) {
	fresh := e.freshFocus
	e.freshFocus = false
	if r == ' ' && fresh {
		return
	}
	e.Entry.TypedRune(r)
}

// SetText replaces the text and drops any selection of the old one. Fyne
// 2.7's SetText keeps the selection's anchor: after Ctrl+K selected the
// last question and Esc emptied the field, the first letter typed became a
// one-letter selection that the second letter replaced ("refund" arrived
// as "efund"). Right collapses a selection, as it does for a person.
func (e *shortcutEntry) SetText(text string) {
	if e.SelectedText() != "" {
		e.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	e.Entry.SetText(text)
}

// AcceptsTab is false, even for a multi-line field: Tab moves to the next
// field and Shift+Tab back, never a tab character into the text.
func (e *shortcutEntry) AcceptsTab() bool { return false }
