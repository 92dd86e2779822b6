package summary

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/poisehq/poise/internal/textcase"
	"github.com/poisehq/poise/journal"
)

// headlines writes the sentences the numbers support, most telling
// first. Each one names its counts.
func (b *Book) headlines(s *Summary, m Month) []Headline {
	var out []Headline
	add := func(private bool, format string, args ...any) {
		out = append(out, Headline{Text: fmt.Sprintf(format, args...), Private: private})
	}
	prevName := m.Add(-1).Month.String()
	switch s.Entries {
	case 0:
		add(false, "No entries in %s.", m.Label())
		return out
	case 1:
		add(false, "One entry in %s: too few to see patterns yet.", m.Label())
	default:
		line := fmt.Sprintf("You logged %d calls in %s", s.Entries, m.Month)
		if c := change(s.Entries, s.PrevEntries, s.Avg3Entries, 1); c != "" {
			line += fmt.Sprintf(", %s %d in %s", c, s.PrevEntries, prevName)
		}
		if s.Difficulty.N > 0 {
			line += fmt.Sprintf("; they rated %s of 5 for difficulty on average", one(s.Difficulty.Value))
		}
		add(false, "%s.", line)
	}
	for _, c := range s.Triggers {
		if h := movement(c, prevName, len(s.Triggers)); h != "" {
			add(false, "%s", h)
		}
	}
	for _, c := range s.Outcomes {
		if c.Name == "escalated" || c.Name == "unresolved" {
			c.Label += " calls"
			if h := movement(c, prevName, 2); h != "" {
				add(false, "%s", h)
			}
		}
	}
	for _, w := range s.WhatWorks {
		if w.Verdict != VerdictBetter {
			continue
		}
		add(!w.shareable, "%s ended well in %d of the %d calls where you used it; %d of %d of all your calls did.",
			capital(w.Label), w.Rate.Successes, w.Rate.Of, s.BaseRate.Successes, s.BaseRate.Of)
		break
	}
	for _, w := range s.WhatWorks {
		if w.Verdict == VerdictWorse {
			add(!w.shareable, "%s ended well in only %d of %d calls, below your usual %d of %d.",
				capital(w.Label), w.Rate.Successes, w.Rate.Of, s.BaseRate.Successes, s.BaseRate.Of)
			break
		}
	}
	if st := s.Stress; st.Before.N >= MinUses {
		drop := st.Before.Value - st.After.Value
		for _, d := range st.Drops {
			if d.Judged && d.Mean >= drop+1 && st.Before.N-d.Uses >= MinUses {
				add(!d.shareable, "Your stress fell by %s points on average after calls where you used %s (%d calls), against %s overall.",
					one(d.Mean), d.Label, d.Uses, one(drop))
				break
			}
		}
	}
	if p := s.Timing.Peak; p != nil {
		add(false, "Hard calls cluster on %s %ss: %d of your %d hard calls, though only %d of all %d calls came then.",
			p.Weekday, p.Part, p.Hard, p.AllHard, p.All, p.Total)
	}
	if len(s.Pairs) > 0 {
		pr := s.Pairs[0]
		add(!slices.Contains(journal.Emotions, pr.Emotion), "%s and %s customers came together again: %d calls this month.", capital(triggerLabel(pr.Trigger)), pr.Emotion, pr.Count)
	}
	if f := s.FollowUps; f.Missed > 0 {
		add(false, "%s missed this month.", plural(f.Missed, "follow-up was", "follow-ups were"))
	}
	if len(s.Words) > 0 {
		var ws []string
		for i, w := range s.Words {
			if i == 3 {
				break
			}
			ws = append(ws, "“"+w.Text+"”")
		}
		add(true, "Words that stand out this month: %s.", strings.Join(ws, ", "))
	}
	if g := s.Goal; g != nil {
		res := "review this month to say how it went"
		if g.Result != "" {
			res = "you said: " + g.Result.Label()
		}
		add(true, "Your goal for %s was “%s”; %s.", m.Month, g.Text, res)
	}
	return out
}

// change words a count against the previous month, or "" unless it moved
// clearly against the three months before (see shifted) and by half or
// double against the last.
func change(cur, prev int, avg3 float64, tests int) string {
	base := int(math.Round(avg3 * 3))
	switch {
	case prev > 0 && cur >= 3*prev && shifted(cur, base, tests, true):
		return "three times or more the"
	case prev > 0 && cur >= 2*prev && shifted(cur, base, tests, true):
		return "double or more the"
	case cur*2 <= prev && shifted(cur, base, tests, false):
		return "half or less of the"
	}
	return ""
}

// movement is a sentence about a count that doubled, halved or appeared.
func movement(c Count, prevName string, tests int) string {
	label := capital(c.Label)
	base := int(math.Round(c.Avg3 * 3))
	switch {
	case c.Prev > 0 && c.Count >= 3*c.Prev && shifted(c.Count, base, tests, true):
		return fmt.Sprintf("%s tripled or more since %s: %d calls, up from %d.", label, prevName, c.Count, c.Prev)
	case c.Prev > 0 && c.Count >= 2*c.Prev && shifted(c.Count, base, tests, true):
		return fmt.Sprintf("%s doubled since %s: %d calls, up from %d.", label, prevName, c.Count, c.Prev)
	case c.Prev == 0 && base == 0 && shifted(c.Count, base, tests, true):
		return fmt.Sprintf("%s: %d calls this month, none in the three months before.", label, c.Count)
	case c.Count*2 <= c.Prev && shifted(c.Count, base, tests, false):
		return fmt.Sprintf("%s halved since %s: %d calls, down from %d.", label, prevName, c.Count, c.Prev)
	}
	return ""
}

func one(f float64) string { return fmt.Sprintf("%.1f", f) }

func capital(s string) string {
	if s == "" {
		return s
	}
	if s[0] == '#' {
		return s
	}
	return textcase.UpperFirst(s)
}
