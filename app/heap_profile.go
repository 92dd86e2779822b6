package app

import (
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
)

// heapProfileEnv names the environment variable that, set to a folder, has
// the app write a heap profile there (heap-1.pb.gz, heap-2.pb.gz, ...) each
// time the process gets SIGUSR1 (heapProfileSignal; not on Windows): to see what the live heap holds before
// and at the peak of typing (issue 10), where the memory log only says how
// much. It is for measuring, not for users.
const heapProfileEnv = "POISE_HEAPPROFILE"

// profileHeapOnSignal writes a heap profile into the folder heapProfileEnv
// names at every heapProfileSignal, when it is set. Each profile follows a
// collection, so it shows what was live then.
func profileHeapOnSignal(logf func(string, ...any)) {
	dir := os.Getenv(heapProfileEnv)
	if dir == "" || heapProfileSignal == nil {
		return
	}
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, heapProfileSignal)
	go func() {
		for n := 1; ; n++ {
			<-ch
			path := filepath.Join(dir, fmt.Sprintf("heap-%d.pb.gz", n))
			if err := writeHeapProfile(path); err != nil {
				logf("poise: heap profile: %v", err)
				continue
			}
			logf("poise: heap profile %s written", path)
		}
	}()
}

// writeHeapProfile collects, then writes the heap profile to path.
func writeHeapProfile(path string) error {
	runtime.GC()
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create heap profile: %w", err)
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("write heap profile %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close heap profile %s: %w", path, err)
	}
	return nil
}
