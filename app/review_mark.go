package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb"
)

// reviewMark is the preview's "due for review" line for an item past its
// review date (kb.DueForReview decides), or nil. It tells the agent to
// check the words before trusting them, and the owner what to fix.
func (p *poise) reviewMark(it *kb.Item) fyne.CanvasObject {
	f := p.lib.ItemFreshness(it, p.now())
	if !f.Due {
		return nil
	}
	l := widget.NewLabel("Due for review: last reviewed " + f.Reviewed.Format("2 January 2006") + ", to be checked every " + f.Every.String() + ".")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	return container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, l)
}
