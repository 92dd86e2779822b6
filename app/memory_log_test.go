package app

import (
	"fmt"
	"runtime/metrics"
	"strings"
	"sync"
	"testing"
	"time"
)

// A memory line names each part the footprint is broken down into, with
// the Go heap's live objects above zero.
func TestMemoryLineBreaksDownTheFootprint(t *testing.T) {
	samples := make([]metrics.Sample, len(memLogMetrics))
	for i, name := range memLogMetrics {
		samples[i].Name = name
	}
	line := memoryLine(3*time.Second, samples)
	for _, want := range []string{"t=3s", "go: objects ", "free ", "released ", "goal "} {
		if !strings.Contains(line, want) {
			t.Errorf("memory line %q lacks %q", line, want)
		}
	}
	if strings.Contains(line, "objects 0.0 ") {
		t.Errorf("memory line %q: no live objects", line)
	}
}

// With POISE_MEMLOG set, the Find screen logs how long each result list
// took, but never the query: what an agent types mid-call holds the
// customer's name, e-mail address or card number, and the log goes to
// standard error, which a desktop session keeps on disk (~/.xsession-errors,
// the systemd journal).
func TestMemoryLogKeepsTheQueryOut(t *testing.T) {
	on := memLogOn
	memLogOn = true
	t.Cleanup(func() { memLogOn = on })
	p, f := findReady(t)
	var mu sync.Mutex
	var logged []string
	p.logf = func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		logged = append(logged, fmt.Sprintf(format, args...))
	}
	typeQuery(t, f, "refund jane.doe@example.com")
	mu.Lock()
	defer mu.Unlock()
	timed := false
	for _, line := range logged {
		if strings.Contains(line, "after its first key") {
			timed = true
		}
		if strings.Contains(line, "jane") || strings.Contains(line, "refund") {
			t.Errorf("the memory log shows what the agent typed: %q", line)
		}
	}
	if !timed {
		t.Errorf("the memory log has no result time; it logged %q", logged)
	}
}
