package app

import (
	"errors"
	"fmt"
	"io/fs"
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
		n := 1
		for {
			<-ch
			path, err := writeNextHeapProfile(dir, &n)
			if err != nil {
				logf("poise: heap profile: %v", err)
				continue
			}
			logf("poise: heap profile %s written", path)
		}
	}()
}

// writeNextHeapProfile writes a heap profile under the first name
// heap-N.pb.gz, from N = *n on, that nothing in dir has yet, and moves *n
// past it. What is there (an earlier run's profiles, or a symbolic link
// someone planted in a folder others write in, such as /tmp) is never
// written through or replaced.
func writeNextHeapProfile(dir string, n *int) (string, error) {
	for ; ; *n++ {
		path := filepath.Join(dir, fmt.Sprintf("heap-%d.pb.gz", *n))
		err := writeHeapProfile(path)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		*n++
		return path, err
	}
}

// writeHeapProfile collects, then writes the heap profile to path, a new
// file (fs.ErrExist when path is taken, a symbolic link included).
func writeHeapProfile(path string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("create heap profile: %w", err)
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("write heap profile %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close heap profile %s: %w", path, err)
	}
	return nil
}
