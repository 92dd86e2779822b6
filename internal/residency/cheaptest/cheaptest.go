//go:build linux && cgo

// Package cheaptest fragments the C heap for residency's tests (a test
// file cannot use cgo).
package cheaptest

// #include <stdlib.h>
// #include <string.h>
//
// /* One C call, so one thread and one of glibc's arenas: blocks malloced
//    by separate cgo calls land in whichever arena the calling thread
//    has, and an arena without the kept block gives its memory back on
//    free, before the trim the test measures. */
// static void *poise_fragment(int n, int size) {
//     void **blocks = malloc(sizeof(void *) * (size_t)n);
//     void *last;
//     int i;
//     if (blocks == NULL) return NULL;
//     for (i = 0; i < n; i++) {
//         blocks[i] = malloc((size_t)size);
//         if (blocks[i] != NULL) memset(blocks[i], 1, (size_t)size);
//     }
//     for (i = 0; i < n - 1; i++) free(blocks[i]);
//     last = blocks[n - 1];
//     free(blocks);
//     return last;
// }
import "C"

import "unsafe"

// Fragment mallocs n blocks of size bytes, writes them, and frees all
// but the last, which keeps the heap's top in use so that glibc cannot
// give the rest back by moving its break. It returns the kept block for
// Free.
func Fragment(n, size int) unsafe.Pointer {
	return C.poise_fragment(C.int(n), C.int(size))
}

// Free frees a block Fragment kept.
func Free(p unsafe.Pointer) { C.free(p) }
