package app

import (
	"errors"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/journal"
)

func (f *journalForm) draft() journal.Draft {
	e, _ := f.read() // a draft keeps what can be read, even a bad date
	return journal.Draft{ID: f.draftID, EntryID: f.base.ID, Entry: e}
}

// saveDraft autosaves off the UI goroutine.
func (f *journalForm) saveDraft() {
	d, s := f.draft(), f.s
	go func() {
		s.writeMu.Lock()
		defer s.writeMu.Unlock()
		if _, err := s.j.SaveDraft(d); err != nil && !s.j.Locked() {
			s.p.do(func() {
				s.p.notify(err, "Your entry could not be autosaved. Save it now, and check that the data folder is writable.")
			})
		}
	}()
}

// saveDraftNow saves the draft before a lock: it must be on disk before
// the key is dropped.
func (f *journalForm) saveDraftNow() {
	f.s.writeMu.Lock()
	defer f.s.writeMu.Unlock()
	if _, err := f.s.j.SaveDraft(f.draft()); err != nil {
		f.s.p.logf("poise: save draft before locking: %v", err)
	}
}

// offerDrafts shows a banner for an entry left unsaved by a crash or a
// lock, newest first, one at a time; focus says whether its Restore button
// takes the keyboard (it does when the person is on the Journal screen
// dealing with drafts).
func (f *journalForm) offerDrafts() {
	f.finishDiscard() // its Undo goes with the banner
	f.offerDraftsExcept("", false)
}

// offerDraftsExcept is offerDrafts leaving out the draft of id skip (one
// discarded, whose Undo is still up).
func (f *journalForm) offerDraftsExcept(skip string, focus bool) {
	f.drafts.RemoveAll()
	f.offered = nil
	ds, err := f.s.j.Drafts()
	if err != nil {
		return
	}
	ds = slices.DeleteFunc(ds, func(d journal.Draft) bool { return d.ID == skip })
	if len(ds) == 0 {
		return
	}
	d := ds[0]
	what := "a new entry"
	if d.EntryID != "" {
		what = "changes to an entry"
	}
	when := d.Saved.Local().Format("Mon 2 Jan 15:04")
	msg := truncatedLabel("Unsaved " + what + " from " + when + " was kept: " + d.Entry.Title())
	if d.WhileLocked {
		// Anyone who can write the data folder can leave such a draft:
		// it is the person's to read before it becomes an entry. Two
		// lines, so the words show beside what marks them.
		msg = container.NewVBox(
			truncatedLabel("Typed while locked (quick log, "+when+"): review it"),
			truncatedLabel(d.Entry.Title()))
	}
	restore, restoreRing := newRingButton("Restore", theme.HistoryIcon(), func() {
		f.finishDiscard()
		f.restore(d)
		f.drafts.RemoveAll()
		f.offered = nil
	})
	restore.Importance = widget.HighImportance
	_, discardRing := newRingButton("Discard", nil, func() { f.discardDraft(d) })
	f.drafts.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), container.NewCenter(container.NewHBox(restoreRing, discardRing)), msg))
	f.offered = restore
	if focus && f.s.p.current == screenJournal {
		f.s.p.win.Canvas().Focus(restore)
	}
}

// discardUndoFor is how long Undo stays up after a draft is discarded.
const discardUndoFor = 10 * time.Second

// discardDraft takes d off offer with an Undo beside it: one key pressed by
// mistake would otherwise lose what the agent wrote. The draft is removed
// only once Undo is gone (after discardUndoFor, or at the next discard or
// restore); a lock or a quit before that keeps it, offered again.
func (f *journalForm) discardDraft(d journal.Draft) {
	f.finishDiscard()
	gone := false
	var timer *time.Timer
	keep := func() { // the discard undone, or left undone by a lock
		gone = true
		timer.Stop()
		f.undoDiscard, f.finish, f.keepPending = nil, nil, nil
	}
	f.keepPending = keep
	f.undoDiscard = func() {
		keep()
		f.offerDraftsExcept("", true)
	}
	finish := func() {
		if gone {
			return
		}
		gone = true
		f.undoDiscard, f.keepPending = nil, nil
		if err := f.s.j.DiscardDraft(d.ID); err != nil && !errors.Is(err, journal.ErrLocked) {
			f.s.p.showError(err, "The draft could not be removed. Check that the data folder is writable.")
		}
	}
	f.finish = finish
	f.offerDraftsExcept(d.ID, false)
	undo, undoRing := newRingButton("Undo", theme.ContentUndoIcon(), func() { f.undoDiscard() })
	f.drafts.Add(container.NewBorder(nil, nil, nil, undoRing, truncatedLabel("Draft discarded: "+d.Entry.Title())))
	if f.offered != nil {
		f.s.p.win.Canvas().Focus(f.offered)
	} else {
		f.s.p.win.Canvas().Focus(undo)
	}
	timer = time.AfterFunc(discardUndoFor, func() {
		f.s.p.do(func() {
			if gone {
				return
			}
			finish()
			f.offerDraftsExcept("", false)
		})
	})
}

// finishDiscard removes the draft whose Undo is up, at once.
func (f *journalForm) finishDiscard() {
	if f.finish != nil {
		fin := f.finish
		f.finish = nil
		fin()
	}
}

func truncatedLabel(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// restore puts a draft back in the form, over the entry it was editing.
func (f *journalForm) restore(d journal.Draft) {
	base := journal.Entry{}
	if d.EntryID != "" {
		if e, err := f.s.j.Entry(d.EntryID); err == nil {
			base = e
		}
	}
	e := d.Entry
	e.ID, e.Created, e.Updated = base.ID, base.Created, base.Updated
	if base.ID != "" {
		f.load(e)
	} else {
		f.fill(e)
		f.title.SetText("New entry (restored)")
		if d.WhileLocked {
			f.title.SetText("New entry (typed while locked)")
		}
	}
	f.base = base
	f.base.ID = e.ID
	f.draftID = d.ID
	f.dirty = true
	f.focus()
}
