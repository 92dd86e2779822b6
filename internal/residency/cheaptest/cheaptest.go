//go:build linux && cgo

// Package cheaptest fragments the C heap for residency's tests (a test
// file cannot use cgo).
package cheaptest

// #include <stdlib.h>
// #include <string.h>
import "C"

import "unsafe"

// Fragment mallocs n blocks of size bytes, writes them, and frees all
// but the last, which keeps the heap's top in use so that glibc cannot
// give the rest back by moving its break. It returns the kept block for
// Free.
func Fragment(n, size int) unsafe.Pointer {
	var last unsafe.Pointer
	blocks := make([]unsafe.Pointer, n)
	for i := range blocks {
		p := C.malloc(C.size_t(size))
		C.memset(p, 1, C.size_t(size))
		blocks[i] = p
	}
	for _, p := range blocks[:n-1] {
		C.free(p)
	}
	last = blocks[n-1]
	return last
}

// Free frees a block Fragment kept.
func Free(p unsafe.Pointer) { C.free(p) }
