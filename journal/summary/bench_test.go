package summary

import (
	"testing"
	"time"
)

// BenchmarkMonth is one month of a ten-year, 6,000-entry journal, from the
// unlocked entries to the finished summary (target: under 100 ms).
func BenchmarkMonth(b *testing.B) {
	es := tenYearJournal()
	opts := Options{Now: at(2026, time.December, 1, 9), Location: time.UTC}
	for b.Loop() {
		New(es, opts).Month(Month{2026, time.June})
	}
}

// BenchmarkYear is the year view of the same journal: the twelve months
// side by side (target: under 300 ms).
func BenchmarkYear(b *testing.B) {
	es := tenYearJournal()
	opts := Options{Now: at(2026, time.December, 1, 9), Location: time.UTC}
	for b.Loop() {
		New(es, opts).Year(2026)
	}
}
