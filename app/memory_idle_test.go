package app

import (
	"runtime/debug"
	"testing"
)

// Once the app has sat idle, the collector runs more often (an idle
// window's redraws crept the heap back up); the next search sets it to
// activeGCPercent, lower than capMemory's GOGC for loading.
func TestIdleCollectsMoreOftenUntilTheNextSearch(t *testing.T) {
	t.Setenv("GOGC", "")
	saved := debug.SetGCPercent(gcPercent)
	t.Cleanup(func() { debug.SetGCPercent(saved) })
	p := newTestPoise(t, fixtureLibrary())

	p.memoryIdle()
	if got := debug.SetGCPercent(idleGCPercent); got != idleGCPercent {
		t.Fatalf("GOGC idle = %d, want %d", got, idleGCPercent)
	}
	p.trimSoon() // what a search does once typing pauses
	if got := debug.SetGCPercent(activeGCPercent); got != activeGCPercent {
		t.Fatalf("GOGC after a search = %d, want %d", got, activeGCPercent)
	}
}

// A GOGC the person set is left alone when idle.
func TestIdleKeepsTheGOGCThePersonSet(t *testing.T) {
	t.Setenv("GOGC", "200")
	saved := debug.SetGCPercent(200)
	t.Cleanup(func() { debug.SetGCPercent(saved) })
	p := newTestPoise(t, fixtureLibrary())

	p.memoryIdle()
	if got := debug.SetGCPercent(200); got != 200 {
		t.Fatalf("GOGC idle = %d, want the person's 200", got)
	}
}
