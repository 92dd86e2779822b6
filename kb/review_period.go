package kb

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Period is how often content should be reviewed: "6 months", "1 year".
// The zero Period means the file or pack does not say.
type Period struct {
	Count int
	Unit  PeriodUnit
}

// PeriodUnit is the unit of a Period.
type PeriodUnit uint8

// The units review_every may be written in.
const (
	Days PeriodUnit = iota + 1
	Weeks
	Months
	Years
)

// maxReviewDays bounds review_every, so a typo ("60 years") is caught
// rather than silently never due.
const maxReviewDays = 10 * 366

var periodUnits = map[string]PeriodUnit{
	"day": Days, "days": Days, "week": Weeks, "weeks": Weeks,
	"month": Months, "months": Months, "year": Years, "years": Years,
}

// IsZero reports whether the period is unset.
func (p Period) IsZero() bool { return p.Count == 0 }

// String writes the period as review_every takes it ("6 months").
func (p Period) String() string {
	if p.IsZero() {
		return ""
	}
	names := map[PeriodUnit]string{Days: "day", Weeks: "week", Months: "month", Years: "year"}
	s := strconv.Itoa(p.Count) + " " + names[p.Unit]
	if p.Count != 1 {
		s += "s"
	}
	return s
}

// MarshalText writes the period as String does, for JSON.
func (p Period) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// After is the date one period after t. Months and years follow the
// calendar (AddDate), so "1 month" after 31 January is 3 March, as Go's
// calendar arithmetic has it.
func (p Period) After(t time.Time) time.Time {
	switch p.Unit {
	case Days:
		return t.AddDate(0, 0, p.Count)
	case Weeks:
		return t.AddDate(0, 0, 7*p.Count)
	case Months:
		return t.AddDate(0, p.Count, 0)
	case Years:
		return t.AddDate(p.Count, 0, 0)
	}
	return t
}

// ParsePeriod reads a review interval written as a whole number and a unit:
// "6 months", "1 year", "2 weeks", "90 days". The message of its error says
// how to write one.
func ParsePeriod(s string) (Period, error) {
	fields := strings.Fields(s)
	if len(fields) != 2 {
		return Period{}, fmt.Errorf("%q is not a period; write a number and a unit, such as \"6 months\" or \"1 year\"", s)
	}
	n, err := strconv.Atoi(fields[0])
	unit, ok := periodUnits[strings.ToLower(fields[1])]
	switch {
	case err != nil || n < 1:
		return Period{}, fmt.Errorf("%q does not start with a whole number of 1 or more; write one such as \"6 months\"", s)
	case !ok:
		return Period{}, fmt.Errorf("%q has no unit Poise knows; use days, weeks, months or years, such as \"6 months\"", s)
	}
	p := Period{Count: n, Unit: unit}
	base := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if n > maxReviewDays || p.After(base).Sub(base) > maxReviewDays*24*time.Hour {
		return Period{}, fmt.Errorf("%q is longer than 10 years; review content at least once every 10 years", s)
	}
	return p, nil
}

// parseReviewDate reads a reviewed date written as YYYY-MM-DD.
func parseReviewDate(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date; write it as year-month-day, such as 2026-05-01", s)
	}
	return t, nil
}
