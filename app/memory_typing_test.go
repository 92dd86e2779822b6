package app

import (
	"sync/atomic"
	"testing"
	"time"
)

// Searches closer together than dropPagesEvery let go of the index's
// pages once: a fast typist does not pay the pages back on every search.
func TestPagesDroppedAtMostEveryInterval(t *testing.T) {
	var drops atomic.Int32
	clock := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	d := &pageDropper{drop: func() { drops.Add(1) }, now: func() time.Time { return clock }, later: func(time.Duration, func()) {}}

	steps := []struct {
		after time.Duration
		want  int32
	}{
		{0, 1},                        // the first search
		{dropPagesEvery / 4, 1},       // a key later
		{dropPagesEvery / 2, 1},       // still within the interval
		{dropPagesEvery, 2},           // one interval after the first drop
		{dropPagesEvery + 1, 2},       // just after the second
		{3 * dropPagesEvery, 3},       // a pause in typing
		{3*dropPagesEvery + 10, 3},    // and the next key
		{10 * dropPagesEvery, 4},      // much later
		{10*dropPagesEvery + 100, 4},  // its next key
		{20 * dropPagesEvery, 5},      // another burst
		{20*dropPagesEvery + 200, 5},  // …
		{21*dropPagesEvery + 200, 6},  // a second later in that burst
		{21*dropPagesEvery + 201, 6},  // the very next search
		{21*dropPagesEvery + 2000, 6}, // 2 µs on: still within
	}
	start := clock
	for i, s := range steps {
		clock = start.Add(s.after)
		d.afterSearch()
		if got := drops.Load(); got != s.want {
			t.Fatalf("step %d (%v after the first search): %d drops, want %d", i, s.after, got, s.want)
		}
	}
}

// A drop still running when the next search ends is not started again.
func TestPagesDropNotRunTwiceAtOnce(t *testing.T) {
	release := make(chan struct{})
	var drops atomic.Int32
	clock := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	d := &pageDropper{drop: func() { drops.Add(1); <-release }, now: func() time.Time { return clock }, later: func(time.Duration, func()) {}}
	done := make(chan struct{})
	go func() { d.afterSearch(); close(done) }()
	for drops.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	d.mu.Lock()
	clock = clock.Add(10 * dropPagesEvery) // long past the interval
	d.mu.Unlock()
	d.afterSearch() // returns at once: the first is still dropping
	close(release)
	<-done
	if got := drops.Load(); got != 1 {
		t.Fatalf("%d drops, want 1 while the first was still running", got)
	}
}

// A search that came too soon after the last drop has its pages let go
// once the interval is over, not when typing pauses; one later drop
// stands for all the searches it skipped.
func TestPagesOfASkippedSearchDroppedAfterTheInterval(t *testing.T) {
	var drops atomic.Int32
	clock := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	var waits []time.Duration
	var due []func()
	d := &pageDropper{
		drop: func() { drops.Add(1) },
		now:  func() time.Time { return clock },
		later: func(wait time.Duration, f func()) {
			waits = append(waits, wait)
			due = append(due, f)
		},
	}
	d.afterSearch() // drops
	for range 3 {
		clock = clock.Add(dropPagesEvery / 8)
		d.afterSearch() // too soon: skipped
	}
	if drops.Load() != 1 || len(due) != 1 || waits[0] != dropPagesEvery {
		t.Fatalf("%d drops and %d later drops (after %v), want 1 and one after %v", drops.Load(), len(due), waits, dropPagesEvery)
	}
	clock = clock.Add(dropPagesEvery)
	due[0]()
	if got := drops.Load(); got != 2 {
		t.Fatalf("%d drops once the later one ran, want 2", got)
	}
	if len(due) != 1 {
		t.Fatalf("%d later drops scheduled, want none more once it ran", len(due))
	}
}

// Without a data folder (a test, or no index on disk) nothing is dropped
// and nothing fails.
func TestPagesDropperWithoutIndex(t *testing.T) {
	newPageDropper("").afterSearch()
	var d *pageDropper
	d.afterSearch()
}
