//go:build linux

package hugeheap

import (
	"bufio"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

// TestReserveFaultsTheNextAllocationInHugePages reserves 64 MB, then
// allocates and touches 32 MB as a build would: it must land in the
// advised range and be faulted in 2 MB pages, which the kernel counts as
// AnonHugePages. Without the reservation the Go heap gets none.
//
// It runs in a process of its own, as Reserve is meant to at a program's
// start: memory the heap freed before (another run of the test) lies
// below any new reservation and is reused first.
func TestReserveFaultsTheNextAllocationInHugePages(t *testing.T) {
	if mode := thpMode(); mode != "madvise" {
		t.Skipf("transparent huge pages are %q here: Reserve only acts where they are given on request (\"madvise\")", mode)
	}
	if !inOwnProcess(t) {
		return
	}
	stop := Reserve(64 << 20)
	defer stop()
	buf := make([]byte, 32<<20)
	for i := 0; i < len(buf); i += 4096 {
		buf[i] = 1
	}
	// Its middle: the block may begin in the last pages of the heap
	// before the reservation, which start a mapping of their own.
	addr := uintptr(unsafe.Pointer(&buf[len(buf)/2]))
	m := mappingAt(t, addr)
	if !strings.Contains(" "+m.flags+" ", " hg ") {
		t.Errorf("the allocation's mapping %x-%x is not advised for huge pages (VmFlags: %s)", m.start, m.end, m.flags)
	}
	if m.anonHugeKB == 0 {
		t.Errorf("the allocation's mapping %x-%x holds no huge pages after touching 32 MB in it", m.start, m.end)
	}

	stop()
	stop() // once only
	if m := mappingAt(t, addr); !strings.Contains(" "+m.flags+" ", " nh ") {
		t.Errorf("after stop, the mapping %x-%x is still advised for huge pages (VmFlags: %s)", m.start, m.end, m.flags)
	}
	buf[0] = 2 // kept alive until its mapping was read
}

// TestReserveSkipsTooLittleAndTooMuch: below minReserve a collection is
// not worth it, and a block the system may refuse to map would end the
// process (the runtime cannot recover from it).
func TestReserveSkipsTooLittleAndTooMuch(t *testing.T) {
	for _, n := range []int{0, minReserve - 1, 1 << 50} {
		if roomFor(n) {
			t.Errorf("roomFor(%d) = true", n)
		}
	}
	if r := reserve(minReserve - 1); r.once != nil {
		t.Errorf("reserve(%d) advised %x-%x", minReserve-1, r.start, r.end)
	}
	Reserve(1 << 50)() // nothing reserved, and stopping it is harmless
}

// TestReserveSkipsALimitedDataSegment: under a ulimit -d the block, which
// stays mapped as heap, can leave too little for the build (a first
// "poise search" under ulimit -d 900000 ended with SIGABRT), so nothing is
// reserved, as under a ulimit -v.
func TestReserveSkipsALimitedDataSegment(t *testing.T) {
	for _, resource := range []int{unix.RLIMIT_DATA, unix.RLIMIT_AS} {
		var old unix.Rlimit
		if err := unix.Getrlimit(resource, &old); err != nil {
			t.Fatal(err)
		}
		if old.Cur != unix.RLIM_INFINITY {
			t.Skipf("resource %d is limited here already (%d)", resource, old.Cur)
		}
		limited := unix.Rlimit{Cur: 1 << 40, Max: old.Max}
		if err := unix.Setrlimit(resource, &limited); err != nil {
			t.Fatal(err)
		}
		got := roomFor(minReserve)
		if err := unix.Setrlimit(resource, &old); err != nil {
			t.Fatal(err)
		}
		if got {
			t.Errorf("roomFor(%d) = true with resource %d limited to %d", minReserve, resource, limited.Cur)
		}
	}
}

// childEnv tells a test it runs in the process of its own it asked for.
const childEnv = "HUGEHEAP_TEST_CHILD"

// inOwnProcess says whether the test runs in a process of its own; if it
// does not, it runs the test in one, reports how that went, and says no:
// the caller then returns.
func inOwnProcess(t *testing.T) bool {
	t.Helper()
	if os.Getenv(childEnv) != "" {
		return true
	}
	cmd := exec.Command(os.Args[0], "-test.run=^"+t.Name()+"$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), childEnv+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatalf("in a process of its own: %v\n%s", err, out)
	}
	return false
}

// mapping is one entry of /proc/self/smaps.
type mapping struct {
	start, end uintptr
	flags      string
	anonHugeKB int
}

// mappingAt is the mapping of /proc/self/smaps holding addr.
func mappingAt(t *testing.T, addr uintptr) mapping {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var m mapping
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		if lo, hi, ok := strings.Cut(fields[0], "-"); ok && !strings.HasSuffix(fields[0], ":") {
			if in {
				return m
			}
			s, err1 := strconv.ParseUint(lo, 16, 64)
			e, err2 := strconv.ParseUint(hi, 16, 64)
			in = err1 == nil && err2 == nil && uintptr(s) <= addr && addr < uintptr(e)
			m = mapping{start: uintptr(s), end: uintptr(e)}
			continue
		}
		if !in {
			continue
		}
		switch fields[0] {
		case "VmFlags:":
			m.flags = strings.Join(fields[1:], " ")
		case "AnonHugePages:":
			m.anonHugeKB, _ = strconv.Atoi(fields[1])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if !in {
		t.Fatalf("no mapping holds %x", addr)
	}
	return m
}
