//go:build linux

package residency

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"

	"github.com/poisehq/poise/internal/residency/smapstest"
)

// mapLibrary writes size bytes to a file named like a shared library and
// maps it privately with prot, as the dynamic loader maps a library's
// code and data.
func mapLibrary(t *testing.T, name string, size int, prot int) (path string, data, m []byte) {
	t.Helper()
	path = filepath.Join(t.TempDir(), name)
	data = make([]byte, size)
	for i := range data {
		data[i] = byte(i + i/4096 + 1)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err = unix.Mmap(int(f.Fd()), 0, size, prot, unix.MAP_PRIVATE)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = unix.Munmap(m) })
	sum := 0
	for i := 0; i < len(m); i += 4096 {
		sum += int(m[i])
	}
	if sum == 0 {
		t.Fatal("the mapping read only zeros")
	}
	return path, data, m
}

// TestDropProgramPagesLetsGoOfALibrary maps a file named like a library
// read-only, reads every page, and checks the kernel's own count of its
// resident pages drops to zero while it still reads the same bytes.
func TestDropProgramPagesLetsGoOfALibrary(t *testing.T) {
	path, data, m := mapLibrary(t, "libpoisetest.so.1", 2<<20, unix.PROT_READ)
	if kb := smapstest.FileKB(t, path); kb < 2048 {
		t.Fatalf("before: %d kB of the mapping resident, want all 2048", kb)
	}
	got, err := DropProgramPages()
	if err != nil {
		t.Fatal(err)
	}
	if got < int64(len(data)) {
		t.Errorf("DropProgramPages let go of %d bytes, want at least the library's %d", got, len(data))
	}
	if kb := smapstest.FileKB(t, path); kb != 0 {
		t.Errorf("after: %d kB of the mapping still resident, want 0", kb)
	}
	if m[4097] != data[4097] || m[len(m)-1] != data[len(data)-1] {
		t.Error("the mapping reads different bytes after its pages were let go")
	}
}

// TestDropProgramPagesKeepsWhatTheProcessWrote maps a library's data as
// the loader does for relocations (written, then made read-only): its
// pages are the process's own copies, and letting them go would put the
// file's bytes back in their place.
func TestDropProgramPagesKeepsWhatTheProcessWrote(t *testing.T) {
	path, _, m := mapLibrary(t, "libpoisewritten.so.1", 1<<20, unix.PROT_READ|unix.PROT_WRITE)
	m[5000] = 0xAB
	if err := unix.Mprotect(m, unix.PROT_READ); err != nil {
		t.Fatal(err)
	}
	if _, err := DropProgramPages(); err != nil {
		t.Fatal(err)
	}
	if m[5000] != 0xAB {
		t.Fatalf("the byte the process wrote reads %#x after DropProgramPages, want 0xab", m[5000])
	}
	if kb := smapstest.FileKB(t, path); kb < 1024 {
		t.Errorf("%d kB of a mapping the process wrote resident, want all 1024 kept", kb)
	}
}

// TestDropProgramPagesLeavesOtherFiles checks a read-only mapping of a
// file that is neither the program nor a library (a data file the
// process may unmap at any time) keeps its pages.
func TestDropProgramPagesLeavesOtherFiles(t *testing.T) {
	path, _, _ := mapLibrary(t, "segment.zap", 1<<20, unix.PROT_READ)
	if _, err := DropProgramPages(); err != nil {
		t.Fatal(err)
	}
	if kb := smapstest.FileKB(t, path); kb < 1024 {
		t.Errorf("%d kB of a data file's mapping resident, want all 1024", kb)
	}
}

func TestProgramMappingHeader(t *testing.T) {
	const exe = "/opt/poise/poise"
	for _, tc := range []struct {
		line      string
		candidate bool
		header    bool
	}{
		{"7f00-7f10 r-xp 00000000 fe:00 12 /usr/lib/libLLVM-15.so.1", true, true},
		{"7f00-7f10 r--p 00000000 fe:00 12 /usr/lib/dri/swrast_dri.so", true, true},
		{"400000-500000 r--p 00000000 fe:00 7 /opt/poise/poise", true, true},
		{"400000-500000 r-xp 00000000 fe:00 7 /opt/poise/poise", true, true},
		{"7f00-7f10 rw-p 00000000 fe:00 12 /usr/lib/libLLVM-15.so.1", false, true},
		{"7f00-7f10 r--s 00000000 fe:00 12 /usr/lib/libc.so.6", false, true},
		{"7f00-7f10 r--p 00000000 fe:00 12 /data/index/a.zap", false, true},
		{"7f00-7f10 r--p 00000000 fe:00 12 /usr/lib/libgone.so.1 (deleted)", false, true},
		{"7f00-7f10 r--p 00000000 00:00 0 ", false, true},
		{"7f00-7f10 r-xp 00000000 00:00 0 [vdso]", false, true},
		{"7f00-7f10 r--p 00000000 fe:00 12 /opt/poise/poise-old", false, true},
		{"7f10-7f00 r--p 00000000 fe:00 12 /usr/lib/libc.so.6", false, false},
		{"Rss:                 123 kB", false, false},
		{"VmFlags: rd ex mr mw me", false, false},
	} {
		_, _, candidate, header := programMappingHeader(tc.line, exe)
		if candidate != tc.candidate || header != tc.header {
			t.Errorf("%q: candidate %v header %v, want %v %v", tc.line, candidate, header, tc.candidate, tc.header)
		}
	}
}

// TestDropProgramPagesKeepsMemoryMappedSinceTheRead: a library's range
// read from /proc/self/smaps can be unmapped and mapped again as other
// memory before it is let go (a dlclose, a library being loaded over its
// first mapping, a malloc arena): what is let go there must keep its
// bytes, as only an advice that never discards data does.
func TestDropProgramPagesKeepsMemoryMappedSinceTheRead(t *testing.T) {
	_, _, m := mapLibrary(t, "libpoisereused.so.1", 1<<20, unix.PROT_READ)
	start := uint64(uintptr(unsafe.Pointer(&m[0])))
	replaced := false
	beforeAdvice = func(lo, hi uint64) {
		if lo != start || replaced {
			return
		}
		replaced = true
		// The range becomes anonymous memory the process wrote, as a new
		// mapping placed where the library was.
		_, _, errno := unix.Syscall6(unix.SYS_MMAP, uintptr(lo), uintptr(hi-lo),
			unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANONYMOUS|unix.MAP_FIXED, ^uintptr(0), 0)
		if errno != 0 {
			t.Errorf("map over the library: %v", errno)
			return
		}
		for i := range m {
			m[i] = 0x5A
		}
	}
	t.Cleanup(func() { beforeAdvice = nil })
	if _, err := DropProgramPages(); err != nil {
		t.Fatal(err)
	}
	if !replaced {
		t.Fatal("the library's mapping was not among those let go")
	}
	for _, i := range []int{0, 4097, len(m) - 1} {
		if m[i] != 0x5A {
			t.Fatalf("byte %d of the memory mapped since reads %#x, want 0x5a: letting go discarded data", i, m[i])
		}
	}
}

// TestDropProgramPagesWhileReading lets a library's and an index file's
// pages go again and again while other goroutines read them (as searches
// run while the app trims): every read sees the file's bytes.
func TestDropProgramPagesWhileReading(t *testing.T) {
	_, lib, libMap := mapLibrary(t, "libpoiseconcurrent.so.1", 1<<20, unix.PROT_READ)
	dir := filepath.Dir(mappedPath(t, libMap))
	done := make(chan struct{})
	errs := make(chan string, 4)
	for range 3 {
		go func() {
			for {
				select {
				case <-done:
					errs <- ""
					return
				default:
				}
				for i := 0; i < len(libMap); i += 4093 {
					if libMap[i] != lib[i] {
						errs <- "a page read back other bytes"
						return
					}
				}
			}
		}()
	}
	for range 50 {
		if _, err := DropProgramPages(); err != nil {
			t.Fatal(err)
		}
		if _, err := DropMapped(dir); err != nil {
			t.Fatal(err)
		}
	}
	close(done)
	for range 3 {
		if e := <-errs; e != "" {
			t.Fatal(e)
		}
	}
}

// mappedPath is the file m maps, from /proc/self/maps.
func mappedPath(t *testing.T, m []byte) string {
	t.Helper()
	b, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		t.Fatal(err)
	}
	start := fmt.Sprintf("%x-", uintptr(unsafe.Pointer(&m[0])))
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, start) {
			f := strings.Fields(line)
			return f[len(f)-1]
		}
	}
	t.Fatal("mapping not found")
	return ""
}
