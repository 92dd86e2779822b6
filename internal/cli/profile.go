package cli

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
)

// Profiling a whole command run, for the people who make Poise fast: a
// "poise search" lives ~100 ms, too short for a profile taken from outside
// the process, and a benchmark in a test misses what only a fresh process
// pays (first use of every map, page faults of fresh memory). Profiles of
// many runs merge with "go tool pprof -proto a.out b.out ...".
//
//	POISE_CPUPROFILE=path  CPU profile of the command, sampled at 1 kHz
//	POISE_MEMPROFILE=path  every allocation the command makes (allocs profile)
const (
	cpuProfileEnv = "POISE_CPUPROFILE"
	memProfileEnv = "POISE_MEMPROFILE"
)

// startProfiles starts what the environment asks for and returns the
// function that writes the profiles out; errors go to stderr, as profiling
// must never change what the command does.
func startProfiles(stderr io.Writer) (stop func()) {
	cpuPath, memPath := os.Getenv(cpuProfileEnv), os.Getenv(memProfileEnv)
	if cpuPath == "" && memPath == "" {
		return func() {}
	}
	var cpuFile *os.File
	if cpuPath != "" {
		f, err := os.Create(cpuPath)
		if err == nil {
			// The default 100 Hz gives a short run a handful of samples;
			// the runtime then warns that the rate is already set (Go
			// issue 40094), on standard error only.
			runtime.SetCPUProfileRate(1000)
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(stderr, "poise: %s: %v\n", cpuProfileEnv, err)
		} else {
			cpuFile = f
		}
	}
	if memPath != "" {
		runtime.MemProfileRate = 1
	}
	return func() {
		if cpuFile != nil {
			pprof.StopCPUProfile()
			cpuFile.Close()
		}
		if memPath != "" {
			// The profile shows allocations as of the last collection,
			// and a search pauses the collector (pauseGC).
			runtime.GC()
			f, err := os.Create(memPath)
			if err == nil {
				err = pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
			if err != nil {
				fmt.Fprintf(stderr, "poise: %s: %v\n", memProfileEnv, err)
			}
		}
	}
}
