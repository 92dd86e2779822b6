//go:build unix

package app

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// A profile never replaces a file already in the folder, nor writes
// through a symbolic link planted under a profile's name (a folder such as
// /tmp that others write in, or the profiles of an earlier run): it takes
// the next free name.
func TestHeapProfileKeepsWhatIsThere(t *testing.T) {
	dir, other := t.TempDir(), t.TempDir()
	target := filepath.Join(other, "precious")
	if err := os.WriteFile(target, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, filepath.Join(dir, "heap-1.pb.gz")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "heap-2.pb.gz"), []byte("earlier run"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv(heapProfileEnv, dir)
	logged := make(chan string, 4)
	profileHeapOnSignal(func(format string, args ...any) { logged <- fmt.Sprintf(format, args...) })
	if err := syscall.Kill(os.Getpid(), syscall.SIGUSR1); err != nil {
		t.Fatal(err)
	}
	select {
	case msg := <-logged:
		if !strings.Contains(msg, "heap-3.pb.gz") {
			t.Errorf("logged %q, want heap-3.pb.gz written", msg)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("no heap profile written")
	}
	for path, want := range map[string]string{target: "keep me", filepath.Join(dir, "heap-2.pb.gz"): "earlier run"} {
		if b, err := os.ReadFile(path); err != nil || string(b) != want {
			t.Errorf("%s: %q, %v; want %q untouched", path, b, err, want)
		}
	}
	if b, err := os.ReadFile(filepath.Join(dir, "heap-3.pb.gz")); err != nil || !bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
		t.Errorf("heap-3.pb.gz: %v, not a gzipped profile", err)
	}
}
