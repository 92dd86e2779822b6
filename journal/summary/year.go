package summary

import (
	"time"

	"github.com/poisehq/poise/journal"
)

// Year is twelve months side by side, for the same measures.
type Year struct {
	Year   int         `json:"year"`
	Months []YearMonth `json:"months"`
	// Triggers are the year's most frequent triggers, with a count for
	// each month.
	Triggers []YearRow `json:"triggers"`
	Entries  int       `json:"entries"`
}

// YearMonth is one month of a Year.
type YearMonth struct {
	Month        string   `json:"month"`
	Future       bool     `json:"future,omitempty"`
	Entries      int      `json:"entries"`
	Difficulty   Mean     `json:"difficulty"`
	StressBefore Mean     `json:"stress_before"`
	StressAfter  Mean     `json:"stress_after"`
	Outcomes     []int    `json:"outcomes"` // in journal.Outcomes order
	BaseRate     Rate     `json:"base_rate"`
	TopTriggers  []string `json:"top_triggers"`
}

// YearRow is one name's count per month.
type YearRow struct {
	Name   string `json:"name"`
	Label  string `json:"label"`
	Months []int  `json:"months"`
	Total  int    `json:"total"`
}

// Year summarises the twelve months of y.
func (b *Book) Year(y int) *Year {
	out := &Year{Year: y, Triggers: []YearRow{}}
	rows := map[string]*YearRow{}
	for i := range 12 {
		m := Month{y, time.Month(i + 1)}
		ps := b.months[m]
		ym := YearMonth{Month: m.String(), Future: b.now.Before(m), Entries: len(ps), Outcomes: make([]int, len(journal.Outcomes)), TopTriggers: []string{}}
		ym.Difficulty = meanOf(ps, func(e *journal.Entry) int { return e.Difficulty })
		ym.StressBefore, ym.StressAfter = stressMeans(ps)
		for _, p := range ps {
			for k, o := range journal.Outcomes {
				if p.e.Outcome == o {
					ym.Outcomes[k]++
				}
			}
			if rec, good := judged(p.e); rec {
				ym.BaseRate.Of++
				if good {
					ym.BaseRate.Successes++
				}
			}
		}
		counts := tally(ps, triggerNames)
		for n, c := range counts {
			r := rows[n]
			if r == nil {
				r = &YearRow{Name: n, Label: triggerLabel(n), Months: make([]int, 12)}
				rows[n] = r
			}
			r.Months[i] = c
			r.Total += c
		}
		ym.TopTriggers = append(ym.TopTriggers, topOf(counts, 3)...)
		out.Entries += len(ps)
		out.Months = append(out.Months, ym)
	}
	all := map[string]int{}
	for n, r := range rows {
		all[n] = r.Total
	}
	for _, n := range topOf(all, 6) {
		out.Triggers = append(out.Triggers, *rows[n])
	}
	return out
}

// topOf is the n names with the highest counts, ties by name.
func topOf(counts map[string]int, n int) []string {
	var cs []Count
	for k, v := range counts {
		cs = append(cs, Count{Name: k, Count: v})
	}
	sortCounts(cs)
	var out []string
	for i, c := range cs {
		if i == n {
			break
		}
		out = append(out, c.Name)
	}
	return out
}

func outcomeLabels() []string {
	var out []string
	for _, o := range journal.Outcomes {
		out = append(out, o.Label())
	}
	return out
}
