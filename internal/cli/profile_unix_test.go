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
// 250 Hz kernel), and a profile missing most of the time misleads. The
// work is a fixed amount of CPU time, not of wall time: on a loaded
// machine 400 ms of wall time was 50 ms of CPU, five samples, and two
// in eight runs fell below the bound by chance alone.
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
			burnCPU(before + 800*time.Millisecond)
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

// burnCPU keeps one goroutine busy until the process has spent until of
// CPU time.
func burnCPU(until time.Duration) {
	x := 0
	for spent, err := cpuTime(); err == nil && spent < until; spent, err = cpuTime() {
		for i := range 100000 {
			x ^= i * i
		}
	}
	sinkInt.Store(int64(x))
}

var sinkInt atomic.Int64

// processCPU is the user and system CPU time the process has spent.
func processCPU(t *testing.T) time.Duration {
	d, err := cpuTime()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func cpuTime() (time.Duration, error) {
	var ru syscall.Rusage
	err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), err
}
