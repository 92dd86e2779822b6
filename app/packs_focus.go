package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// revealButton is a button in the Packs screen's list (a pack's actions,
// My pack's) that scrolls the list to itself when it takes the keyboard:
// Tab otherwise went on into buttons scrolled out of view, and Fyne does
// not scroll to the focused object.
type revealButton struct {
	widget.Button
	p *poise
}

// listButton makes a button for the Packs screen's list; icon may be nil.
func (p *poise) listButton(label string, icon fyne.Resource, tapped func()) *revealButton {
	b := &revealButton{p: p}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

func (b *revealButton) FocusGained() {
	b.Button.FocusGained()
	if s := b.p.packsView; s != nil && s.scroll != nil {
		scrollIntoView(s.scroll, b) // journal_keys.go
	}
}
