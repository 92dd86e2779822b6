package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/internal/readnext"
	"github.com/poisehq/poise/journal"
	"github.com/poisehq/poise/journal/summary"
)

// summaryScreen shows the patterns of a month (or a year) of the journal.
// Figures exist only while the journal is unlocked: locked, the screen
// shows the unlock form and drops every summary it held. It is focusable
// so the arrow keys move between months.
type summaryScreen struct {
	widget.BaseWidget
	p *poise
	j *journal.Journal

	body     *fyne.Container
	month    summary.Month
	yearView bool
	// gen drops work started for a view that is no longer wanted.
	gen int
	// dismissed is the month whose review offer was put off this session.
	dismissed string
	dialog    dialog.Dialog
	focused   bool
	// pass is the passphrase field while the journal is locked.
	pass *shortcutEntry
	// bar lays out the toolbar of every view, so a rebuilt view starts
	// with the rows the last one needed.
	bar summaryBarLayout
}

func (p *poise) newSummaryScreen() fyne.CanvasObject {
	if p.dataDir == "" {
		return comingSoon("Summary", "The summary needs a data folder. Start Poise with --data-dir, or without it to use your usual one.")
	}
	s := &summaryScreen{p: p, j: p.sharedJournal(), month: summary.MonthOf(p.now())}
	s.ExtendBaseWidget(s)
	s.body = container.NewStack()
	p.onJournalChange(s.refresh)
	s.refresh()
	return s
}

func (s *summaryScreen) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(s.body) }

// focusField takes the keyboard when the screen is shown, and reloads:
// entries may have been written since.
func (s *summaryScreen) focusField() fyne.Focusable {
	if s.j.Locked() {
		if s.pass != nil {
			return s.pass
		}
		return s
	}
	s.refresh()
	return s
}

func (s *summaryScreen) FocusGained() { s.focused = true }
func (s *summaryScreen) FocusLost()   { s.focused = false }
func (s *summaryScreen) TypedRune(r rune) {
	switch r {
	case 'y', 'Y':
		s.setYearView(true)
	case 'm', 'M':
		s.setYearView(false)
	}
}

// setYearView switches between the month and the year.
func (s *summaryScreen) setYearView(on bool) {
	if s.yearView != on && !s.j.Locked() {
		s.yearView = on
		s.refresh()
	}
}
func (s *summaryScreen) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyLeft, fyne.KeyPageUp:
		s.move(-1)
	case fyne.KeyRight, fyne.KeyPageDown:
		s.move(1)
	}
}

func (s *summaryScreen) setView(o fyne.CanvasObject) {
	s.body.Objects = []fyne.CanvasObject{o}
	s.body.Refresh()
}

// move goes back or forward a month, or a year in the year view.
func (s *summaryScreen) move(delta int) {
	if s.j.Locked() {
		return
	}
	if s.yearView {
		delta *= 12
	}
	s.month = s.month.Add(delta)
	s.refresh()
}

// refresh shows the unlock form, or computes the view off the UI goroutine
// and shows it when ready.
func (s *summaryScreen) refresh() {
	s.gen++
	if !s.j.IsSetUp() || s.j.Locked() {
		if s.dialog != nil {
			s.dialog.Hide() // it may show decrypted text
			s.dialog = nil
		}
		s.setView(s.gate())
		return
	}
	gen, month, year, now := s.gen, s.month, s.yearView, s.p.now()
	var finder summary.Finder
	if s.p.search != nil {
		finder = readnext.Finder(s.p.search)
	}
	titles := readnext.Titles(s.p.lib)
	go func() {
		es, err := s.j.Entries()
		rs, rerr := s.j.Reviews()
		if err == nil {
			err = rerr
		}
		var v summaryView
		if err == nil {
			b := summary.New(es, summary.Options{Now: now, Reviews: rs, Title: titles})
			v = summaryView{month: month, now: summary.MonthOf(now), reviews: rs, lastMonth: b.Month(summary.MonthOf(now).Add(-1))}
			if year {
				v.year = b.Year(month.Year)
			} else {
				v.sum = b.Month(month)
				if finder != nil {
					ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
					v.sum.FindReading(ctx, finder) // without it the summary is still whole
					cancel()
				}
			}
		}
		s.p.do(func() {
			if gen != s.gen || s.j.Locked() {
				return
			}
			if err != nil {
				s.p.showError(err, "The summary could not be made. Lock and unlock the journal, then try again.")
				return
			}
			s.setView(withSummaryProblems(len(s.j.Problems()), s.view(v)))
		})
	}()
}

// summaryView is what one refresh computed.
type summaryView struct {
	month, now summary.Month
	sum        *summary.Summary
	year       *summary.Year
	reviews    []journal.Review
	lastMonth  *summary.Summary
}

// gate is the locked screen: set up on the Journal screen, or unlock.
func (s *summaryScreen) gate() fyne.CanvasObject {
	if !s.j.IsSetUp() {
		go1 := widget.NewButton("Go to the journal", func() { s.p.show(screenJournal) })
		return gateView("No journal yet", "Your monthly summary is made from your journal. Set it up on the Journal screen and write about a few calls first.", go1)
	}
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	pass := newShortcutEntry(s.p)
	s.pass = pass
	pass.Password = true
	pass.SetPlaceHolder("Passphrase")
	var btn *widget.Button
	submit := func() {
		if pass.Text == "" {
			return
		}
		p := pass.Text
		btn.Disable()
		msg.SetText("Unlocking…")
		go func() {
			err := s.j.Unlock(p)
			s.p.do(func() {
				btn.Enable()
				switch {
				case err == nil:
					msg.SetText("")
					s.pass = nil
					// Build the Journal screen if it is not yet: it owns
					// auto-lock and follow-up reminders, which must run
					// whichever screen unlocked.
					if l, ok := s.p.views[screenJournal]; ok {
						l.content()
					}
					s.p.journalChanged()
					s.p.win.Canvas().Focus(s)
				case errors.Is(err, journal.ErrWrongPassphrase):
					msg.Importance = widget.DangerImportance
					msg.SetText("That passphrase is not right. Try again; the Journal screen can recover with your recovery key.")
					pass.SetText("")
				default:
					msg.SetText("")
					s.p.showError(err, "The journal could not be opened. Check that the data folder is readable, then try again.")
				}
			})
		}()
	}
	pass.OnSubmitted = func(string) { submit() }
	btn = widget.NewButtonWithIcon("Unlock", theme.LoginIcon(), submit)
	btn.Importance = widget.HighImportance
	return gateView("Your journal is locked", "Type your passphrase to see your monthly summary. It is made in memory from your entries and never saved unencrypted.", pass, btn, msg)
}

// view lays out a computed month or year: the picker, any review offer,
// then the headlines first and the charts below.
func (s *summaryScreen) view(v summaryView) fyne.CanvasObject {
	title := v.month.Label()
	if s.yearView {
		title = fmt.Sprint(v.month.Year)
	}
	head := widget.NewLabelWithStyle(title, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { s.move(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { s.move(1) })
	// Two buttons rather than a radio group: the active one is highlighted,
	// and a rebuilt view never fires a change of its own.
	monthBtn := widget.NewButton("Month", func() { s.setYearView(false) })
	yearBtn := widget.NewButton("Year", func() { s.setYearView(true) })
	if s.yearView {
		yearBtn.Importance = widget.HighImportance
	} else {
		monthBtn.Importance = widget.HighImportance
	}
	mode := container.NewHBox(monthBtn, yearBtn)
	review := widget.NewButtonWithIcon("Review "+v.month.Month.String(), theme.DocumentCreateIcon(), func() { s.showReview(v.month, v.reviews) })
	if s.yearView || v.month.Year*12+int(v.month.Month) > v.now.Year*12+int(v.now.Month) {
		review.Disable()
	}
	bar := container.New(&s.bar, container.NewHBox(prev, container.NewStack(head), next), mode, review)
	hint := widget.NewLabel("← → move between " + map[bool]string{false: "months", true: "years"}[s.yearView] + " · M month · Y year")
	secondary(hint)
	top := container.NewVBox(bar, hint)
	if offer := s.reviewOffer(v); offer != nil {
		top.Add(offer)
	}
	var content fyne.CanvasObject
	if s.yearView {
		content = s.yearContent(v.year)
	} else {
		content = s.monthContent(v.sum)
	}
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(content))
}

// reviewOffer asks, in a new month, whether to review the last one: once
// it has entries and no review yet, until put off for this session.
func (s *summaryScreen) reviewOffer(v summaryView) fyne.CanvasObject {
	last := v.now.Add(-1)
	if s.dismissed == last.String() || v.lastMonth == nil || v.lastMonth.Entries == 0 {
		return nil
	}
	for _, r := range v.reviews {
		if r.Month == last.String() {
			return nil
		}
	}
	msg := widget.NewLabel(fmt.Sprintf("A new month has begun. Take five minutes to look back on %s?", last.Month))
	msg.Wrapping = fyne.TextWrapWord
	yes := widget.NewButton("Review "+last.Month.String(), func() { s.showReview(last, v.reviews) })
	yes.Importance = widget.HighImportance
	later := widget.NewButton("Not now", func() { s.dismissed = last.String(); s.refresh() })
	later.Importance = widget.LowImportance
	return widget.NewCard("", "", container.NewBorder(nil, nil, nil, container.NewHBox(yes, later), msg))
}
