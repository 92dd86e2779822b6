package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/internal/usage"
	"github.com/poisehq/poise/journal"
)

// keyQuickLog opens the quick log from any screen.
var keyQuickLog = &desktop.CustomShortcut{KeyName: fyne.KeyJ, Modifier: fyne.KeyModifierShortcutDefault}

// quickLog is a short journal form over whatever screen is showing: only
// "what happened", with the items copied during this call attached (ticked,
// by name, never typed ids). The full form is one button away. It saves
// through the journal like the full form, asking to unlock it first.
type quickLog struct {
	p      *poise
	what   *shortcutEntry
	copies []usage.Copied
	checks []*widget.Check
	d      dialog.Dialog
	closed bool // not showing
	// sending: Save or More fields… was pressed and waits for the
	// passphrase, the personal-data question or the write.
	sending bool
	// done: the words are in the journal, in the full form, or kept as a
	// draft. Until then a quit keeps them (keepQuickLog), and closed with
	// Esc or Cancel they come back at the next Ctrl+J: they were lost,
	// as each Ctrl+J made a new quick log.
	done bool
}

func (p *poise) openQuickLog() {
	j := p.sharedJournal()
	if j == nil {
		p.toast("The journal needs a data folder. Start Poise without --data-dir, or with one, to keep a journal.")
		return
	}
	if !j.IsSetUp() {
		// Say so before a line is typed: Save could only drop it.
		p.show(screenJournal)
		p.toast("Set up your journal first: choose a passphrase, then Ctrl+J logs this call.")
		return
	}
	q := &quickLog{p: p, copies: p.call.Copies()}
	prev := p.quickLog
	if prev == nil {
		p.onQuit = append(p.onQuit, p.keepQuickLog)
	}
	p.quickLog = q
	q.what = newShortcutEntry(p)
	if prev != nil && prev.closed && !prev.sending && !prev.done && strings.TrimSpace(prev.what.Text) != "" {
		q.what.SetText(prev.what.Text) // closed unsaved: the words are back
		prev.done = true
	}
	q.what.MultiLine = true
	q.what.Wrapping = fyne.TextWrapWord
	q.what.SetMinRowsVisible(4)
	q.what.SetPlaceHolder("What happened? A line is enough.")
	q.what.onShortcut = func(s fyne.Shortcut) bool {
		if s.ShortcutName() == keyJournalSave.ShortcutName() {
			q.save()
			return true
		}
		return false
	}
	q.what.onKey = func(k *fyne.KeyEvent) bool {
		if k.Name == fyne.KeyEscape {
			q.d.Hide()
			return true
		}
		return false
	}
	objs := []fyne.CanvasObject{q.what}
	if note := p.quickLogUnkeptNote(j); note != nil {
		objs = append(objs, note)
	}
	if len(q.copies) > 0 {
		objs = append(objs, boldLabel("Used during this call"))
		for _, c := range q.copies {
			ch := widget.NewCheck("", nil)
			ch.SetChecked(true)
			q.checks = append(q.checks, ch)
			objs = append(objs, wrappedCheck(ch, p.copiedName(c)))
		}
	} else {
		objs = append(objs, lowLabel("Nothing copied during this call yet."))
	}
	more := widget.NewButtonWithIcon("More fields…", theme.MoreHorizontalIcon(), q.more)
	more.Importance = widget.LowImportance
	objs = append(objs, container.NewHBox(more), lowLabel(keyLabel(keyJournalSave)+" saves, encrypted · Esc closes, "+keyLabel(keyQuickLog)+" reopens"))
	body := container.NewVScroll(container.NewVBox(objs...))
	body.SetMinSize(fyne.NewSize(min(420, p.win.Canvas().Size().Width-80), 200))
	q.d = dialog.NewCustomConfirm("Quick log", "Save", "Cancel", body, func(ok bool) {
		if ok {
			q.save()
			return
		}
		q.closed = true // the words stay for the next Ctrl+J, or a quit
	}, p.win)
	q.d.Show()
	p.win.Canvas().Focus(q.what)
}

// quickLogLockedText says what becomes of the quick log's words while the
// journal is locked, when a quit would keep them.
const quickLogLockedText = "Your journal is locked: Save asks for your passphrase. If Poise closes first, this is kept, encrypted, for your next unlock."

// quickLogUnkeptText warns that a quit would lose what the quick log holds.
const quickLogUnkeptText = "The journal is locked and Poise cannot keep this if it closes. Unlock it to save."

// quickLogUnkeptNote is a warning under the text field when the journal is
// locked and could not keep a draft at a quit (no draft key yet, an
// unusable draft-only key, too many kept): said before the person types,
// not found out after the text is gone. When a quit would keep it, a line
// saying so (quickLogLockedText); nil when the journal is unlocked.
func (p *poise) quickLogUnkeptNote(j *journal.Journal) fyne.CanvasObject {
	if !j.Locked() {
		return nil
	}
	err := j.CanKeepDraft()
	if err == nil {
		// Said, so that Save asking for the passphrase, or a quit before
		// it, surprises no one.
		return lowLabel(quickLogLockedText)
	}
	p.logf("poise: the quick log could not be kept at a quit: %v", err)
	l := wrapLabel(quickLogUnkeptText)
	l.Importance = widget.WarningImportance
	return l
}

// wrappedCheck is a checkbox with a label that wraps: Fyne's Check
// neither wraps nor truncates its text, so a long item name ran past the
// quick log's edge in a narrow window. Tapping the label ticks the box, as
// tapping a Check's own text does.
func wrappedCheck(ch *widget.Check, text string) fyne.CanvasObject {
	l := &checkLabel{toggle: func() { ch.SetChecked(!ch.Checked) }}
	l.Text, l.Wrapping = text, fyne.TextWrapWord
	l.ExtendBaseWidget(l)
	return container.NewBorder(nil, nil, ch, nil, l)
}

// checkLabel is a Check's label: a wrapped label that ticks it when tapped.
type checkLabel struct {
	widget.Label
	toggle func()
}

func (l *checkLabel) Tapped(*fyne.PointEvent) { l.toggle() }

// copiedName names a copy as the agent saw it: the item, and the option
// for a matrix concern.
func (p *poise) copiedName(c usage.Copied) string {
	it, ok := p.item(c.Item)
	if !ok {
		return c.Item
	}
	for _, o := range it.Options {
		if o.ID == c.Option {
			return shorten(it.Title, 40) + ": " + shorten(o.Title, 50)
		}
	}
	return shorten(it.Title, 80)
}

// entry is the journal entry the quick log holds now.
func (q *quickLog) entry() journal.Entry {
	e := journal.Entry{When: q.p.now(), WhatHappened: strings.TrimSpace(q.what.Text)}
	for i, c := range q.copies {
		if !q.checks[i].Checked {
			continue
		}
		id := c.Item
		if c.Option != "" {
			id = c.Option
		}
		e.TriedItems = append(e.TriedItems, id)
	}
	return e
}

// save checks the entry, unlocks the journal if need be, offers to mask
// personal data, and saves.
func (q *quickLog) save() {
	e := q.entry()
	if err := e.Validate(); err != nil {
		var ve *journal.ValidationError
		msg := "The entry cannot be saved as it is."
		if errors.As(err, &ve) && ve.Field == "what_happened" {
			msg = "Say in a line what happened, then save."
		}
		q.p.toast(msg)
		q.d.Show() // Save closed it; the text is still there
		q.closed = false
		q.p.win.Canvas().Focus(q.what)
		return
	}
	q.closed, q.sending = true, true
	q.d.Hide()
	q.p.unlockThenOr(func() {
		q.p.saveEntry(e, q.saved)
	}, q.reopen)
}

// saved hears how saving the quick log ended: done, or back on screen
// with its words after a failed write (the error says why).
func (q *quickLog) saved(ok bool) {
	if ok {
		q.sending, q.done = false, true
		return
	}
	if q.p.quickLog == q {
		q.reopen()
	} else {
		q.sending = false // kept at a quit
	}
}

// reopen brings the quick log back, as it was, when the unlock its Save
// or More fields… asked for did not happen (cancelled, failed): the text
// was dropped with the hidden dialog.
func (q *quickLog) reopen() {
	q.closed, q.sending = false, false
	q.d.Show()
	q.p.win.Canvas().Focus(q.what)
}

// keepQuickLog keeps what is typed in an open quick log as an encrypted
// draft, for a quit (a logout, SIGTERM) that closes it unsaved: the text
// was lost, as only the Journal screen's form kept a draft. A locked
// journal keeps it too, sealed to its draft-only key (journal.KeepDraft),
// and offers it back for review once unlocked.
func (p *poise) keepQuickLog() {
	q := p.quickLog
	if q == nil || q.done || strings.TrimSpace(q.what.Text) == "" {
		return
	}
	j := p.sharedJournal()
	if j == nil {
		return
	}
	if _, err := j.KeepDraft(journal.Draft{ID: journal.NewDraftID(), Entry: q.entry()}); err != nil {
		p.logf("poise: keep the quick log as a draft: %v", err)
		return
	}
	q.closed, q.sending, q.done = true, false, true
}

// more moves what is typed to the journal's full form.
func (q *quickLog) more() {
	e := q.entry()
	q.closed, q.sending = true, true
	q.d.Hide()
	q.p.unlockThenOr(func() {
		q.sending, q.done = false, true
		q.p.show(screenJournal)
		if q.p.journalForm != nil {
			q.p.journalForm(e)
		}
	}, q.reopen)
}

// saveEntry saves e after the personal-data check, off the UI goroutine,
// and tells saved whether it was written.
func (p *poise) saveEntry(e journal.Entry, saved func(ok bool)) {
	if found := e.PersonalData(); len(found) > 0 {
		var lines []string
		for _, x := range found {
			lines = append(lines, fmt.Sprintf("• %s: %s → %s", x.Kind, x.Text, x.Mask))
		}
		d := dialog.NewConfirm("Personal data in this entry",
			"This looks like a customer's personal data:\n"+strings.Join(lines, "\n")+"\nMask it before saving?",
			func(mask bool) {
				if mask {
					e = e.MaskPersonalData()
				}
				p.writeEntry(e, saved)
			}, p.win)
		d.SetConfirmText("Mask and save")
		d.SetDismissText("Save as written")
		d.Show()
		return
	}
	p.writeEntry(e, saved)
}

func (p *poise) writeEntry(e journal.Entry, saved func(ok bool)) {
	j := p.sharedJournal()
	go func() {
		_, err := j.Save(e)
		p.do(func() {
			saved(err == nil)
			if err != nil {
				p.showError(err, "The quick log could not be saved; its words are still in it. Check that the data folder is writable, then save again.")
				return
			}
			p.toast("Logged in your journal, encrypted.")
			if p.journalSaved != nil {
				p.journalSaved()
			}
		})
	}()
}

// unlockThenOr runs fn once the journal is unlocked, asking for the
// passphrase first when it is locked (or to set the journal up on the
// Journal screen when it has never been), and cancelled if the
// passphrase asked for is not given: cancelled, or the journal failed to
// open.
func (p *poise) unlockThenOr(fn, cancelled func()) {
	j := p.sharedJournal()
	if !j.Locked() {
		fn()
		return
	}
	if !j.IsSetUp() {
		p.show(screenJournal)
		p.toast("Set up your journal first: choose a passphrase.")
		return
	}
	pass := newShortcutEntry(p)
	pass.Password = true
	pass.SetPlaceHolder("Passphrase")
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	busy, unlocked := false, false
	submit := func() {
		if busy || pass.Text == "" {
			return
		}
		busy = true
		text := pass.Text
		msg.SetText("Unlocking…")
		go func() {
			err := j.Unlock(text)
			p.do(func() {
				busy = false
				switch {
				case err == nil:
					unlocked = true // Hide answers the dialog's callback "not ok" too
					d.Hide()
					p.journalChanged()
					fn()
				case errors.Is(err, journal.ErrWrongPassphrase):
					msg.SetText("That passphrase is not right. Try again.")
					pass.SetText("")
					p.win.Canvas().Focus(pass)
				default:
					d.Hide()
					p.showError(err, "The journal could not be opened. Check that the data folder is readable, then try again.")
				}
			})
		}()
	}
	pass.OnSubmitted = func(string) { submit() }
	body := container.NewVBox(widget.NewLabel("Your journal is locked. Type your passphrase to save."), pass, msg)
	d = dialog.NewCustomConfirm("Unlock your journal", "Unlock", "Cancel", body, func(ok bool) {
		if ok {
			d.Show() // stays open until the passphrase is checked
			submit()
		} else if !unlocked && cancelled != nil {
			cancelled()
		}
	}, p.win)
	d.Resize(fyne.NewSize(min(440, p.win.Canvas().Size().Width-40), 200))
	d.Show()
	p.win.Canvas().Focus(pass)
}
