package app

import (
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
// lock, newest first, one at a time.
func (f *journalForm) offerDrafts() {
	f.drafts.RemoveAll()
	ds, err := f.s.j.Drafts()
	if err != nil || len(ds) == 0 {
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
	restore := widget.NewButtonWithIcon("Restore", theme.HistoryIcon(), func() {
		f.restore(d)
		f.drafts.RemoveAll()
	})
	restore.Importance = widget.HighImportance
	discard := widget.NewButton("Discard", func() {
		if err := f.s.j.DiscardDraft(d.ID); err != nil {
			f.s.p.showError(err, "The draft could not be removed. Check that the data folder is writable.")
		}
		f.offerDrafts()
	})
	f.drafts.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), container.NewCenter(container.NewHBox(restore, discard)), msg))
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
