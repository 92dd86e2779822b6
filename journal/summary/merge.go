package summary

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Team is several agents' exports combined: what the team faces most and
// what works across people, without any journal.
type Team struct {
	Months []string `json:"months"`
	// Duplicates counts exports given more than once and counted once.
	Duplicates   int         `json:"duplicates,omitempty"`
	Agents       int         `json:"agents"`
	Entries      int         `json:"entries"`
	Difficulty   Mean        `json:"difficulty"`
	Triggers     []TeamCount `json:"triggers"`
	Emotions     []TeamCount `json:"emotions"`
	Channels     []TeamCount `json:"channels"`
	Outcomes     []TeamCount `json:"outcomes"`
	StressBefore Mean        `json:"stress_before"`
	StressAfter  Mean        `json:"stress_after"`
	BaseRate     Rate        `json:"base_rate"`
	WhatWorks    []TeamWorks `json:"what_works"`
	Headlines    []string    `json:"headlines"`
	Takeaways    []string    `json:"takeaways"`
}

// TeamCount is a count summed over exports, with how many agents had it.
type TeamCount struct {
	Name   string `json:"name"`
	Label  string `json:"label"`
	Count  int    `json:"count"`
	Agents int    `json:"agents"`
}

// TeamWorks is one item's results summed over agents.
type TeamWorks struct {
	Name    string  `json:"name"`
	Label   string  `json:"label"`
	Rate    Rate    `json:"rate"`
	Agents  int     `json:"agents"`
	Verdict Verdict `json:"verdict"`
}

// minAgents is how many people must have used something before the team
// view says it works across people.
const minAgents = 2

// Merge combines exports. Each export counts as its Agents, once: a
// second copy of one (same ID) is left out and counted in Duplicates.
func Merge(xs []Export) *Team {
	t := &Team{Months: []string{}, Headlines: []string{}, Takeaways: []string{}}
	var diff, before, after [2]float64 // sum, n
	trig, emo, ch, out := map[string]*TeamCount{}, map[string]*TeamCount{}, map[string]*TeamCount{}, map[string]*TeamCount{}
	works := map[string]*TeamWorks{}
	seen := map[string]bool{}
	for _, x := range xs {
		if x.ID != "" {
			if seen[x.ID] {
				t.Duplicates++
				continue
			}
			seen[x.ID] = true
		}
		if !slices.Contains(t.Months, x.Month) {
			t.Months = append(t.Months, x.Month)
		}
		t.Agents += x.Agents
		t.Entries += x.Entries
		for _, p := range []struct {
			acc *[2]float64
			m   Mean
		}{{&diff, x.Difficulty}, {&before, x.StressBefore}, {&after, x.StressAfter}} {
			p.acc[0] += p.m.Value * float64(p.m.N)
			p.acc[1] += float64(p.m.N)
		}
		t.BaseRate.Of += x.BaseRate.Of
		t.BaseRate.Successes += x.BaseRate.Successes
		for _, l := range []struct {
			m     map[string]*TeamCount
			cs    []Count
			label func(string) string
		}{{trig, x.Triggers, triggerLabel}, {emo, x.Emotions, emotionLabel}, {ch, x.Channels, channelLabel}, {out, x.Outcomes, outcomeLabel}} {
			for _, c := range l.cs {
				tc := l.m[c.Name]
				if tc == nil {
					tc = &TeamCount{Name: c.Name, Label: l.label(c.Name)}
					l.m[c.Name] = tc
				}
				tc.Count += c.Count
				if c.Count > 0 {
					tc.Agents += x.Agents
				}
			}
		}
		for _, w := range x.WhatWorks {
			tw := works[w.Name]
			if tw == nil {
				tw = &TeamWorks{Name: w.Name, Label: w.Label}
				works[w.Name] = tw
			}
			tw.Rate.Of += w.Rate.Of
			tw.Rate.Successes += w.Rate.Successes
			tw.Agents += x.Agents
		}
		t.Takeaways = append(t.Takeaways, x.Takeaways...)
	}
	slices.Sort(t.Months)
	mean := func(a [2]float64) Mean {
		if a[1] == 0 {
			return Mean{}
		}
		return Mean{Value: a[0] / a[1], N: int(a[1])}
	}
	t.Difficulty, t.StressBefore, t.StressAfter = mean(diff), mean(before), mean(after)
	t.Triggers, t.Emotions, t.Channels, t.Outcomes = teamList(trig), teamList(emo), teamList(ch), teamList(out)
	base := t.BaseRate.Fraction()
	t.WhatWorks = []TeamWorks{}
	for _, w := range works {
		w.Verdict = VerdictTooFew
		if w.Rate.Of >= MinUses {
			lo, hi := wilson(w.Rate.Successes, w.Rate.Of)
			switch {
			case lo > base:
				w.Verdict = VerdictBetter
			case hi < base:
				w.Verdict = VerdictWorse
			default:
				w.Verdict = VerdictUsual
			}
		}
		t.WhatWorks = append(t.WhatWorks, *w)
	}
	order := map[Verdict]int{VerdictBetter: 0, VerdictUsual: 1, VerdictWorse: 2, VerdictTooFew: 3}
	slices.SortFunc(t.WhatWorks, func(a, b TeamWorks) int {
		return cmp.Or(cmp.Compare(order[a.Verdict], order[b.Verdict]), cmp.Compare(b.Rate.Fraction(), a.Rate.Fraction()),
			cmp.Compare(b.Rate.Of, a.Rate.Of), strings.Compare(a.Name, b.Name))
	})
	t.Headlines = t.headlines()
	return t
}

func teamList(m map[string]*TeamCount) []TeamCount {
	out := []TeamCount{}
	for _, c := range m {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b TeamCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(b.Agents, a.Agents), strings.Compare(a.Name, b.Name))
	})
	return out
}

func (t *Team) headlines() []string {
	out := []string{fmt.Sprintf("%s from %s.", plural(t.Entries, "call", "calls"), plural(t.Agents, "person", "people"))}
	if len(t.Triggers) > 0 && t.Triggers[0].Count > 0 {
		c := t.Triggers[0]
		out = append(out, fmt.Sprintf("What the team faces most: %s, in %d calls, for %s of %d.", c.Label, c.Count, plural(c.Agents, "person", "people"), t.Agents))
	}
	for _, w := range t.WhatWorks {
		if w.Verdict == VerdictBetter && w.Agents >= minAgents {
			out = append(out, fmt.Sprintf("%s works across people: it ended well in %d of %d calls for %d people, against %d of %d for all calls.",
				capital(w.Label), w.Rate.Successes, w.Rate.Of, w.Agents, t.BaseRate.Successes, t.BaseRate.Of))
		}
	}
	return out
}

// Markdown renders the team view.
func (t *Team) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Team summary for %s\n\n", strings.Join(t.Months, ", "))
	switch t.Duplicates {
	case 0:
	case 1:
		b.WriteString("1 export was given twice and is counted once.\n\n")
	default:
		fmt.Fprintf(&b, "%d exports were given more than once and are counted once.\n\n", t.Duplicates)
	}
	b.WriteString("## Headlines\n\n")
	for _, h := range t.Headlines {
		fmt.Fprintf(&b, "- %s\n", mdText(h))
	}
	b.WriteString("\n")
	for _, l := range []struct {
		title string
		cs    []TeamCount
	}{{"Triggers", t.Triggers}, {"Customer emotions", t.Emotions}, {"Channels", t.Channels}, {"Outcomes", t.Outcomes}} {
		fmt.Fprintf(&b, "## %s\n\n", l.title)
		if len(l.cs) == 0 {
			b.WriteString("None recorded.\n\n")
			continue
		}
		b.WriteString("| | Calls | People |\n|---|---:|---:|\n")
		for _, c := range l.cs {
			fmt.Fprintf(&b, "| %s | %d | %d |\n", mdText(c.Label), c.Count, c.Agents)
		}
		b.WriteString("\n")
	}
	b.WriteString("## What works\n\n")
	if len(t.WhatWorks) == 0 {
		b.WriteString("Nothing tried was shared.\n\n")
	} else {
		fmt.Fprintf(&b, "All calls: %d of %d ended well.\n\n| Tried | Ended well | People | Verdict |\n|---|---:|---:|---|\n", t.BaseRate.Successes, t.BaseRate.Of)
		for _, w := range t.WhatWorks {
			fmt.Fprintf(&b, "| %s | %d of %d | %d | %s |\n", mdText(w.Label), w.Rate.Successes, w.Rate.Of, w.Agents, w.Verdict)
		}
		b.WriteString("\n")
	}
	if len(t.Takeaways) > 0 {
		b.WriteString("## Takeaways shared\n\n")
		for _, s := range t.Takeaways {
			fmt.Fprintf(&b, "- %s\n", mdText(s))
		}
		b.WriteString("\n")
	}
	return b.String()
}
