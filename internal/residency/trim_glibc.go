//go:build linux && cgo

package residency

// #include <malloc.h>
import "C"

// trimCHeap has glibc's malloc give back the free memory in the middle of
// its heap, not only at its top: Mesa's software renderer and the
// windowing libraries malloc and free texture and glyph buffers as results
// and previews change, and glibc keeps what they freed.
func trimCHeap() { C.malloc_trim(0) }
