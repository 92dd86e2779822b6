//go:build unix

package cli

import (
	"io"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/google/pprof/profile"
)

// TestCPUProfileHoldsTheCPUTimeSpent checks the CPU profile accounts for
// the CPU time the process spent while it ran: a rate faster than the
// kernel's tick loses samples silently (1 kHz kept one in four on a
// 250 Hz kernel), and a profile missing most of the time misleads.
func TestCPUProfileHoldsTheCPUTimeSpent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cpu.out")
	t.Setenv(cpuProfileEnv, path)
	before := processCPU(t)
	stop := startProfiles(io.Discard)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			burnCPU(400 * time.Millisecond)
		}()
	}
	wg.Wait()
	stop()
	spent := processCPU(t) - before

	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := profile.Parse(f)
	if err != nil {
		t.Fatalf("parse the CPU profile: %v", err)
	}
	var sampled time.Duration
	for _, s := range p.Sample {
		sampled += time.Duration(s.Value[1]) // cpu, in nanoseconds
	}
	if sampled < spent*7/10 {
		t.Errorf("the profile holds %v of samples for %v of CPU time spent (period %v): samples are lost", sampled, spent, time.Duration(p.Period))
	}
}

// burnCPU keeps one goroutine busy for about d of its thread's time.
func burnCPU(d time.Duration) {
	x := 0
	for start := time.Now(); time.Since(start) < d; {
		for i := range 10000 {
			x ^= i * i
		}
	}
	sinkInt.Store(int64(x))
}

var sinkInt atomic.Int64

// processCPU is the user and system CPU time the process has spent.
func processCPU(t *testing.T) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
