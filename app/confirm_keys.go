package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// askSafeFirst asks a yes/no question the keyboard can answer, which
// dialog.NewConfirm cannot (it takes no key): the keyboard starts on the
// safe answer, Space presses the focused one, Tab moves between them, and
// Esc means the safe answer. answer gets true for the risky one.
func askSafeFirst(win fyne.Window, title, msg, safe, risky string, answer func(ok bool)) {
	var d dialog.Dialog
	pick := func(ok bool) {
		d.Hide()
		answer(ok)
	}
	keep := func() { pick(false) }
	no := newEscButton(safe, keep, keep)
	no.Icon = theme.CancelIcon()
	yes := newEscButton(risky, func() { pick(true) }, keep)
	yes.Icon, yes.Importance = theme.ConfirmIcon(), widget.HighImportance
	body := widget.NewLabel(msg)
	body.Alignment = fyne.TextAlignCenter
	d = dialog.NewCustomWithoutButtons(title, container.NewVBox(body, container.NewCenter(container.NewHBox(no, yes))), win)
	d.Show()
	win.Canvas().Focus(no)
}
