//go:build linux

package hugeheap

import (
	"math/bits"
	"strconv"
	"strings"
)

// withoutCompaction is how much of an n-byte reservation the kernel can
// fault in huge pages (page bytes each; basePage is the system's page
// size) without compacting memory, given the contents of
// /sys/kernel/mm/transparent_hugepage/defrag and /proc/buddyinfo: n when
// it can, less when it has too few free huge pages, 0 when it cannot tell.
//
// Where defrag is "always", "madvise" (the kernel's default) or
// "defer+madvise", a fault in memory advised MADV_HUGEPAGE that finds no
// free 2 MB block reclaims and compacts memory there and then: on a
// fragmented machine the first build would stall in those faults, longer
// than the 4 KB faults it saves. With "defer" or "never" the fault takes a
// 4 KB page instead, so all of n can be advised at no risk.
//
// Free blocks of order 9 and above (2 MB and larger, /proc/buddyinfo's
// columns from the tenth on, per zone) are the huge pages a fault can take
// at once. Only half of them are counted: the rest of the process, the
// page cache and other programs split them too while the build runs, and
// the kernel keeps its watermarks. The ISA DMA zone (16 MB) is left out:
// user memory is not taken from it. On a machine with a few GB free
// (about 2,000 free 2 MB blocks here) the whole reservation, at most
// 1 GiB, fits.
func withoutCompaction(n int, defrag, buddyinfo string, page, basePage uintptr) int {
	switch selected(defrag) {
	case "defer", "never":
		return n
	case "always", "madvise", "defer+madvise":
	default:
		return 0 // a mode this code does not know: assume it may stall
	}
	if n <= 0 || basePage == 0 || page < basePage || page&(page-1) != 0 || basePage&(basePage-1) != 0 {
		return 0
	}
	order := bits.TrailingZeros64(uint64(page / basePage)) // 9 for 2 MB pages of 4 KB
	free, ok := freeBlocks(buddyinfo, order)
	if !ok {
		return 0
	}
	if usable := free / 2; usable < uint64(n)/uint64(page) {
		return int(usable * uint64(page))
	}
	return n
}

// selected is the bracketed choice of a kernel setting such as
// "always defer defer+madvise [madvise] never", "" when there is none.
func selected(setting string) string {
	i := strings.IndexByte(setting, '[')
	j := strings.IndexByte(setting, ']')
	if i < 0 || j < i {
		return ""
	}
	return setting[i+1 : j]
}

// freeBlocks counts the free blocks of 2^order pages in /proc/buddyinfo
// ("Node 0, zone   Normal  31670 4200 … 30 227": free blocks of order 0,
// 1, …), a block of a higher order counting as the blocks it splits into.
// It says false when the text is not that, or lists no zone.
func freeBlocks(buddyinfo string, order int) (uint64, bool) {
	// Beyond these a count or an order is garbage (Linux's orders end at
	// 10 to 15), and the sum cannot overflow below them.
	const maxCount, maxOrder, maxTotal = 1 << 32, 16, 1 << 60
	var total uint64
	zones := 0
	for line := range strings.Lines(buddyinfo) {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) < 4 || f[0] != "Node" || f[2] != "zone" {
			return 0, false
		}
		zones++
		if f[3] == "DMA" {
			continue
		}
		for k, s := range f[4:] {
			c, err := strconv.ParseUint(s, 10, 64)
			if err != nil || c > maxCount || k > maxOrder {
				return 0, false
			}
			if k >= order {
				total = min(total+c<<(k-order), maxTotal)
			}
		}
	}
	return total, zones > 0
}
