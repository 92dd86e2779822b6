//go:build linux

package hugeheap

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"golang.org/x/sys/unix"
)

// region is the part of a reservation advised for huge pages.
type region struct {
	start, end uintptr
	once       *sync.Once
	filler     []byte // kept until stop (see reserve)
}

// minReserve is the least reservation worth a garbage collection: below
// a few huge pages the faults saved are a few milliseconds.
const minReserve = 16 << 20

func reserve(n int) region {
	page := hugePageSize()
	if thpMode() != "madvise" || page == 0 {
		// "always": the heap gets huge pages already; "never": none to get.
		return region{}
	}
	n = withoutCompaction(n, readString("/sys/kernel/mm/transparent_hugepage/defrag"),
		readString("/proc/buddyinfo"), page, uintptr(os.Getpagesize()))
	if !roomFor(n) {
		return region{}
	}
	// Fresh from the operating system, a block this large is mapped and
	// not touched: Go knows it is zeroed. But the block takes the lowest
	// free pages that fit, and where those begin in pages the heap used
	// and freed (in the app, the window's garbage just collected), the
	// runtime zeroes the whole block before the advice, in 4 KB pages: a
	// third of the app's first builds of the issue 10 vault under load
	// (3.2 CPU-s in this make; 211-230k page faults and 913 MB against
	// 24-36k and 602-645 MB). A filler first takes the heap's idle pages,
	// so the block lands above every page the heap ever used; it is held
	// until stop, as freed it would lie below the block, where the build's
	// allocations go first, in 4 KB pages.
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	filler := make([]byte, ms.HeapIdle)
	big := make([]byte, n)
	base := uintptr(unsafe.Pointer(unsafe.SliceData(big)))
	start := (base + page - 1) &^ (page - 1)
	end := (base + uintptr(n)) &^ (page - 1)
	if start >= end {
		return region{}
	}
	if unix.Madvise(big[start-base:end-base], unix.MADV_HUGEPAGE) != nil {
		return region{}
	}
	// Freed by this collection (nothing refers to it any more), the
	// block's pages are the lowest free ones above what the heap held
	// before, where the next allocations are placed.
	runtime.GC()
	return region{start: start, end: end, once: new(sync.Once), filler: filler}
}

// stop withdraws the advice. The range stays the Go heap's for the life
// of the process (the runtime never unmaps its arenas), so advising it
// later is safe; MADV_NOHUGEPAGE is the "madvise" mode's default.
func (r region) stop() {
	if r.once == nil {
		return
	}
	r.once.Do(func() {
		_, _, _ = unix.Syscall(unix.SYS_MADVISE, r.start, r.end-r.start, unix.MADV_NOHUGEPAGE)
	})
}

// roomFor says whether n bytes can be mapped at no risk. Go cannot
// recover from a refused mapping (the runtime throws "out of memory"),
// and the block, though never touched, is charged to the system's commit
// until given back: none is reserved where mappings are limited (a
// ulimit -v or ulimit -d, strict overcommit), nor beyond half the memory
// available, nor in a 32-bit address space, where a block of up to 1 GiB
// in one piece may not be found.
//
// RLIMIT_DATA (ulimit -d) counts every private writable mapping since
// Linux 4.7, untouched or not: the heap the block leaves mapped, on top
// of what the heap held, ran a first "poise search" of the issue 10
// vault under ulimit -d 900000 out of it (a thread could not start:
// SIGABRT and a stack trace), where it had succeeded without the block.
func roomFor(n int) bool {
	if n < minReserve || unsafe.Sizeof(uintptr(0)) < 8 {
		return false
	}
	for _, resource := range []int{unix.RLIMIT_AS, unix.RLIMIT_DATA} {
		var lim unix.Rlimit
		if unix.Getrlimit(resource, &lim) != nil || lim.Cur != unix.RLIM_INFINITY {
			return false
		}
	}
	if mode := strings.TrimSpace(readString("/proc/sys/vm/overcommit_memory")); mode == "" || mode == "2" {
		return false
	}
	avail := memAvailable()
	return avail > 0 && uint64(n) <= avail/2
}

// memAvailable is the kernel's estimate of the memory available to start
// new programs, 0 when unknown.
func memAvailable() uint64 {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, "MemAvailable:"); ok {
			kb, err := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}

// thpMode is the system's transparent huge page setting: "always",
// "madvise", "never", or "" when it cannot be read.
func thpMode() string {
	s := readString("/sys/kernel/mm/transparent_hugepage/enabled")
	i := strings.IndexByte(s, '[')
	j := strings.IndexByte(s, ']')
	if i < 0 || j < i {
		return ""
	}
	return s[i+1 : j]
}

// hugePageSize is the size of a transparent huge page, 0 when unknown.
func hugePageSize() uintptr {
	n, err := strconv.ParseUint(strings.TrimSpace(readString("/sys/kernel/mm/transparent_hugepage/hpage_pmd_size")), 10, 64)
	if err != nil || n&(n-1) != 0 {
		return 0
	}
	return uintptr(n)
}

// readString is a small file's contents, "" when it cannot be read.
func readString(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	return string(b)
}
