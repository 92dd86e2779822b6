//go:build linux

package hugeheap

import (
	"runtime"
	"syscall"
	"testing"
)

// TestReserveLandsInFreshAddressSpace: the block lands in address space
// the heap never used, even where the heap's top pages were used and
// freed just before (in the app, the window's garbage, collected): there
// the runtime zeroed the whole block, faulting it in 4 KB pages (211-230k
// faults on the issue 10 vault). Zeroing 512 MB takes 131,072 faults; the
// filler that moves the block takes a quarter of that at most here.
//
// It runs in a process of its own, whose heap holds only what it does.
func TestReserveLandsInFreshAddressSpace(t *testing.T) {
	if mode := thpMode(); mode != "madvise" {
		t.Skipf("transparent huge pages are %q here: Reserve only acts where they are given on request (\"madvise\")", mode)
	}
	if raceOn {
		t.Skip("the race detector's shadow memory takes page faults of its own")
	}
	if !inOwnProcess(t) {
		return
	}
	used := make([]byte, 64<<20) // the heap's top, used and then freed
	for i := 0; i < len(used); i += 4096 {
		used[i] = 1
	}
	used = nil
	runtime.GC()

	const block = 512 << 20
	before := minorFaults(t)
	stop := Reserve(block)
	faults := minorFaults(t) - before
	stop()
	if faults >= block/4096/4 {
		t.Errorf("reserving %d MB took %d page faults: the block was zeroed in pages the heap had used", block>>20, faults)
	}
}

func minorFaults(t *testing.T) int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		t.Fatal(err)
	}
	return ru.Minflt
}
