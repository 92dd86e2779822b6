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

func (p *poise) newFindScreen() fyne.CanvasObject {
	return comingSoon("Find", "Type a few words to find what to say. Search arrives with the knowledge base.")
}
func (p *poise) newGuidesScreen() fyne.CanvasObject {
	return comingSoon("Guides", "Browse the bundled guides by topic. Coming with the knowledge base.")
}
func (p *poise) newMatrixScreen() fyne.CanvasObject {
	return comingSoon("Matrix", "The solution matrix: a recommended option first, then alternatives.")
}
func (p *poise) newStatementsScreen() fyne.CanvasObject {
	return comingSoon("Statements", "Empathy statements by emotion, situation and channel.")
}
func (p *poise) newToneScreen() fyne.CanvasObject {
	return comingSoon("Tone check", "Paste a draft reply and see kinder ways to say it.")
}
func (p *poise) newJournalScreen() fyne.CanvasObject {
	return comingSoon("Journal", "Your private, encrypted journal of hard calls.")
}
func (p *poise) newSummaryScreen() fyne.CanvasObject {
	return comingSoon("Summary", "Monthly patterns from your journal: recurring triggers, what worked, trends.")
}
func (p *poise) newPacksScreen() fyne.CanvasObject {
	return comingSoon("Packs", "Install, update and remove your team's content packs.")
}
func (p *poise) newSettingsScreen() fyne.CanvasObject {
	return comingSoon("Settings", "Your name for templates, auto-lock time and theme.")
}
