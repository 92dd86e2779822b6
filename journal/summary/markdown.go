package summary

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// Markdown renders the summary as a markdown document. Free text is made
// inert: control characters (which could forge terminal output) are
// dropped and markdown punctuation is escaped.
func (s *Summary) Markdown() string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# Summary for %s\n\n", s.Label)
	w("## Headlines\n\n")
	for _, h := range s.Headlines {
		w("- %s\n", mdText(h.Text))
	}
	w("\n")
	if s.Future || s.Entries == 0 {
		writeNotes(&b, s.Notes)
		return b.String()
	}
	prev := monthName(s.Month, -1)
	w("## Encounters\n\n| | This month | %s | 3-month average |\n|---|---:|---:|---:|\n", prev)
	w("| Calls | %d | %d | %.1f |\n", s.Entries, s.PrevEntries, s.Avg3Entries)
	w("| Difficulty (of 5) | %s | %s | |\n\n", meanCell(s.Difficulty), meanCell(s.PrevDifficulty))

	countTable(&b, "Triggers", "Trigger", prev, s.Triggers)
	countTable(&b, "Customer emotions", "Emotion", prev, s.Emotions)
	countTable(&b, "Channels", "Channel", prev, s.Channels)
	if len(s.Pairs) > 0 {
		w("## Triggers and emotions that keep coming together\n\n| Trigger | Emotion | This month | Of the 3 months before |\n|---|---|---:|---:|\n")
		for _, p := range s.Pairs {
			w("| %s | %s | %d | %d |\n", mdText(triggerLabel(p.Trigger)), mdText(p.Emotion), p.Count, p.EarlierMonths)
		}
		w("\n")
	}
	countTable(&b, "Outcomes", "Outcome", prev, s.Outcomes)

	w("## Your stress\n\n")
	if s.Stress.Before.N == 0 {
		w("No call this month recorded your stress both before and after.\n\n")
	} else {
		w("Before calls %s, after %s, on average over %s with both recorded.\n\n", one(s.Stress.Before.Value), one(s.Stress.After.Value), plural(s.Stress.Before.N, "call", "calls"))
	}
	w("| Month | Before | After | Calls |\n|---|---:|---:|---:|\n")
	for _, t := range s.Stress.Trend {
		if t.N == 0 {
			w("| %s | – | – | 0 |\n", t.Month)
			continue
		}
		w("| %s | %s | %s | %d |\n", t.Month, one(t.Before), one(t.After), t.N)
	}
	w("\n")
	if len(s.Stress.Drops) > 0 {
		w("What came before the largest drops:\n\n| Tried | Calls | Mean drop | |\n|---|---:|---:|---|\n")
		for _, d := range s.Stress.Drops {
			note := ""
			if !d.Judged {
				note = string(VerdictTooFew)
			}
			w("| %s | %d | %s | %s |\n", mdText(d.Label), d.Uses, one(d.Mean), note)
		}
		w("\n")
	}

	w("## What works\n\n")
	if s.BaseRate.Of == 0 {
		w("No call this month recorded an outcome or a satisfaction score, so there is nothing to compare.\n\n")
	} else {
		w("Your usual rate: %d of %d calls ended well (resolved, or satisfaction 4 or 5). Anything tried fewer than %d times is too few to tell.\n\n",
			s.BaseRate.Successes, s.BaseRate.Of, MinUses)
		if len(s.WhatWorks) == 0 {
			w("Nothing tried was recorded this month.\n\n")
		} else {
			w("| Tried | Ended well | Verdict |\n|---|---:|---|\n")
			for _, x := range s.WhatWorks {
				w("| %s | %d of %d | %s |\n", mdText(x.Label), x.Rate.Successes, x.Rate.Of, x.Verdict)
			}
			w("\n")
		}
	}

	w("## When hard calls happen\n\n")
	if p := s.Timing.Peak; p != nil {
		w("Hard calls (difficulty 4 or 5) cluster on %s %ss: %d of %d, while %d of all %d calls came then.\n\n", p.Weekday, p.Part, p.Hard, p.AllHard, p.All, p.Total)
	} else {
		w("Hard calls do not cluster at any one time this month.\n\n")
	}
	w("Hard calls / all calls:\n\n| | Night | Morning | Afternoon | Evening |\n|---|---:|---:|---:|---:|\n")
	for _, d := range weekdaysMondayFirst {
		w("| %s |", d.String()[:3])
		for _, part := range dayParts {
			var hard, all int
			for h := part.from; h < part.to; h++ {
				hard += s.Timing.Hard[d][h]
				all += s.Timing.All[d][h]
			}
			w(" %d / %d |", hard, all)
		}
		w("\n")
	}
	w("\n")

	if len(s.Words) > 0 {
		w("## Words that stand out\n\n")
		for _, x := range s.Words {
			w("- %s (%s)\n", mdText(x.Text), plural(x.Entries, "entry", "entries"))
		}
		w("\n")
	}
	if len(s.Takeaways) > 0 {
		w("## Your takeaways\n\n")
		for _, t := range s.Takeaways {
			w("- %s: %s\n", t.When.Format("Jan 2"), mdText(t.Text))
		}
		w("\n")
	}
	if f := s.FollowUps; f.Due > 0 {
		w("## Follow-ups\n\n%d due: %d kept, %d kept late, %d missed, %d still open.\n\n", f.Due, f.Kept, f.KeptLate, f.Missed, f.Open)
	}
	if g := s.Goal; g != nil {
		res := "not reviewed yet"
		if g.Result != "" {
			res = g.Result.Label()
		}
		w("## Your goal this month\n\n%s (%s)\n\n", mdText(g.Text), res)
	}
	if len(s.ReadNext) > 0 {
		w("## What to read next\n\n")
		for _, r := range s.ReadNext {
			w("- %s (%s, for %s): `%s`\n", mdText(r.Title), mdText(r.Kind), mdText(r.For), strings.ReplaceAll(clean(r.ID), "`", ""))
		}
		w("\n")
	}
	writeNotes(&b, s.Notes)
	return b.String()
}

var weekdaysMondayFirst = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

func writeNotes(b *strings.Builder, notes []string) {
	if len(notes) == 0 {
		return
	}
	b.WriteString("## Notes\n\n")
	for _, n := range notes {
		fmt.Fprintf(b, "- %s\n", mdText(n))
	}
	b.WriteString("\n")
}

func countTable(b *strings.Builder, title, col, prev string, cs []Count) {
	fmt.Fprintf(b, "## %s\n\n", title)
	if len(cs) == 0 {
		b.WriteString("None recorded.\n\n")
		return
	}
	fmt.Fprintf(b, "| %s | This month | %s | 3-month average |\n|---|---:|---:|---:|\n", col, prev)
	for _, c := range cs {
		fmt.Fprintf(b, "| %s | %d | %d | %.1f |\n", mdText(c.Label), c.Count, c.Prev, c.Avg3)
	}
	b.WriteString("\n")
}

func meanCell(m Mean) string {
	if m.N == 0 {
		return "not recorded"
	}
	return fmt.Sprintf("%s (%d rated)", one(m.Value), m.N)
}

func monthName(month string, delta int) string {
	m, err := ParseMonth(month)
	if err != nil {
		return "Previous month"
	}
	return m.Add(delta).Month.String()
}

// clean drops control characters and folds line breaks to spaces.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Bidi_Control, r):
			return -1
		}
		return r
	}, s)
}

var mdEscaper = strings.NewReplacer(`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`, "!", `\!`)

// mdText makes free text safe to place in a markdown line or table cell.
func mdText(s string) string { return mdEscaper.Replace(clean(s)) }
