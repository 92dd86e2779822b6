// Package residency gives back the pages of memory-mapped files a process
// has read, once it no longer needs them at hand.
//
// Bleve maps its index segments into memory and reads them in place: every
// page a search touched then counts in the app's resident memory (about 50
// MB for the issue 10 vault after a few searches) until the kernel is short
// of memory. Dropping the mapping's pages leaves them in the page cache, so
// the next search that needs one maps it back without reading the disk.
package residency

// DropMapped unmaps from this process the resident pages of every file
// mapped read-only from under dir (the files stay mapped; a later read
// brings a page back from the page cache). It returns how many bytes of
// mappings it went over. Only Linux can do this; elsewhere it does
// nothing.
func DropMapped(dir string) (int64, error) {
	return dropMapped(dir)
}

// TrimCHeap gives back to the system the memory C libraries (the
// renderer, the windowing system) freed but the C allocator kept. Only
// with glibc on Linux; elsewhere it does nothing.
func TrimCHeap() { trimCHeap() }

// CHeap reports the bytes glibc's malloc has handed out (in use) and those
// freed but kept in its main arena (free), for measuring where the app's
// memory goes; ok is false where that cannot be known.
func CHeap() (inUse, free uint64, ok bool) { return cHeap() }

// DropProgramPages unmaps from this process the resident pages of its program
// file and shared libraries that hold nothing of the process's own: the
// code and read-only data it ran or read once and may not need again.
// Mesa's software renderer runs LLVM only to compile its shaders, yet
// the 46 MB of LLVM's code that did stayed resident for good, as did the
// program's start-up code and the fonts and pack it embeds (on the issue
// 10 vault 108 MB of the app's resident memory was mapped files, 50 MB
// with these let go). The code that still runs maps its pages back at its
// next call. The kernel is advised to page them out (MADV_PAGEOUT), which
// never discards data, even should a range be unmapped and reused by
// other memory between reading it and letting it go; pages other
// processes map too are left. It returns the resident bytes of the
// mappings advised. Only Linux can do this; elsewhere it does nothing.
func DropProgramPages() (int64, error) { return dropProgramPages() }
