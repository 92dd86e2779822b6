package app

import (
	"errors"
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/journal"
)

func (s *journalScreen) passwordEntry(placeholder string, submit func()) *shortcutEntry {
	e := s.entry()
	e.Password = true
	e.SetPlaceHolder(placeholder)
	e.OnSubmitted = func(string) { submit() }
	return e
}

func gateView(title, intro string, rows ...fyne.CanvasObject) fyne.CanvasObject {
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	text := widget.NewLabel(intro)
	text.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(append([]fyne.CanvasObject{head, text}, rows...)...)
	// A readable column near the top, not a field across a wide window.
	// The scroll keeps the wrapped text's first, tall measurement from
	// growing the window.
	width := canvas.NewRectangle(color.Transparent)
	width.SetMinSize(fyne.NewSize(400, 1)) // fits a 480 px window
	top := canvas.NewRectangle(color.Transparent)
	top.SetMinSize(fyne.NewSize(1, 60))
	col := container.NewHBox(layout.NewSpacer(), container.NewStack(width, box), layout.NewSpacer())
	return container.NewVScroll(container.NewVBox(top, col))
}

// setupView asks for a new passphrase, twice.
func (s *journalScreen) setupView() fyne.CanvasObject {
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = widget.DangerImportance
	var pass, again *shortcutEntry
	var btn *widget.Button
	submit := func() {
		switch {
		case journal.CheckNewPassphrase(pass.Text) != nil:
			msg.SetText(fmt.Sprintf("Choose a passphrase of at least %d characters; a few words you will remember work well.", journal.MinPassphraseLen))
			return
		case pass.Text != again.Text:
			msg.SetText("The two passphrases differ. Type the same one twice.")
			return
		}
		p := pass.Text
		btn.Disable()
		msg.SetText("Setting up…")
		go func() {
			rk, err := s.j.Init(p)
			s.p.do(func() {
				btn.Enable()
				if err != nil {
					msg.SetText("")
					s.p.showError(err, "The journal could not be set up. Check that the data folder is writable, then try again.")
					return
				}
				s.showRecoveryKey(rk)
			})
		}()
	}
	pass = s.passwordEntry("Passphrase", func() { s.p.win.Canvas().Focus(again) })
	again = s.passwordEntry("The same passphrase again", submit)
	btn = widget.NewButtonWithIcon("Set up my journal", theme.ConfirmIcon(), submit)
	btn.Importance = widget.HighImportance
	v := gateView("Set up your private journal",
		"After a hard call, write down what happened while it is fresh. Entries are encrypted on this computer with your passphrase: nobody else, not even Poise, can read them.",
		pass, again, btn, msg)
	s.focusLater(pass)
	return v
}

// showRecoveryKey shows the recovery key once, and opens the journal only
// after the person says they have kept it.
func (s *journalScreen) showRecoveryKey(key string) {
	// The whole key in view, wrapped, selectable but not editable: a
	// one-line field hid most of it and scrolled sideways.
	keyText := widget.NewMultiLineEntry()
	keyText.Wrapping = fyne.TextWrapBreak
	keyText.TextStyle = fyne.TextStyle{Monospace: true}
	keyText.SetText(key)
	keyText.SetMinRowsVisible(2)
	keyText.OnChanged = func(t string) {
		if t != key {
			keyText.SetText(key)
		}
	}
	copyBtn := widget.NewButtonWithIcon("Copy", theme.ContentCopyIcon(), func() {
		s.p.app.Clipboard().SetContent(key)
		s.p.toast(fmt.Sprintf("Recovery key copied: paste it into your password manager. Poise clears it from the clipboard in %d seconds.", int(recoveryClipboardFor.Seconds())))
		time.AfterFunc(recoveryClipboardFor, func() {
			s.p.do(func() {
				// Only if it is still there: never wipe what was copied since.
				if s.p.app.Clipboard().Content() == key {
					s.p.app.Clipboard().SetContent("")
				}
			})
		})
	})
	intro := widget.NewLabel("This is your recovery key. It is shown only now. If you forget your passphrase, it is the only way back into your journal. Keep it in a password manager or on paper, away from this computer.")
	intro.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	var done *widget.Button
	kept := widget.NewCheck("I have kept my recovery key somewhere safe", func(on bool) {
		if on {
			done.Enable()
		} else {
			done.Disable()
		}
	})
	done = widget.NewButton("Open my journal", func() {
		d.Hide()
		s.opened()
	})
	done.Importance = widget.HighImportance
	done.Disable()
	content := container.NewVBox(intro, container.NewBorder(nil, nil, nil, copyBtn, keyText), kept, done)
	d = dialog.NewCustomWithoutButtons("Your recovery key", content, s.p.win)
	d.Resize(fyne.NewSize(min(620, s.p.win.Canvas().Size().Width-40), 340))
	d.Show()
}

// recoveryClipboardFor is how long a copied recovery key stays on the
// clipboard, where any program can read it; tests shorten it.
var recoveryClipboardFor = 60 * time.Second

// unlockView asks for the passphrase.
func (s *journalScreen) unlockView() fyne.CanvasObject {
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	var pass *shortcutEntry
	var btn *widget.Button
	submit := func() {
		if s.unlocking || pass.Text == "" {
			return
		}
		s.unlocking = true
		p := pass.Text
		btn.Disable()
		msg.Importance = widget.MediumImportance
		msg.SetText("Unlocking…")
		go func() {
			err := s.j.Unlock(p)
			s.p.do(func() {
				s.unlocking = false
				btn.Enable()
				switch {
				case err == nil:
					s.opened()
				case errors.Is(err, journal.ErrWrongPassphrase):
					msg.Importance = widget.DangerImportance
					msg.SetText("That passphrase is not right. Try again, or use your recovery key.")
					pass.SetText("")
					s.p.win.Canvas().Focus(pass)
				case errors.Is(err, journal.ErrIdentityMissing):
					msg.Importance = widget.DangerImportance
					msg.SetText("The journal's passphrase file is missing, but your entries are there. Use your recovery key to set a new passphrase.")
				default:
					msg.SetText("")
					s.p.showError(err, "The journal could not be opened. Check that the data folder is readable, then try again.")
				}
			})
		}()
	}
	pass = s.passwordEntry("Passphrase", submit)
	btn = widget.NewButtonWithIcon("Unlock", theme.LoginIcon(), submit)
	btn.Importance = widget.HighImportance
	forgot := widget.NewButton("Forgot your passphrase? Use your recovery key", func() { s.setView(s.recoverView()) })
	forgot.Importance = widget.LowImportance
	v := gateView("Your journal is locked", "Type your passphrase to read and write entries.",
		pass, btn, msg, forgot)
	s.focusLater(pass)
	return v
}

// recoverView sets a new passphrase with the recovery key.
func (s *journalScreen) recoverView() fyne.CanvasObject {
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	var key, pass, again *shortcutEntry
	var btn *widget.Button
	submit := func() {
		switch {
		case journal.CheckNewPassphrase(pass.Text) != nil:
			msg.SetText(fmt.Sprintf("Choose a new passphrase of at least %d characters.", journal.MinPassphraseLen))
			return
		case pass.Text != again.Text:
			msg.SetText("The two passphrases differ. Type the same one twice.")
			return
		}
		k, p := key.Text, pass.Text
		btn.Disable()
		msg.SetText("Checking the recovery key…")
		go func() {
			err := s.j.Recover(k, p)
			s.p.do(func() {
				btn.Enable()
				switch {
				case err == nil:
					s.p.toast("New passphrase set. Your recovery key stays the same.")
					s.opened()
				case errors.Is(err, journal.ErrWrongRecoveryKey):
					msg.SetText("That is not this journal's recovery key. It starts with AGE-SECRET-KEY-1.")
				default:
					msg.SetText("")
					s.p.showError(err, "The journal could not be recovered. Check that the data folder is writable, then try again.")
				}
			})
		}()
	}
	key = s.passwordEntry("Recovery key (AGE-SECRET-KEY-1…)", func() { s.p.win.Canvas().Focus(pass) })
	pass = s.passwordEntry("New passphrase", func() { s.p.win.Canvas().Focus(again) })
	again = s.passwordEntry("The same passphrase again", submit)
	btn = widget.NewButton("Set new passphrase", submit)
	btn.Importance = widget.HighImportance
	back := widget.NewButton("Back", func() { s.setView(s.unlockView()) })
	back.Importance = widget.LowImportance
	v := gateView("Recover your journal", "Type the recovery key you kept at set-up, and choose a new passphrase. Your entries stay as they are.",
		key, pass, again, btn, msg, back)
	s.focusLater(key)
	return v
}

// focusLater focuses o once it is on the canvas: views are built before
// the shell shows them.
func (s *journalScreen) focusLater(o fyne.Focusable) {
	s.gateField = o
	s.p.do(func() {
		if s.p.current == screenJournal {
			s.p.win.Canvas().Focus(o)
		}
	})
}
