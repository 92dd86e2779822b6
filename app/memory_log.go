package app

import (
	"bufio"
	"fmt"
	"os"
	"runtime/metrics"
	"strings"
	"time"

	"github.com/poisehq/poise/internal/residency"
)

// memLogEnv names the environment variable that, set to anything, has the
// app log once a second where its memory goes: the Go heap's live objects
// and the free pages it has not given back, the collector's goal, glibc's
// heap, and the kernel's resident anonymous and file-backed counts. It is
// for measuring the app's footprint (issue 10), not for users.
const memLogEnv = "POISE_MEMLOG"

// memLogOn is whether memLogEnv is set; the Find screen then also logs how
// long each result list took to show after the first key it answers, to
// see what collecting more often while typing costs.
var memLogOn = os.Getenv(memLogEnv) != ""

// memLogMetrics are the runtime/metrics samples logMemory reads.
var memLogMetrics = []string{
	"/memory/classes/heap/objects:bytes",  // live and not yet swept objects
	"/memory/classes/heap/unused:bytes",   // room in spans holding objects
	"/memory/classes/heap/free:bytes",     // free pages not given back
	"/memory/classes/heap/released:bytes", // free pages given back
	"/memory/classes/heap/stacks:bytes",
	"/memory/classes/total:bytes", // all Go has mapped
	"/gc/heap/goal:bytes",
	"/gc/heap/live:bytes", // marked live by the last collection
	"/cpu/classes/gc/total:cpu-seconds",
	"/cpu/classes/gc/mark/assist:cpu-seconds", // taken from the goroutines that allocate
}

// logMemoryEvery logs the app's memory once a second from now on when
// memLogEnv is set.
func logMemoryEvery(logf func(string, ...any)) {
	if !memLogOn {
		return
	}
	go func() {
		start := time.Now()
		samples := make([]metrics.Sample, len(memLogMetrics))
		for i, name := range memLogMetrics {
			samples[i].Name = name
		}
		for range time.Tick(time.Second) {
			logf("%s", memoryLine(time.Since(start), samples))
		}
	}()
}

// seconds is a cumulative CPU time sample, 0 if the runtime lacks it.
func seconds(s metrics.Sample) float64 {
	if s.Value.Kind() != metrics.KindFloat64 {
		return 0
	}
	return s.Value.Float64()
}

// memoryLine is one line of logMemoryEvery, in MB.
func memoryLine(since time.Duration, samples []metrics.Sample) string {
	metrics.Read(samples)
	mb := func(i int) float64 {
		if samples[i].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return float64(samples[i].Value.Uint64()) / (1 << 20)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "poise: memory t=%.0fs go: objects %.1f unused %.1f free %.1f released %.1f stacks %.1f mapped %.1f goal %.1f live %.1f | gc cpu %.2fs assist %.2fs",
		since.Seconds(), mb(0), mb(1), mb(2), mb(3), mb(4), mb(5), mb(6), mb(7), seconds(samples[8]), seconds(samples[9]))
	if used, free, ok := residency.CHeap(); ok {
		fmt.Fprintf(&b, " | malloc: used %.1f free %.1f", float64(used)/(1<<20), float64(free)/(1<<20))
	}
	if f, err := os.Open("/proc/self/status"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.HasPrefix(k, "Rss") {
				fmt.Fprintf(&b, " | %s %s", k, strings.TrimSpace(v))
			}
		}
		f.Close()
	}
	return b.String()
}
