package app

import (
	"runtime/metrics"
	"strings"
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
