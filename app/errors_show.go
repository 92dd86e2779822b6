package app

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb"
)

// showError is the one way an error reaches a person: the full chain goes to
// the log for whoever debugs it, the window shows what to do about it.
func (p *poise) showError(err error, whatToDo string) {
	p.logf("poise: %s: %v", whatToDo, err)
	dialog.ShowInformation("Something went wrong", whatToDo, p.win)
}

// notify is showError for problems that must not interrupt a call: a
// banner above the screens that the person closes when they like.
func (p *poise) notify(err error, whatToDo string) {
	if err != nil {
		p.logf("poise: %s: %v", whatToDo, err)
	}
	msg := widget.NewLabel(whatToDo)
	msg.Wrapping = fyne.TextWrapWord
	var banner *fyne.Container
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
		p.notices.Remove(banner)
	})
	closeBtn.Importance = widget.LowImportance
	banner = container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), closeBtn, msg)
	p.notices.Add(banner)
}

// notifyPackProblems says which packs loaded only in part, and how to see
// why, without stopping the agent from using what did load.
func (p *poise) notifyPackProblems(err error) {
	var pe *kb.ProblemsError
	n := 0
	if errors.As(err, &pe) {
		n = len(pe.Problems)
	}
	msg := "A content pack could not be fully loaded; Poise uses what did load. Run \"poise pack lint\" on the pack to see what to fix."
	if n > 0 {
		msg = packProblemsMessage(pe.Problems)
	}
	p.notify(err, msg)
}

// toast shows a short confirmation in the status line, then clears it.
func (p *poise) toast(msg string) {
	p.toastID++
	id := p.toastID
	p.status.SetText(msg)
	time.AfterFunc(2500*time.Millisecond, func() {
		p.do(func() {
			if p.toastID == id {
				p.status.SetText("")
			}
		})
	})
}
