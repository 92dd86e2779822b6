package startgc

import (
	"runtime/debug"
	"testing"
)

func TestPauseThenResumeRestoresSettings(t *testing.T) {
	before := debug.SetGCPercent(70)
	defer debug.SetGCPercent(before)
	limit := debug.SetMemoryLimit(1 << 40)
	defer debug.SetMemoryLimit(limit)

	Pause()
	Pause() // the second keeps the first's settings
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("paused: GC percent %d, want -1 (off)", got)
	}
	if got := debug.SetMemoryLimit(-1); got != PausedLimit {
		t.Errorf("paused: memory limit %d, want %d", got, PausedLimit)
	}
	Resume()
	Resume() // no-op
	if got := debug.SetGCPercent(-1); got != 70 {
		t.Errorf("resumed: GC percent %d, want 70", got)
	}
	debug.SetGCPercent(70)
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("resumed: memory limit %d, want %d", got, int64(1<<40))
	}
}
