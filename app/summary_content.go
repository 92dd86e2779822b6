package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/journal/summary"
)

func sectionHead(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func caption(text string) *widget.Label {
	l := wrapped(text)
	secondary(l)
	return l
}

func countBars(cs []summary.Count) []bar {
	var out []bar
	for i, c := range cs {
		if i == 8 {
			break
		}
		out = append(out, bar{label: c.Label, value: c.Count, prev: c.Prev})
	}
	return out
}

// monthContent is one month: headlines first, then the charts, then the
// lists that need words.
func (s *summaryScreen) monthContent(sum *summary.Summary) fyne.CanvasObject {
	box := container.NewVBox()
	for i, h := range sum.Headlines {
		l := wrapped("•  " + h.Text)
		if i == 0 {
			l.TextStyle.Bold = true
		}
		box.Add(l)
	}
	for _, n := range sum.Notes {
		box.Add(caption(n))
	}
	if sum.Future || sum.Entries == 0 {
		return box
	}
	prevName := sum.Label
	if m, err := summary.ParseMonth(sum.Month); err == nil {
		prevName = m.Add(-1).Month.String()
	}
	trig := container.NewVBox(sectionHead("Triggers"))
	if len(sum.Triggers) == 0 {
		trig.Add(caption("No triggers recorded."))
	} else {
		trig.Add(newBarChart(countBars(sum.Triggers), "this month", prevName))
	}
	outc := container.NewVBox(sectionHead("Outcomes"), newBarChart(countBars(sum.Outcomes), "this month", prevName))
	box.Add(container.NewGridWithColumns(2, trig, outc))

	box.Add(sectionHead("Your stress, before and after calls, over 12 months"))
	var pts []linePoint
	for _, t := range sum.Stress.Trend {
		m, _ := summary.ParseMonth(t.Month)
		pts = append(pts, linePoint{label: m.Month.String()[:3], before: t.Before, after: t.After, ok: t.N > 0})
	}
	box.Add(newStressChart(pts))
	if st := sum.Stress; st.Before.N > 0 {
		box.Add(caption(fmt.Sprintf("This month: %.1f before, %.1f after, over %d calls with both recorded.", st.Before.Value, st.After.Value, st.Before.N)))
	}
	for i, d := range sum.Stress.Drops {
		if i == 3 {
			break
		}
		note := ""
		if !d.Judged {
			note = " (too few to tell)"
		}
		box.Add(wrapped(fmt.Sprintf("After %s: stress fell %.1f on average over %d calls%s", d.Label, d.Mean, d.Uses, note)))
	}

	box.Add(sectionHead("What works"))
	if sum.BaseRate.Of == 0 {
		box.Add(caption("No outcome or satisfaction recorded this month, so there is nothing to compare."))
	} else {
		box.Add(caption(fmt.Sprintf("Usually %d of %d calls end well (resolved, or satisfaction 4 or 5). Fewer than %d uses is too few to tell.",
			sum.BaseRate.Successes, sum.BaseRate.Of, summary.MinUses)))
		for _, w := range sum.WhatWorks {
			l := wrapped(fmt.Sprintf("%s: %d of %d ended well, %s", w.Label, w.Rate.Successes, w.Rate.Of, w.Verdict))
			if w.Verdict == summary.VerdictTooFew {
				secondary(l)
			}
			box.Add(l)
		}
	}

	box.Add(sectionHead("When hard calls happen"))
	box.Add(s.hourGrid(sum.Timing))
	box.Add(caption("Red: hard calls (difficulty 4 or 5). Grey: all calls. Stronger colour means more."))

	if len(sum.Words) > 0 {
		var ws []string
		for _, w := range sum.Words {
			ws = append(ws, fmt.Sprintf("%s (%d)", w.Text, w.Entries))
		}
		box.Add(sectionHead("Words that stand out"))
		box.Add(wrapped(strings.Join(ws, " · ")))
	}
	if len(sum.Takeaways) > 0 {
		box.Add(sectionHead("Your takeaways"))
		for _, t := range sum.Takeaways {
			box.Add(wrapped(t.When.Format("Jan 2") + ": " + t.Text))
		}
	}
	if f := sum.FollowUps; f.Due > 0 {
		box.Add(sectionHead("Follow-ups"))
		box.Add(wrapped(fmt.Sprintf("%d due: %d kept, %d kept late, %d missed, %d still open.", f.Due, f.Kept, f.KeptLate, f.Missed, f.Open)))
	}
	if g := sum.Goal; g != nil {
		res := "not reviewed yet"
		if g.Result != "" {
			res = "you said: " + g.Result.Label()
		}
		box.Add(sectionHead("Your goal this month"))
		box.Add(wrapped(fmt.Sprintf("%s (%s)", g.Text, res)))
	}
	if len(sum.ReadNext) > 0 {
		box.Add(sectionHead("What to read next"))
		for _, r := range sum.ReadNext {
			id := r.ID
			b := widget.NewButtonWithIcon(fmt.Sprintf("%s (%s, for %s)", r.Title, r.Kind, r.For), theme.NavigateNextIcon(), func() { s.p.open(id) })
			b.Alignment = widget.ButtonAlignLeading
			b.Importance = widget.LowImportance
			box.Add(b)
		}
	}
	share := widget.NewButtonWithIcon("Share with your team lead…", theme.MailSendIcon(), func() { s.showExport(sum) })
	box.Add(sectionHead("Team case reviews"))
	box.Add(caption("An anonymised copy: counts, trends and headlines, without anything you wrote unless you pick it."))
	box.Add(container.NewHBox(share))
	return box
}

var weekdaysMon = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

func (s *summaryScreen) hourGrid(t summary.Timing) fyne.CanvasObject {
	rows := make([]string, 7)
	for i, d := range weekdaysMon {
		rows[i] = d.String()[:3]
	}
	cols := make([]string, 24)
	for h := 0; h < 24; h += 3 {
		cols[h] = fmt.Sprintf("%02d", h)
	}
	return newGrid(rows, cols, func(r, c int) (int, int) {
		d := weekdaysMon[r]
		return t.Hard[d][c], t.All[d][c]
	})
}

// yearContent is the twelve months side by side.
func (s *summaryScreen) yearContent(y *summary.Year) fyne.CanvasObject {
	box := container.NewVBox()
	if y.Entries == 0 {
		box.Add(wrapped(fmt.Sprintf("No entries in %d.", y.Year)))
		return box
	}
	box.Add(wrapped(fmt.Sprintf("%s in %d.", plural(y.Entries, "entry", "entries"), y.Year)))
	var bars []bar
	var pts []linePoint
	months := make([]string, 12)
	for i, m := range y.Months {
		name := time.Month(i + 1).String()[:3]
		months[i] = name
		bars = append(bars, bar{label: name, value: m.Entries, prev: m.BaseRate.Successes})
		pts = append(pts, linePoint{label: name, before: m.StressBefore.Value, after: m.StressAfter.Value, ok: m.StressBefore.N > 0})
	}
	box.Add(sectionHead("Calls each month"))
	box.Add(newBarChart(bars, "calls", "ended well"))
	box.Add(sectionHead("Your stress, before and after calls"))
	box.Add(newStressChart(pts))
	if len(y.Triggers) > 0 {
		var rows []string
		for _, t := range y.Triggers {
			rows = append(rows, t.Label)
		}
		box.Add(sectionHead("Top triggers, month by month"))
		box.Add(newGrid(rows, months, func(r, c int) (int, int) { return y.Triggers[r].Months[c], y.Months[c].Entries }))
		box.Add(caption("Red: calls with the trigger. Grey: all calls that month. Stronger colour means more."))
	}
	return box
}
