//go:build linux

package residency

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

func dropMapped(dir string) (int64, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return 0, fmt.Errorf("drop mapped pages of %s: %w", dir, err)
	}
	prefix := filepath.Clean(abs) + string(filepath.Separator)
	f, err := os.Open("/proc/self/maps")
	if err != nil {
		return 0, fmt.Errorf("drop mapped pages: %w", err)
	}
	defer f.Close()
	var dropped int64
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for sc.Scan() {
		start, end, ok := readOnlyMappingUnder(sc.Text(), prefix)
		if !ok {
			continue
		}
		if err := pageOut(start, end); err != nil {
			return dropped, fmt.Errorf("drop mapped pages of %s: %w", dir, err)
		}
		dropped += int64(end - start)
	}
	if err := sc.Err(); err != nil {
		return dropped, fmt.Errorf("drop mapped pages: read mappings: %w", err)
	}
	return dropped, nil
}

// readOnlyMappingUnder parses one line of /proc/self/maps ("start-end perms
// offset dev inode path") and reports the range of a mapping that cannot be
// written, of a file whose path starts with prefix.
func readOnlyMappingUnder(line, prefix string) (start, end uint64, ok bool) {
	fields := strings.Fields(line)
	if len(fields) < 6 || !strings.HasPrefix(fields[1], "r-") {
		return 0, 0, false
	}
	// A path with spaces is the rest of the line.
	path := strings.Join(fields[5:], " ")
	if !strings.HasPrefix(path, prefix) {
		return 0, 0, false
	}
	return mappingRange(fields[0])
}

// mappingRange parses a mapping's "start-end" (hexadecimal) in
// /proc/self/maps and smaps.
func mappingRange(field string) (start, end uint64, ok bool) {
	lo, hi, found := strings.Cut(field, "-")
	if !found {
		return 0, 0, false
	}
	start, err1 := strconv.ParseUint(lo, 16, 64)
	end, err2 := strconv.ParseUint(hi, 16, 64)
	if err1 != nil || err2 != nil || end <= start {
		return 0, 0, false
	}
	return start, end, true
}

// pageOut lets go of this process's resident pages in [start, end).
// MADV_PAGEOUT, not MADV_DONTNEED: callers read the range from
// /proc/self/maps or smaps a moment ago, and another thread may since
// have unmapped it and mapped other memory there (an index segment closed
// by an update, a dlclose, the dynamic loader mapping a library whole and
// then its relocated data over it, malloc). MADV_DONTNEED would zero
// anonymous memory and undo a private mapping's writes; MADV_PAGEOUT
// reclaims clean file pages the same way and never discards data (a page
// the process wrote is swapped out or kept). It also evicts from the page
// cache (Linux 6.18) the pages no other process maps, so the next read of
// them goes to the disk.
func pageOut(start, end uint64) error {
	if beforeAdvice != nil {
		beforeAdvice(start, end)
	}
	_, _, errno := unix.Syscall(unix.SYS_MADVISE, uintptr(start), uintptr(end-start), unix.MADV_PAGEOUT)
	if errno != 0 {
		return errno
	}
	return nil
}
