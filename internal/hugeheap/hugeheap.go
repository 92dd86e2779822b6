// Package hugeheap has the memory the Go heap is about to grow into backed
// by 2 MB pages, for a phase that allocates hundreds of megabytes of fresh
// memory at once: the first index build of a large library.
//
// Each 4 KB page of fresh memory costs the process a page fault, about
// 25 µs of CPU on a small virtual machine plus the hypervisor's own time;
// a first "poise search" on the issue 10 vault took 113,000 of them
// (546 MB at its peak), several seconds of a 2-core machine. Linux can
// fault 2 MB at a time (transparent huge pages), but Ubuntu and most
// distributions only give them to memory a program asks for
// (MADV_HUGEPAGE, THP set to "madvise"), and Go never asks for its heap.
//
// The heap's page allocator hands out the lowest free addresses first, so
// a large block allocated, advised and freed before the phase becomes the
// memory the phase's allocations come from: the runtime maps it without
// touching it, the kernel keeps the advice on the mapping, and each first
// touch in it faults a whole 2 MB page. Until touched it is address space
// only.
package hugeheap

// Reserve has the next n bytes the Go heap grows into faulted in 2 MB
// pages, where the system allows it (Linux with transparent huge pages
// set to "madvise"); elsewhere, or when refused, it does nothing. Where
// the kernel would compact memory to find them, it reserves no more than
// it has free (see withoutCompaction). It runs
// a garbage collection. The returned function, to call once the phase is
// over, withdraws the advice, so that a process that keeps running does
// not have the kernel fill its sparse heap back into 2 MB pages
// (khugepaged collapses a 2 MB range with a single 4 KB page in use) once
// it has given memory back; pages already faulted stay as they are.
func Reserve(n int) (stop func()) {
	r := reserve(n)
	return r.stop
}
