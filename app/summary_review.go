package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/internal/textcase"
	"github.com/poisehq/poise/journal"
	"github.com/poisehq/poise/journal/summary"
)

// goalAnswer is a goal result as the review's radio shows it: the
// journal's label in sentence case ("Not met").
func goalAnswer(g journal.GoalResult) string {
	l := g.Label()
	return textcase.UpperFirst(l)
}

// showReview asks the three review questions for month m, and how the
// previous review's goal went, then saves the answers encrypted.
func (s *summaryScreen) showReview(m summary.Month, reviews []journal.Review) {
	var cur, prev journal.Review
	for _, r := range reviews {
		switch r.Month {
		case m.String():
			cur = r
		case m.Add(-1).String():
			prev = r
		}
	}
	multi := func(text, hint string) *widget.Entry {
		e := widget.NewMultiLineEntry()
		e.Wrapping = fyne.TextWrapWord
		e.SetMinRowsVisible(3)
		e.SetPlaceHolder(hint)
		e.SetText(text)
		return e
	}
	well := multi(cur.WentWell, "A call you handled well, a habit that helped…")
	try := multi(cur.TryNext, "Something to try differently next month…")
	goal := widget.NewEntry()
	goal.SetPlaceHolder("One goal for " + m.Add(1).Month.String())
	goal.SetText(cur.Goal)
	items := []*widget.FormItem{
		widget.NewFormItem("What went well", well),
		widget.NewFormItem("What to try", try),
		widget.NewFormItem("One goal", goal),
	}
	var last *widget.RadioGroup
	if prev.Goal != "" {
		var answers []string
		for _, g := range journal.GoalResults {
			answers = append(answers, goalAnswer(g))
		}
		last = widget.NewRadioGroup(answers, nil)
		last.Horizontal = true
		if cur.LastGoal != "" {
			last.SetSelected(goalAnswer(cur.LastGoal))
		}
		items = append([]*widget.FormItem{widget.NewFormItem("Your goal was", wrapped(prev.Goal)), widget.NewFormItem("How did it go?", last)}, items...)
	}
	d := dialog.NewForm("Review "+m.Label(), "Save", "Cancel", items, func(ok bool) {
		s.dialog = nil
		if !ok {
			return
		}
		r := journal.Review{Month: m.String(), WentWell: well.Text, TryNext: try.Text, Goal: strings.TrimSpace(goal.Text)}
		if last != nil {
			for _, g := range journal.GoalResults {
				if last.Selected == goalAnswer(g) {
					r.LastGoal = g
				}
			}
		}
		go func() {
			_, err := s.j.SaveReview(r)
			s.p.do(func() {
				if err != nil {
					s.p.showError(err, "The review could not be saved. Check that the data folder is writable, then try again.")
					return
				}
				s.p.toast(fmt.Sprintf("Review of %s saved, encrypted with your journal.", m.Label()))
				s.refresh()
			})
		}()
	}, s.p.win)
	d.Resize(fyne.NewSize(600, 480))
	s.dialog = d
	d.Show()
}
