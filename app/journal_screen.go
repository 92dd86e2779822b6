package app

import (
	"context"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/journal"
)

// Journal keys, active while the Journal screen shows.
var (
	keyJournalSave = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	keyJournalNew  = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	keyJournalLock = &desktop.CustomShortcut{KeyName: fyne.KeyL, Modifier: fyne.KeyModifierShortcutDefault}
)

// idleCheckEvery is how often the screen checks whether to auto-lock.
const idleCheckEvery = 15 * time.Second

// journalScreen is the private journal: set-up, unlock and, once unlocked,
// the entry list beside the entry form. Locking, by hand or after the idle
// time in settings, drops every decrypted entry and shows only the lock.
type journalScreen struct {
	widget.BaseWidget
	p *poise
	j *journal.Journal

	body     *fyne.Container // the view for the current state
	form     *journalForm
	list     *journalList
	lastUsed time.Time
	stopIdle func()
	// stopWatch ends the follow-up watcher of this unlock.
	stopWatch context.CancelFunc
	// writeMu keeps saves and draft saves in the order they were asked.
	writeMu sync.Mutex
	// unlocking is true while a passphrase is being checked.
	unlocking bool
	// dialog is the journal dialog showing, if any: locking closes it, as
	// it may show decrypted text.
	dialog dialog.Dialog
	// gateField is the first field of the set-up or unlock view showing.
	gateField fyne.Focusable
}

func (s *journalScreen) showDialog(d dialog.Dialog) {
	s.dialog = d
	d.Show()
}

// newJournalScreen is the journal's entry in the shell's screen list.
func (p *poise) newJournalScreen() fyne.CanvasObject {
	if p.dataDir == "" {
		// Never a journal in whatever folder Poise was started from.
		return comingSoon("Journal", "The journal needs a data folder. Start Poise with --data-dir, or without it to use your usual one.")
	}
	s := &journalScreen{p: p, j: p.sharedJournal()}
	s.ExtendBaseWidget(s)
	s.body = container.NewStack()
	p.newJournalEntry = s.startNew
	p.journalForm = s.startWith
	p.journalSaved = func() {
		if s.list != nil && !s.j.Locked() {
			s.list.reload()
		}
	}
	p.onQuit = append(p.onQuit, s.keepDraft)
	for sc, fn := range map[*desktop.CustomShortcut]func(){keyJournalSave: s.save, keyJournalNew: s.startNew, keyJournalLock: s.lockNow} {
		p.win.Canvas().AddShortcut(sc, func(fyne.Shortcut) {
			if p.current == screenJournal {
				fn()
			}
		})
	}
	s.showGate()
	// Unlocked or locked on the Summary screen: follow it here.
	p.onJournalChange(s.followJournal)
	s.followJournal()
	return s
}

// followJournal brings this screen in line with the shared journal after
// another screen unlocked or locked it.
func (s *journalScreen) followJournal() {
	if !s.j.Locked() && s.form == nil {
		s.opened()
	}
}

func (s *journalScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(s.body)
}

// shortcut handles the journal's keys for its own entries, which see
// shortcuts before the canvas does.
func (s *journalScreen) shortcut(sc fyne.Shortcut) bool {
	switch sc.ShortcutName() {
	case keyJournalSave.ShortcutName():
		s.save()
	case keyJournalNew.ShortcutName():
		s.startNew()
	case keyJournalLock.ShortcutName():
		s.lockNow()
	default:
		return false
	}
	return true
}

// entry is a single-line field that knows the journal's keys and counts
// as activity for auto-lock.
func (s *journalScreen) entry() *shortcutEntry {
	e := newShortcutEntry(s.p)
	e.onShortcut = s.shortcut
	e.onFocus = func() { s.reveal(e) }
	return e
}

// editor is a long-text field, fast with long text (see wrapEditor).
func (s *journalScreen) editor(rows int) *wrapEditor {
	e := newWrapEditor(s.p)
	e.onShortcut = s.shortcut
	e.onFocus = func() { s.reveal(e) }
	e.SetMinRowsVisible(rows)
	return e
}

func (s *journalScreen) setView(o fyne.CanvasObject) {
	s.body.Objects = []fyne.CanvasObject{o}
	s.body.Refresh()
}

// showGate shows set-up or unlock, whichever the journal needs.
func (s *journalScreen) showGate() {
	if s.j.IsSetUp() {
		s.setView(s.unlockView())
	} else {
		s.setView(s.setupView())
	}
}

// opened runs on the UI goroutine once the journal is unlocked.
func (s *journalScreen) opened() {
	s.touch()
	s.form = newJournalForm(s)
	s.list = newJournalList(s)
	s.setView(withJournalProblems(s.j.Problems(), newJournalSplit(s.list.content, s.form.content)))
	s.list.reload()
	s.form.offerDrafts()
	s.tellLockedDrafts()
	// Only a form in sight takes the keyboard: focusing one out of the
	// window's content (unlocked from another screen) is refused, with
	// an error in the log.
	if s.p.current == screenJournal {
		s.p.win.Canvas().Focus(s.focusField())
	}
	s.startIdleCheck()
	s.startFollowUpWatch()
	if err := s.j.CheckRecoveryCopy(); err != nil {
		s.p.notify(err, "Your recovery key can no longer replace a forgotten passphrase: the journal's recovery copy is missing or damaged. "+
			"Your passphrase still works. Run \"poise journal rekey\" in a terminal (with Poise closed) to make a new recovery key.")
	}
	s.p.journalChanged()
	s.j.UseSynonyms(s.p.lib.Synonyms())
	// Build the search index now. Until it is ready, searches get a plain
	// word match; then the list asks again for the real answer.
	list := s.list
	go func() {
		if s.j.WarmSearch() == nil {
			s.p.do(func() {
				if s.list == list && list.search.Text != "" {
					list.reload()
				}
			})
		}
	}()
}

// tellLockedDrafts says, on another screen, that the quick log typed
// while the journal was locked waits on this one: unlocking from the
// quick log leaves the person where they were.
func (s *journalScreen) tellLockedDrafts() {
	if s.p.current == screenJournal {
		return
	}
	ds, _ := s.j.Drafts()
	for _, d := range ds {
		if d.WhileLocked {
			s.p.toast("What you typed in the quick log while the journal was locked is kept: the Journal screen offers it back to review.")
			return
		}
	}
}

// touch records activity, postponing auto-lock.
func (s *journalScreen) touch() { s.lastUsed = s.p.now() }

func (s *journalScreen) startIdleCheck() {
	if s.stopIdle != nil {
		s.stopIdle()
	}
	t := time.NewTicker(idleCheckEvery)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-done:
				return
			case <-t.C:
				s.p.do(s.checkIdle)
			}
		}
	}()
	s.stopIdle = func() { t.Stop(); close(done) }
}

// checkIdle locks the journal once it has been left alone for the idle
// time in settings (0 never locks).
func (s *journalScreen) checkIdle() {
	m := s.p.settings.AutoLockMinutes
	if m <= 0 || s.j.Locked() {
		return
	}
	if s.p.now().Sub(s.lastUsed) >= time.Duration(m)*time.Minute {
		s.lockNow()
	}
}

func (s *journalScreen) startFollowUpWatch() {
	ctx, cancel := context.WithCancel(context.Background())
	s.stopWatch = cancel
	w := s.j.NewFollowUpWatcher(s.p.now(), func(e journal.Entry) {
		s.p.do(func() {
			s.p.app.SendNotification(fyne.NewNotification("Follow-up due", e.Title()))
			if s.list != nil {
				s.list.reload()
			}
		})
	})
	go w.Run(ctx, 30*time.Second)
}

// keepDraft saves what is being typed as an encrypted draft now, for a
// quit that cannot wait for the autosave: the next start offers it back.
func (s *journalScreen) keepDraft() {
	if s.form != nil && s.form.dirty && !s.j.Locked() {
		s.form.saveDraftNow()
	}
}

// lockNow keeps what is being typed as an encrypted draft, drops every
// decrypted entry and shows the lock.
func (s *journalScreen) lockNow() {
	if s.j.Locked() {
		return
	}
	if s.form != nil && s.form.dirty {
		s.form.saveDraftNow()
	}
	if s.form != nil && s.form.keepPending != nil {
		// A draft discarded with its Undo still up stays: a later unlock
		// offers it again, and no timer of this form removes it then.
		s.form.keepPending()
	}
	if s.stopIdle != nil {
		s.stopIdle()
		s.stopIdle = nil
	}
	if s.stopWatch != nil {
		s.stopWatch()
	}
	s.writeMu.Lock()
	s.j.Lock()
	s.writeMu.Unlock()
	// Drop the widgets too: their text is decrypted data.
	s.form, s.list = nil, nil
	if s.dialog != nil {
		s.dialog.Hide()
		s.dialog = nil
	}
	s.setView(s.unlockView())
	s.p.journalChanged()
}

// startNew empties the form for a new entry. While the journal is locked
// there is no form, and the unlock screen is showing already.
func (s *journalScreen) startNew() {
	if s.form == nil {
		return
	}
	s.touch()
	s.form.startNew()
}

// startWith starts a new entry holding what the quick log had.
func (s *journalScreen) startWith(e journal.Entry) {
	if s.form == nil {
		return
	}
	s.startNew()
	s.form.what.SetText(e.WhatHappened)
	s.form.triedItems.SetText(strings.Join(e.TriedItems, ", "))
	s.form.changed() // kept as a draft, like typed text
}

// save saves the form, after the privacy check.
func (s *journalScreen) save() {
	if s.form != nil {
		s.touch()
		s.form.save()
	}
}
