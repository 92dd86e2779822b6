// Package summary finds the patterns in a journal: what keeps happening in
// a month, what works, how stress moves, and says it in plain sentences
// that claim no more than the counts support. It works on decrypted
// entries in memory and writes nothing; exports leave only through the
// caller. It never imports Fyne or kb: the knowledge base reaches it
// through the Finder interface.
package summary

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// ErrBadMonth is returned for a month that is not written YYYY-MM.
var ErrBadMonth = errors.New("not a month")

// Month is one calendar month.
type Month struct {
	Year  int
	Month time.Month
}

var monthRe = regexp.MustCompile(`^([0-9]{4})-([0-9]{2})$`)

// ParseMonth reads "YYYY-MM", such as "2026-11".
func ParseMonth(s string) (Month, error) {
	m := monthRe.FindStringSubmatch(s)
	if m == nil {
		return Month{}, fmt.Errorf("%w: %q (write it as YYYY-MM, such as 2026-11)", ErrBadMonth, s)
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	if mo < 1 || mo > 12 {
		return Month{}, fmt.Errorf("%w: %q has no month %d (use 01 to 12)", ErrBadMonth, s, mo)
	}
	if y < 1900 {
		return Month{}, fmt.Errorf("%w: %q is before any journal", ErrBadMonth, s)
	}
	return Month{y, time.Month(mo)}, nil
}

// ParseYear reads "YYYY".
func ParseYear(s string) (int, error) {
	y, err := strconv.Atoi(s)
	if err != nil || len(s) != 4 || y < 1900 {
		return 0, fmt.Errorf("%w: year %q (write it as YYYY, such as 2026)", ErrBadMonth, s)
	}
	return y, nil
}

// MonthOf is the month t falls in, in t's location.
func MonthOf(t time.Time) Month { return Month{t.Year(), t.Month()} }

// String is "YYYY-MM".
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, int(m.Month)) }

// Label is the month as a person reads it: "November 2026".
func (m Month) Label() string { return fmt.Sprintf("%s %d", m.Month, m.Year) }

// Add moves n months forward (or back, for negative n).
func (m Month) Add(n int) Month {
	i := m.index() + n
	return Month{i / 12, time.Month(i%12 + 1)}
}

// Before reports whether m comes before o.
func (m Month) Before(o Month) bool { return m.index() < o.index() }

func (m Month) index() int { return m.Year*12 + int(m.Month) - 1 }

// Start is the first instant of m in loc.
func (m Month) Start(loc *time.Location) time.Time {
	return time.Date(m.Year, m.Month, 1, 0, 0, 0, 0, loc)
}
