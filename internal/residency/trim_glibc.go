//go:build linux && cgo

package residency

// malloc_trim is glibc's. It is declared weak so that a C library
// without it (musl) still links, and the trim is then skipped.

// #include <stddef.h>
// extern int malloc_trim(size_t pad) __attribute__((weak));
// static void poise_malloc_trim(void) { if (malloc_trim) malloc_trim(0); }
import "C"

// trimCHeap has glibc's malloc give back the free memory in the middle of
// its heap, not only at its top: Mesa's software renderer and the
// windowing libraries malloc and free texture and glyph buffers as results
// and previews change, and glibc keeps what they freed.
func trimCHeap() { C.poise_malloc_trim() }
