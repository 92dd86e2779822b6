//go:build linux && cgo

package residency

// malloc_trim and mallinfo2 are glibc's. They are declared weak so that a
// C library without them (musl, glibc before 2.33) still links, and the
// trim or the count is then skipped.

// #include <stddef.h>
// struct mallinfo2 { size_t arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost; };
// extern int malloc_trim(size_t pad) __attribute__((weak));
// extern struct mallinfo2 mallinfo2(void) __attribute__((weak));
// static void poise_malloc_trim(void) { if (malloc_trim) malloc_trim(0); }
// static int poise_mallinfo(size_t *used, size_t *free) {
//   if (!mallinfo2) return 0;
//   struct mallinfo2 m = mallinfo2();
//   *used = m.uordblks + m.hblkhd; *free = m.fordblks;
//   return 1;
// }
import "C"

// trimCHeap has glibc's malloc give back the free memory in the middle of
// its heap, not only at its top: Mesa's software renderer and the
// windowing libraries malloc and free texture and glyph buffers as results
// and previews change, and glibc keeps what they freed.
func trimCHeap() { C.poise_malloc_trim() }

func cHeap() (inUse, free uint64, ok bool) {
	var u, f C.size_t
	if C.poise_mallinfo(&u, &f) == 0 {
		return 0, 0, false
	}
	return uint64(u), uint64(f), true
}
