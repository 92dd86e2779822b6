//go:build linux

package residency

import (
	"os"
	"path/filepath"
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"

	"github.com/poisehq/poise/internal/residency/smapstest"
)

// TestDropMappedLeavesNoPagesResident maps a real file read-only, reads
// every page, and checks the kernel's own count of its resident pages
// drops to zero while the mapping still reads the same bytes.
func TestDropMappedLeavesNoPagesResident(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "segment.zap")
	data := make([]byte, 4<<20)
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
	m, err := unix.Mmap(int(f.Fd()), 0, len(data), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Munmap(m)
	sum := 0
	for i := 0; i < len(m); i += 4096 {
		sum += int(m[i])
	}
	if sum == 0 {
		t.Fatal("the mapping read only zeros")
	}
	if kb := smapstest.FileKB(t, path); kb < 4096 {
		t.Fatalf("before: %d kB of the mapping resident, want all 4096", kb)
	}

	got, err := DropMapped(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got != int64(len(data)) {
		t.Errorf("DropMapped went over %d bytes, want %d", got, len(data))
	}
	if kb := smapstest.FileKB(t, path); kb != 0 {
		t.Errorf("after: %d kB of the mapping still resident, want 0", kb)
	}
	if m[4097] != data[4097] || m[len(m)-1] != data[len(data)-1] {
		t.Error("the mapping reads different bytes after its pages were dropped")
	}
}

// TestDropMappedLeavesOtherFiles checks a mapping outside dir keeps its
// pages.
func TestDropMappedLeavesOtherFiles(t *testing.T) {
	other := filepath.Join(t.TempDir(), "other.zap")
	if err := os.WriteFile(other, make([]byte, 1<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(other)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := unix.Mmap(int(f.Fd()), 0, 1<<20, unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Munmap(m)
	sum := 0
	for i := 0; i < len(m); i += 4096 {
		sum += int(m[i])
	}
	if sum != 0 {
		t.Fatal("a file of zeros read back non-zero")
	}
	if _, err := DropMapped(t.TempDir()); err != nil {
		t.Fatal(err)
	}
	if kb := smapstest.FileKB(t, other); kb < 1024 {
		t.Errorf("%d kB of a mapping outside the folder resident, want all 1024", kb)
	}
}

func TestReadOnlyMappingUnder(t *testing.T) {
	for _, tc := range []struct {
		line string
		ok   bool
	}{
		{"7f00-7f10 r--s 00000000 fe:00 1 /data/index/a.zap", true},
		{"7f00-7f10 r--p 00000000 fe:00 1 /data/index/with space.zap", true},
		{"7f00-7f10 rw-s 00000000 fe:00 1 /data/index/a.zap", false},
		{"7f00-7f10 r--s 00000000 fe:00 1 /data/indexes/a.zap", false},
		{"7f00-7f10 r--s 00000000 fe:00 1 /other/a.zap", false},
		{"7f10-7f00 r--s 00000000 fe:00 1 /data/index/a.zap", false},
		{"zz-7f10 r--s 00000000 fe:00 1 /data/index/a.zap", false},
		{"7f00-7f10 r--s 00000000 fe:00 1", false},
	} {
		_, _, ok := readOnlyMappingUnder(tc.line, "/data/index/")
		if ok != tc.ok {
			t.Errorf("%q: ok %v, want %v", tc.line, ok, tc.ok)
		}
	}
}

// TestDropMappedKeepsMemoryMappedSinceTheRead: an index segment's range
// read from /proc/self/maps can be unmapped (the segment closed after an
// update) and mapped again as other memory before it is let go; what is
// let go there must keep its bytes.
func TestDropMappedKeepsMemoryMappedSinceTheRead(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "segment.zap")
	if err := os.WriteFile(path, make([]byte, 1<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := unix.Mmap(int(f.Fd()), 0, 1<<20, unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Munmap(m)
	start := uint64(uintptr(unsafe.Pointer(&m[0])))
	replaced := false
	beforeAdvice = func(lo, hi uint64) {
		if lo != start || replaced {
			return
		}
		replaced = true
		_, _, errno := unix.Syscall6(unix.SYS_MMAP, uintptr(lo), uintptr(hi-lo),
			unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANONYMOUS|unix.MAP_FIXED, ^uintptr(0), 0)
		if errno != 0 {
			t.Errorf("map over the segment: %v", errno)
			return
		}
		for i := range m {
			m[i] = 0x5A
		}
	}
	t.Cleanup(func() { beforeAdvice = nil })
	if _, err := DropMapped(dir); err != nil {
		t.Fatal(err)
	}
	if !replaced {
		t.Fatal("the segment's mapping was not among those let go")
	}
	for _, i := range []int{0, 4097, len(m) - 1} {
		if m[i] != 0x5A {
			t.Fatalf("byte %d of the memory mapped since reads %#x, want 0x5a: letting go discarded data", i, m[i])
		}
	}
}
