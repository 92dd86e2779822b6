package summary

import (
	"fmt"
	"strings"
	"time"
)

// Markdown renders the year as tables, one column per month.
func (y *Year) Markdown() string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# %d at a glance\n\n", y.Year)
	if y.Entries == 0 {
		w("No entries in %d.\n", y.Year)
		return b.String()
	}
	w("%s in the year.\n\n| |", plural(y.Entries, "entry", "entries"))
	for i := range 12 {
		w(" %s |", time.Month(i + 1).String()[:3])
	}
	w("\n|---|%s\n", strings.Repeat("---:|", 12))
	row := func(name string, cell func(YearMonth) string) {
		w("| %s |", name)
		for _, m := range y.Months {
			if m.Future {
				w(" |")
				continue
			}
			w(" %s |", cell(m))
		}
		w("\n")
	}
	mean := func(m Mean) string {
		if m.N == 0 {
			return "–"
		}
		return one(m.Value)
	}
	row("Calls", func(m YearMonth) string { return fmt.Sprint(m.Entries) })
	row("Difficulty", func(m YearMonth) string { return mean(m.Difficulty) })
	row("Stress before", func(m YearMonth) string { return mean(m.StressBefore) })
	row("Stress after", func(m YearMonth) string { return mean(m.StressAfter) })
	row("Ended well", func(m YearMonth) string {
		if m.BaseRate.Of == 0 {
			return "–"
		}
		return fmt.Sprintf("%d/%d", m.BaseRate.Successes, m.BaseRate.Of)
	})
	for k, o := range outcomeLabels() {
		row(capital(o), func(m YearMonth) string { return fmt.Sprint(m.Outcomes[k]) })
	}
	for _, t := range y.Triggers {
		w("| %s |", capital(mdText(t.Label)))
		for i, m := range y.Months {
			if m.Future {
				w(" |")
				continue
			}
			w(" %d |", t.Months[i])
		}
		w("\n")
	}
	w("\n")
	return b.String()
}
