//go:build linux && cgo

package residency

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/poisehq/poise/internal/residency/cheaptest"
)

// TestTrimCHeapGivesBackFreedMemory frees 64 MB of small C blocks under
// one still in use and checks TrimCHeap gives most of it back.
func TestTrimCHeapGivesBackFreedMemory(t *testing.T) {
	kept := cheaptest.Fragment(64*1024, 1024)
	defer cheaptest.Free(kept)
	before := anonResidentKB(t)
	TrimCHeap()
	after := anonResidentKB(t)
	if before-after < 32*1024 {
		t.Errorf("resident %d kB before the trim, %d kB after: want at least 32 MB back", before, after)
	}
}

// anonResidentKB is the process's resident anonymous memory.
func anonResidentKB(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "RssAnon:"); ok {
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			if err != nil {
				t.Fatal(err)
			}
			return n
		}
	}
	t.Fatal("no RssAnon in /proc/self/status")
	return 0
}

// CHeap reads glibc's counts: the Go runtime itself mallocs through cgo
// (thread start), so the main arena has something in use.
func TestCHeapCountsTheMainArena(t *testing.T) {
	inUse, _, ok := CHeap()
	if !ok {
		t.Skip("this C library has no mallinfo2")
	}
	if inUse == 0 {
		t.Error("CHeap: 0 bytes in use in glibc's main arena, want some")
	}
}
