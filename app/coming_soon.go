package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// comingSoon stands in for a screen whose issue has not landed yet.
func comingSoon(title, what string) fyne.CanvasObject {
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := widget.NewLabel(what)
	body.Wrapping = fyne.TextWrapWord
	return container.NewVBox(head, body)
}
