package gaps

import (
	"fmt"
	"path/filepath"
	"testing"
)

// BenchmarkSessionShown is the cost the Find screen pays per keystroke.
func BenchmarkSessionShown(b *testing.B) {
	texts := []string{"refund", "refund l", "refund la", "refund lat", "refund late", "refnud late", "lost parcel abroad"}
	var s Session
	for i := 0; b.Loop(); i++ {
		s.Shown(texts[i%len(texts)], i%3)
	}
}

// BenchmarkRecordFullLog is one gap written to a log at its bound: lock,
// read and check 500 searches, write atomically. It runs once per ended
// query, off the UI goroutine.
func BenchmarkRecordFullLog(b *testing.B) {
	path := filepath.Join(b.TempDir(), FileName)
	if err := update(path, func(l *logFile) {
		for i := range MaxSearches {
			l.Searches = append(l.Searches, Search{Query: fmt.Sprintf("customer asks about question number %d", i), NoResults: 3, NotUsed: 1, First: "2026-11-01", Last: "2026-11-20"})
		}
	}); err != nil {
		b.Fatal(err)
	}
	for i := 0; b.Loop(); i++ {
		if err := Record(path, fmt.Sprintf("card 4111 1111 1111 1111 question number %d", i%50), NoResults, today); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMergeTeam merges 50 full exports.
func BenchmarkMergeTeam(b *testing.B) {
	var names []string
	var data [][]byte
	for f := range 50 {
		var log []Search
		for i := range MaxSearches {
			log = append(log, Search{Query: fmt.Sprintf("question %d from agent %d", i, f%7), NoResults: 1, First: "2026-11-01", Last: "2026-11-20"})
		}
		names = append(names, fmt.Sprintf("agent%d.json", f))
		data = append(data, NewExport(log).JSON())
	}
	for b.Loop() {
		if _, err := Merge(names, data); err != nil {
			b.Fatal(err)
		}
	}
}
