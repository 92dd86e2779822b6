package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/journal"
)

// summaryPoise opens the app on a locked journal with calls in October and
// November 2026 (fixedNow is 25 November), showing the Summary screen.
func summaryPoise(t *testing.T) (*poise, *summaryScreen) {
	t.Helper()
	p := newTestPoise(t, fixtureLibrary())
	p.dataDir = t.TempDir()
	j := p.sharedJournal()
	if _, err := j.Init(journalPass); err != nil {
		t.Fatal(err)
	}
	for i := range 12 {
		e := journal.Entry{When: time.Date(2026, time.November, 2+i, 10, 0, 0, 0, time.Local), WhatHappened: "Late parcel",
			Triggers: []journal.Trigger{journal.TriggerDelay}, Emotions: []string{"angry"}, Difficulty: 3, StressBefore: 4, StressAfter: 2,
			Outcome: journal.OutcomeResolved, TriedItems: []string{"builtin/matrix/late-delivery"}}
		if i < 4 {
			e.When = e.When.AddDate(0, -1, 0)
		}
		if _, err := j.Save(e); err != nil {
			t.Fatal(err)
		}
	}
	j.Lock()
	s := p.show(screenSummary).(*summaryScreen)
	return p, s
}

func labelsText(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, l := range findAll[*widget.Label](o) {
		b.WriteString(l.Text + "\n")
	}
	return b.String()
}

func unlockSummary(t *testing.T, p *poise, s *summaryScreen) {
	t.Helper()
	if s.pass == nil {
		t.Fatal("no passphrase field")
	}
	test.Type(s.pass, journalPass)
	s.pass.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	pump(t, p, func() bool { return strings.Contains(labelsText(s.body), "You logged") })
}

func TestSummaryScreenLockedShowsNoFigures(t *testing.T) {
	p, s := summaryPoise(t)
	settle(p)
	text := labelsText(s.body)
	if !strings.Contains(text, "Your journal is locked") || strings.Contains(text, "calls") {
		t.Errorf("locked screen shows:\n%s", text)
	}
	if len(findAll[*chart](s.body)) != 0 {
		t.Error("a chart is drawn while locked")
	}

	unlockSummary(t, p, s)
	if p.views[screenJournal].build != nil {
		t.Fatal("unlocking on the Summary screen left the Journal screen unbuilt, so nothing would auto-lock")
	}
	if js, ok := p.views[screenJournal].content().(*journalScreen); !ok || js.stopIdle == nil {
		t.Error("unlocking on the Summary screen did not start the journal's auto-lock")
	}
	text = labelsText(s.body)
	if !strings.Contains(text, "November 2026") || !strings.Contains(text, "You logged 8 calls in November") {
		t.Errorf("unlocked screen shows:\n%s", text)
	}
	if n := len(findAll[*chart](s.body)); n < 3 {
		t.Errorf("%d charts, want bars, the stress line and the hour grid", n)
	}

	// Locking on the Journal screen drops every figure here too.
	js := p.show(screenJournal).(*journalScreen)
	settle(p)
	if js.form == nil {
		t.Fatal("the journal screen did not follow the unlock")
	}
	js.lockNow()
	settle(p)
	if text := labelsText(s.body); strings.Contains(text, "You logged") || !strings.Contains(text, "Your journal is locked") {
		t.Errorf("after locking, the summary shows:\n%s", text)
	}
}

func TestSummaryScreenKeys(t *testing.T) {
	p, s := summaryPoise(t)
	unlockSummary(t, p, s)
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	pump(t, p, func() bool { return strings.Contains(labelsText(s.body), "You logged 4 calls in October") })
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	pump(t, p, func() bool { return strings.Contains(labelsText(s.body), "December 2026 has not happened yet") })
	s.TypedRune('y')
	pump(t, p, func() bool { return strings.Contains(labelsText(s.body), "12 entries in 2026.") })
}

func TestSummaryScreenReview(t *testing.T) {
	p, s := summaryPoise(t)
	unlockSummary(t, p, s)
	offer := buttonNamed(t, s.body, "Review October")
	test.Tap(offer)
	dlg := p.win.Canvas().Overlays().Top()
	if dlg == nil {
		t.Fatal("no review dialog")
	}
	entries := findAll[*widget.Entry](dlg)
	if len(entries) != 3 {
		t.Fatalf("%d fields, want went well, to try and a goal", len(entries))
	}
	test.Type(entries[0], "Stayed calm")
	test.Type(entries[2], "Offer the date first")
	test.Tap(buttonNamed(t, dlg, "Save"))
	pump(t, p, func() bool {
		rs, _ := s.j.Reviews()
		return len(rs) == 1
	})
	rs, _ := s.j.Reviews()
	if rs[0].Month != "2026-10" || rs[0].WentWell != "Stayed calm" || rs[0].Goal != "Offer the date first" {
		t.Errorf("review = %+v", rs[0])
	}
	pump(t, p, func() bool { return strings.Contains(labelsText(s.body), "Offer the date first") })
	for _, b := range findAll[*widget.Button](s.body) {
		if b.Text == "Not now" {
			t.Error("the review is still offered after it was saved")
		}
	}
}

// TestSummaryScreenReviewGoalResult checks the "How did it go?" answers are
// the journal's goal results and that the one picked is the one saved.
func TestSummaryScreenReviewGoalResult(t *testing.T) {
	p, s := summaryPoise(t)
	unlockSummary(t, p, s)
	if _, err := s.j.SaveReview(journal.Review{Month: "2026-09", Goal: "Breathe first"}); err != nil {
		t.Fatal(err)
	}
	old := s.body.Objects[0]
	s.refresh()
	pump(t, p, func() bool { return s.body.Objects[0] != old && strings.Contains(labelsText(s.body), "You logged") })
	test.Tap(buttonNamed(t, s.body, "Review October"))
	dlg := p.win.Canvas().Overlays().Top()
	radios := findAll[*widget.RadioGroup](dlg)
	if len(radios) != 1 {
		t.Fatalf("%d answer groups, want one for last month's goal", len(radios))
	}
	if got := strings.Join(radios[0].Options, "|"); got != "Met|Partly|Not met" {
		t.Errorf("answers = %q", got)
	}
	radios[0].SetSelected("Not met")
	test.Tap(buttonNamed(t, dlg, "Save"))
	pump(t, p, func() bool {
		rs, _ := s.j.Reviews()
		return len(rs) == 2
	})
	rs, _ := s.j.Reviews()
	if rs[1].Month != "2026-10" || rs[1].LastGoal != journal.GoalNotMet {
		t.Errorf("review = %+v", rs[1])
	}
}

func TestSummaryScreenReadNextOpens(t *testing.T) {
	p, s := summaryPoise(t)
	startSearch(t, p)
	unlockSummary(t, p, s)
	var read *widget.Button
	pump(t, p, func() bool {
		for _, b := range findAll[*widget.Button](s.body) {
			if strings.Contains(b.Text, "for angry") && strings.Contains(b.Text, "(statement") {
				read = b
				return true
			}
		}
		return false
	})
	for _, b := range findAll[*widget.Button](s.body) {
		if strings.HasPrefix(b.Text, "Late delivery (") {
			t.Errorf("suggests %q, which already works for this agent", b.Text)
		}
	}
	test.Tap(read)
	if p.current != screenStatements {
		t.Errorf("reading opened on %q, want the Statements screen", p.current)
	}
}

func TestSummaryScreenExportShowsWhatIsWritten(t *testing.T) {
	p, s := summaryPoise(t)
	j := s.j
	if err := j.Unlock(journalPass); err != nil {
		t.Fatal(err)
	}
	if _, err := j.Save(journal.Entry{When: time.Date(2026, time.November, 20, 9, 0, 0, 0, time.Local), WhatHappened: "Secret story",
		Takeaway: "Ring jane@example.com first"}); err != nil {
		t.Fatal(err)
	}
	p.journalChanged()
	pump(t, p, func() bool { return strings.Contains(labelsText(s.body), "You logged 9 calls") })
	test.Tap(buttonNamed(t, s.body, "Share with your team lead"))
	dlg := p.win.Canvas().Overlays().Top()
	var preview *widget.Label
	for _, l := range findAll[*widget.Label](dlg) {
		if l.Selectable {
			preview = l
		}
	}
	if preview == nil || strings.Contains(preview.Text, "jane") || strings.Contains(preview.Text, "Secret") || !strings.Contains(preview.Text, `"entries": 9`) {
		t.Fatalf("preview before picking:\n%v", preview)
	}
	checks := findAll[*widget.Check](dlg)
	if len(checks) != 1 {
		t.Fatalf("%d takeaways offered, want 1", len(checks))
	}
	test.Tap(checks[0])
	if !strings.Contains(preview.Text, "Ring •••@example.com first") {
		t.Errorf("picked takeaway not shown masked:\n%s", preview.Text)
	}
	if len(findAll[*widget.Entry](dlg)) != 0 {
		t.Error("the dialog has a field that could change what is shown")
	}
}

// TestSummaryScreenFitsANarrowWindow: in a 480 px window the toolbar
// (arrows, the month, Month/Year, Review December) needed 530 px and ran
// past the window's edge. Review moves to a second row there; in a wide
// window it stays on the one row, beside Month/Year.
func TestSummaryScreenFitsANarrowWindow(t *testing.T) {
	for _, tt := range []struct {
		name       string
		width      float32
		reviewRow2 bool
	}{
		{"narrow", 480, true},
		{"wide", 1280, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, s := summaryPoise(t)
			p.win.Resize(fyne.NewSize(tt.width, 700))
			unlockSummary(t, p, s)
			s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
			pump(t, p, func() bool { return strings.Contains(labelsText(s.body), "December 2026 has not happened yet") })
			if min, got := s.MinSize().Width, s.Size().Width; min > got {
				t.Errorf("the Summary screen needs %v px, given %v in a %v px window", min, got, tt.width)
			}
			d := fyne.CurrentApp().Driver()
			review := buttonNamed(t, s.body, "Review December")
			month := buttonNamed(t, s.body, "Month")
			rp, mp := d.AbsolutePositionForObject(review), d.AbsolutePositionForObject(month)
			if right := rp.X + review.Size().Width; right > tt.width {
				t.Errorf("Review ends at %v px, past the %v px window", right, tt.width)
			}
			if onRow2 := rp.Y >= mp.Y+month.Size().Height; onRow2 != tt.reviewRow2 {
				t.Errorf("Review at y %v, Month at y %v: on a second row %v, want %v", rp.Y, mp.Y, onRow2, tt.reviewRow2)
			}
			// What is under the toolbar starts below it, Review included.
			hint := labelStarting(t, s.body, "← → move between")
			if hp := d.AbsolutePositionForObject(hint); hp.Y < rp.Y+review.Size().Height {
				t.Errorf("the hint at y %v overlaps Review (y %v to %v)", hp.Y, rp.Y, rp.Y+review.Size().Height)
			}
		})
	}
}

func labelStarting(t *testing.T, o fyne.CanvasObject, prefix string) *widget.Label {
	t.Helper()
	for _, l := range findAll[*widget.Label](o) {
		if strings.HasPrefix(l.Text, prefix) {
			return l
		}
	}
	t.Fatalf("no label starts %q", prefix)
	return nil
}
