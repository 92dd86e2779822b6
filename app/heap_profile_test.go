//go:build unix

package app

import (
	"bytes"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// With POISE_HEAPPROFILE set to a folder, each SIGUSR1 writes the next
// heap profile there, a gzipped pprof file.
func TestHeapProfileOnSignal(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(heapProfileEnv, dir)
	logged := make(chan string, 4)
	profileHeapOnSignal(func(format string, args ...any) { logged <- format })
	for n := 1; n <= 2; n++ {
		if err := syscall.Kill(os.Getpid(), syscall.SIGUSR1); err != nil {
			t.Fatal(err)
		}
		select {
		case <-logged:
		case <-time.After(30 * time.Second):
			t.Fatalf("no heap profile %d written", n)
		}
	}
	for _, name := range []string{"heap-1.pb.gz", "heap-2.pb.gz"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
			t.Errorf("%s is not gzipped: % x", name, b[:min(len(b), 8)])
		}
	}
}

// A profile that cannot be written says where.
func TestHeapProfileUnwritable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing", "heap.pb.gz")
	err := writeHeapProfile(path)
	if err == nil || !bytes.Contains([]byte(err.Error()), []byte("missing")) {
		t.Fatalf("writeHeapProfile(%s) = %v, want an error naming the path", path, err)
	}
}
