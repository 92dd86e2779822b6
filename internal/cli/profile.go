package cli

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
)

// Profiling a whole command run, for the people who make Poise fast: a
// "poise search" lives ~100 ms, too short for a profile taken from outside
// the process, and a benchmark in a test misses what only a fresh process
// pays (first use of every map, page faults of fresh memory). Profiles of
// many runs merge with "go tool pprof -proto a.out b.out ...".
//
//	POISE_CPUPROFILE=path  CPU profile of the command, sampled at 100 Hz
//	POISE_MEMPROFILE=path  every allocation the command makes (allocs profile)
//	POISE_TRACE=path       execution trace ("go tool trace"): when a core
//	                       idles, and what waits on what
const (
	cpuProfileEnv = "POISE_CPUPROFILE"
	memProfileEnv = "POISE_MEMPROFILE"
	traceEnv      = "POISE_TRACE"
)

// startProfiles starts what the environment asks for and returns the
// function that writes the profiles out; errors go to stderr, as profiling
// must never change what the command does.
func startProfiles(stderr io.Writer) (stop func()) {
	cpuPath, memPath, tracePath := os.Getenv(cpuProfileEnv), os.Getenv(memProfileEnv), os.Getenv(traceEnv)
	if cpuPath == "" && memPath == "" && tracePath == "" {
		return func() {}
	}
	var traceFile *os.File
	if tracePath != "" {
		f, err := os.Create(tracePath)
		if err == nil {
			if err = trace.Start(f); err != nil {
				f.Close()
			}
		}
		if err != nil {
			fmt.Fprintf(stderr, "poise: %s: %v\n", traceEnv, err)
		} else {
			traceFile = f
		}
	}
	var cpuFile *os.File
	if cpuPath != "" {
		f, err := os.Create(cpuPath)
		if err == nil {
			// At Go's 100 Hz, not faster: Linux checks each thread's CPU
			// timer at its scheduler tick (CONFIG_HZ, 100 to 1000), and a
			// sample period shorter than the tick loses the samples in
			// between without a trace. At 1 kHz on a 250 Hz kernel a
			// first index build showed 2.9 s of samples for 12 CPU-s,
			// and which three in four were lost depended on the tick.
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
		if traceFile != nil {
			trace.Stop()
			traceFile.Close()
		}
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
