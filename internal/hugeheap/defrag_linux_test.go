//go:build linux

package hugeheap

import (
	"strings"
	"testing"
)

// Samples of /proc/buddyinfo: this machine during stop 28 (about 2,000
// free 2 MB blocks, 4 GB), and a fragmented one with memory free only in
// small blocks.
const (
	buddyPlenty = `Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3 
Node 0, zone    DMA32      4      1      2      2      2      2      1      4      4      2    752 
Node 0, zone   Normal  31670   4200  35358  21311   7950   3810   1296    421    125     30    227 
`
	buddyFragmented = `Node 0, zone      DMA      1      1      1      0      2      1      1      0      1      1      3 
Node 0, zone    DMA32   9120   4533   2210    804    120     13      2      0      0      0      0 
Node 0, zone   Normal 210334  95211  40112  12003   2110    301     22      1      0      1      0 
`
	// 100 free 2 MB blocks: 40 of order 9, 30 of order 10 (2 each).
	buddySome = `Node 0, zone   Normal  500 400 300 200 100 50 20 10 5 40 30
`
	// Two nodes, with a Movable zone.
	buddyTwoNodes = `Node 0, zone   Normal  1 1 1 1 1 1 1 1 1 100 0
Node 1, zone   Normal  1 1 1 1 1 1 1 1 1 100 0
Node 1, zone  Movable  1 1 1 1 1 1 1 1 1 0 50
`
)

const (
	defragMadvise = "always defer defer+madvise [madvise] never\n"
	mb            = 1 << 20
	hugePage      = 2 * mb
	basePage      = 4096
)

// defragSetting is the defrag file with mode chosen.
func defragSetting(mode string) string {
	modes := strings.Fields("always defer defer+madvise madvise never")
	for i, m := range modes {
		if m == mode {
			modes[i] = "[" + m + "]"
		}
	}
	return strings.Join(modes, " ") + "\n"
}

// A reservation is kept whole where huge pages are free or where a fault
// never compacts, shrunk to half the free huge pages where few are free,
// and dropped where none are, or where the files cannot be read or make
// no sense: on a fragmented machine with defrag "madvise" (the kernel's
// default), faults in the advised block stall in direct compaction.
func TestWithoutCompaction(t *testing.T) {
	const vault = 768 * mb // the issue 10 vault's reservation, 24 bytes a byte of notes
	tests := []struct {
		name              string
		n                 int
		defrag, buddyinfo string
		want              int
	}{
		{"plenty free (this machine), madvise: whole", vault, defragMadvise, buddyPlenty, vault},
		{"plenty free, the 1 GiB bound: whole", 1 << 30, defragMadvise, buddyPlenty, 1 << 30},
		{"plenty free, always: whole", vault, defragSetting("always"), buddyPlenty, vault},
		{"fragmented, madvise: nothing", vault, defragMadvise, buddyFragmented, 0},
		{"fragmented, always: nothing", vault, defragSetting("always"), buddyFragmented, 0},
		{"fragmented, defer+madvise: nothing", vault, defragSetting("defer+madvise"), buddyFragmented, 0},
		{"fragmented, defer: whole (faults fall back to 4 KB)", vault, defragSetting("defer"), buddyFragmented, vault},
		{"fragmented, never: whole (faults fall back to 4 KB)", vault, defragSetting("never"), buddyFragmented, vault},
		{"100 free, 384 wanted: half the free", vault, defragMadvise, buddySome, 50 * hugePage},
		{"100 free, 40 wanted: whole", 80 * mb, defragMadvise, buddySome, 80 * mb},
		{"two nodes and a movable zone add up", vault, defragMadvise, buddyTwoNodes, 150 * hugePage},
		{"the DMA zone alone does not count", vault, defragMadvise, "Node 0, zone      DMA      0 0 0 0 0 0 0 0 1 1 3\n", 0},
		{"no buddyinfo", vault, defragMadvise, "", 0},
		{"garbage buddyinfo", vault, defragMadvise, "\x00\xff not a buddyinfo\n", 0},
		{"a count that is not a number", vault, defragMadvise, "Node 0, zone Normal 1 2 x 4 5 6 7 8 9 10 11\n", 0},
		{"a negative count", vault, defragMadvise, "Node 0, zone Normal 1 2 3 4 5 6 7 8 9 -10 11\n", 0},
		{"a huge count", vault, defragMadvise, "Node 0, zone Normal 1 2 3 4 5 6 7 8 9 99999999999999999999 11\n", 0},
		{"a good line, then garbage", vault, defragMadvise, buddyPlenty + "garbage\n", 0},
		{"no defrag file", vault, "", buddyPlenty, 0},
		{"garbage defrag", vault, "[whatever] never", buddyPlenty, 0},
		{"defrag without a choice", vault, "always defer madvise never", buddyPlenty, 0},
		{"nothing wanted", 0, defragMadvise, buddyPlenty, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := withoutCompaction(tt.n, tt.defrag, tt.buddyinfo, hugePage, basePage); got != tt.want {
				t.Errorf("withoutCompaction(%d MB) = %d MB, want %d MB", tt.n/mb, got/mb, tt.want/mb)
			}
		})
	}
	t.Run("page sizes that make no sense", func(t *testing.T) {
		for _, p := range [][2]uintptr{{0, basePage}, {hugePage, 0}, {basePage, hugePage}, {3 * mb, basePage}, {hugePage, 3000}} {
			if got := withoutCompaction(vault, defragMadvise, buddyPlenty, p[0], p[1]); got != 0 {
				t.Errorf("pages of %d and %d bytes: %d MB, want 0", p[0], p[1], got/mb)
			}
		}
	})
}

// FuzzWithoutCompaction: whatever the kernel's files hold, the decision
// neither panics nor reserves more than asked, and gives whole huge pages
// when it shrinks.
func FuzzWithoutCompaction(f *testing.F) {
	for _, b := range []string{buddyPlenty, buddyFragmented, buddySome, buddyTwoNodes, ""} {
		f.Add(768*mb, defragMadvise, b)
	}
	f.Fuzz(func(t *testing.T, n int, defrag, buddyinfo string) {
		got := withoutCompaction(n, defrag, buddyinfo, hugePage, basePage)
		if got < 0 || got > max(n, 0) || (got != n && got%hugePage != 0) {
			t.Errorf("withoutCompaction(%d, %q, %q) = %d", n, defrag, buddyinfo, got)
		}
	})
}
