package search

import (
	"runtime/debug"
	"testing"
)

// TestBuildRaisesGOGC: a build runs at buildGCPercent when the app keeps
// the collector tighter, and the app's setting is back afterwards.
func TestBuildRaisesGOGC(t *testing.T) {
	t.Setenv("GOGC", "")
	defer debug.SetGCPercent(debug.SetGCPercent(10)) // the app once searches pause
	during := -2
	ix, err := Open(t.TempDir(), fixtureLibrary(), Options{Progress: func(int, int) {
		during = currentGCPercent()
	}})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if during != buildGCPercent {
		t.Errorf("GOGC during the build: %d, want %d", during, buildGCPercent)
	}
	if got := currentGCPercent(); got != 10 {
		t.Errorf("GOGC after the build: %d, want the app's 10 back", got)
	}
}

// TestPaceBuildLeavesOthersAlone: a GOGC higher already, off, or set by
// the person (the GOGC variable) is left alone; one changed during the
// build stands; overlapping builds put back the GOGC from before the first.
func TestPaceBuildLeavesOthersAlone(t *testing.T) {
	t.Setenv("GOGC", "")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, p := range []int{200, -1} {
		debug.SetGCPercent(p)
		restore := paceBuild()
		if got := currentGCPercent(); got != p {
			t.Errorf("GOGC %d during a build: %d", p, got)
		}
		restore()
		if got := currentGCPercent(); got != p {
			t.Errorf("GOGC %d after a build: %d", p, got)
		}
	}

	debug.SetGCPercent(10)
	first, second := paceBuild(), paceBuild()
	first()
	if got := currentGCPercent(); got != buildGCPercent {
		t.Errorf("GOGC with one of two builds running: %d, want %d", got, buildGCPercent)
	}
	second()
	second() // once only
	if got := currentGCPercent(); got != 10 {
		t.Errorf("GOGC after both builds: %d, want 10", got)
	}

	restore := paceBuild()
	debug.SetGCPercent(40) // the app's own change during the build
	restore()
	if got := currentGCPercent(); got != 40 {
		t.Errorf("GOGC set during the build: %d after it, want 40", got)
	}

	t.Setenv("GOGC", "20")
	debug.SetGCPercent(20)
	restore = paceBuild()
	if got := currentGCPercent(); got != 20 {
		t.Errorf("the person's GOGC during a build: %d, want 20", got)
	}
	restore()
}
