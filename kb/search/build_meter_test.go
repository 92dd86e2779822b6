package search_test

import (
	"runtime/metrics"
	"sync"
	"testing"
	"time"
)

// buildMeter measures what a build costs the collector and how much
// memory the Go runtime holds at the peak, for the build benchmarks:
// what a build-time GOGC or memory limit trades (see buildPacing).
type buildMeter struct {
	samples []metrics.Sample
	gc0     float64
	cycles0 uint64
	stop    chan struct{}
	done    sync.WaitGroup
	peak    uint64
}

const (
	gcCPU    = "/cpu/classes/gc/total:cpu-seconds"
	gcCycles = "/gc/cycles/total:gc-cycles"
	mapped   = "/memory/classes/total:bytes"
	released = "/memory/classes/heap/released:bytes"
)

// startMeter starts sampling the memory held every few milliseconds.
func startMeter() *buildMeter {
	m := &buildMeter{stop: make(chan struct{})}
	m.samples = []metrics.Sample{{Name: gcCPU}, {Name: gcCycles}, {Name: mapped}, {Name: released}}
	metrics.Read(m.samples)
	m.gc0 = m.samples[0].Value.Float64()
	m.cycles0 = m.samples[1].Value.Uint64()
	m.done.Add(1)
	go func() {
		defer m.done.Done()
		s := []metrics.Sample{{Name: mapped}, {Name: released}}
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			m.peak = max(m.peak, s[0].Value.Uint64()-s[1].Value.Uint64())
			select {
			case <-m.stop:
				return
			case <-t.C:
			}
		}
	}()
	return m
}

// report stops the meter and reports, per op, the collector's CPU time
// (marking, assists, pauses; the runtime's own estimate, which counts
// time its workers were ready but not running, so high when the machine
// is busy), its cycles, and the peak of
// the memory the runtime held (mapped and not given back: what it adds to
// the process's resident size, at most).
func (m *buildMeter) report(b *testing.B) {
	close(m.stop)
	m.done.Wait()
	metrics.Read(m.samples)
	b.ReportMetric((m.samples[0].Value.Float64()-m.gc0)/float64(b.N), "gc-cpu-s/op")
	b.ReportMetric(float64(m.samples[1].Value.Uint64()-m.cycles0)/float64(b.N), "gc-cycles/op")
	b.ReportMetric(float64(m.peak)/(1<<20), "peak-MB")
}
