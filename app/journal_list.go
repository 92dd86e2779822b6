package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/internal/numtext"
	"github.com/poisehq/poise/journal"
)

const (
	listAll       = "All entries"
	listFollowUps = "Follow-ups"
	listTrash     = "Trash"
)

// journalList is the left pane: a search over the journal, or the open
// follow-ups, most overdue first.
type journalList struct {
	s       *journalScreen
	search  *shortcutEntry
	mode    *widget.RadioGroup
	status  *widget.Label
	list    *widget.List
	rows    []journal.Hit
	deleted map[string]time.Time // trash mode: when each row was deleted
	seq     int
	content fyne.CanvasObject
}

func newJournalList(s *journalScreen) *journalList {
	l := &journalList{s: s}
	l.search = s.entry()
	l.search.SetPlaceHolder("Search your journal")
	l.search.OnChanged = func(string) { s.touch(); l.reload() }
	l.search.onKey = func(k *fyne.KeyEvent) bool {
		if k.Name == fyne.KeyDown && len(l.rows) > 0 {
			l.list.Select(0)
			s.p.win.Canvas().Focus(l.list)
			return true
		}
		return false
	}
	l.mode = widget.NewRadioGroup([]string{listAll, listFollowUps, listTrash}, nil)
	l.mode.Horizontal = true
	l.mode.Required = true
	l.mode.SetSelected(listAll)
	l.mode.OnChanged = func(string) { s.touch(); l.reload() }
	l.status = lowLabel("")
	l.list = widget.NewList(
		func() int { return len(l.rows) },
		func() fyne.CanvasObject {
			t := widget.NewLabelWithStyle("title", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			t.Truncation = fyne.TextTruncateEllipsis
			m := lowLabel("meta")
			m.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(t, m)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(l.rows) {
				return
			}
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(l.rows[i].Entry.Title())
			box.Objects[1].(*widget.Label).SetText(l.meta(l.rows[i]))
		},
	)
	l.list.OnSelected = func(i widget.ListItemID) {
		if i >= len(l.rows) {
			return
		}
		s.touch()
		if l.mode.Selected == listTrash {
			l.offerUndelete(l.rows[i].Entry)
			return
		}
		f := s.form
		if f.dirty {
			f.saveDraftNow()
			f.offerDrafts()
			s.p.toast("Your unsaved changes were kept as a draft.")
		}
		if e, err := s.j.Entry(l.rows[i].Entry.ID); err == nil {
			f.load(e)
		}
	}
	top := container.NewVBox(l.search, l.mode)
	l.content = container.NewBorder(top, l.status, nil, nil, l.list)
	return l
}

// meta is the second line of a row: when, channel, outcome or follow-up.
func (l *journalList) meta(h journal.Hit) string {
	e := h.Entry
	parts := []string{e.When.Local().Format("2 Jan 2006 15:04")}
	if d, ok := l.deleted[e.ID]; ok {
		return strings.Join(append(parts, "deleted "+d.Local().Format("2 Jan 15:04")), " · ")
	}
	if e.Channel != "" {
		parts = append(parts, channelLabel(e.Channel)) // journal_form.go
	}
	if st := e.FollowUpState(l.s.p.now()); st == journal.FollowUpDue || st == journal.FollowUpOverdue || l.mode.Selected == listFollowUps {
		parts = append(parts, fmt.Sprintf("follow-up %s %s", st, e.FollowUp.Local().Format("2 Jan 15:04")))
	} else if e.Outcome != "" {
		parts = append(parts, e.Outcome.Label())
	}
	if h.Snippet != "" && h.Snippet != e.Title() {
		parts = append(parts, h.Snippet)
	}
	return strings.Join(parts, " · ")
}

// reload fills the list for the mode and query. Searches run off the UI
// goroutine; a slower, older answer never replaces a newer one.
func (l *journalList) reload() {
	l.seq++
	seq, q, j := l.seq, l.search.Text, l.s.j
	if l.mode.Selected == listTrash {
		ts, _ := j.Trash()
		hits := make([]journal.Hit, len(ts))
		l.deleted = map[string]time.Time{}
		for i, t := range ts {
			hits[i] = journal.Hit{Entry: t.Entry}
			l.deleted[t.Entry.ID] = t.Deleted
		}
		l.set(hits, fmt.Sprintf("%s in the trash, each kept %d days. Choose one to restore it.", numtext.Count(len(ts)), journal.TrashDays))
		return
	}
	l.deleted = nil
	if l.mode.Selected == listFollowUps {
		es, _ := j.FollowUps()
		hits := make([]journal.Hit, len(es))
		for i, e := range es {
			hits[i] = journal.Hit{Entry: e}
		}
		l.set(hits, numtext.Count(len(es))+" open follow-up(s)")
		return
	}
	if strings.TrimSpace(q) == "" {
		es, _ := j.Entries()
		hits := make([]journal.Hit, len(es))
		for i, e := range es {
			hits[i] = journal.Hit{Entry: e}
		}
		l.set(hits, plural(len(es), "entry", "entries"))
		return
	}
	l.status.SetText("Searching…")
	go func() {
		hits, err := j.SearchHits(context.Background(), q, 200)
		l.s.p.do(func() {
			if seq != l.seq || l.s.list != l {
				return
			}
			if err != nil {
				l.set(nil, "Search is unavailable just now.")
				return
			}
			l.set(hits, numtext.Count(len(hits))+" found")
		})
	}()
}

func (l *journalList) set(hits []journal.Hit, status string) {
	l.rows = hits
	l.list.UnselectAll()
	l.list.Refresh()
	l.status.SetText(status)
}

// offerUndelete asks whether to bring a deleted entry back.
func (l *journalList) offerUndelete(e journal.Entry) {
	s := l.s
	s.showDialog(dialog.NewConfirm("Restore this entry?", e.Title(), func(ok bool) {
		l.list.UnselectAll()
		if !ok {
			return
		}
		if err := s.j.Undelete(e.ID); err != nil {
			s.p.showError(err, "The entry could not be restored. Check that the data folder is writable.")
			return
		}
		l.reload()
		s.p.toast("Entry restored.")
	}, s.p.win))
}
