package search

import "github.com/poisehq/poise/kb"

// buildHeapPerByte is how many bytes of heap a first build (loading the
// library and indexing it) grows to per byte of notes, with margin: the
// issue 10 vault, 32 MB of markdown, peaked at 530-600 MB resident in
// "poise search" (Go's default GOGC, about 17 per byte) and less in the
// app (the build runs at GOGC 50 there).
const buildHeapPerByte = 24

// maxBuildHeap bounds FirstBuildHeap: what a larger library grows beyond
// it is faulted in as usual, and the block reserved is charged to the
// system's commit until given back.
const maxBuildHeap = 1 << 30

// FirstBuildHeap is about how far the Go heap grows while the library
// state describes is loaded and indexed from nothing: the memory worth
// having faulted in large pages (internal/hugeheap) before a first build.
// It is 0 when state is nil.
func FirstBuildHeap(state *kb.LibraryState) int {
	if state == nil {
		return 0
	}
	var size int64
	for _, p := range state.Packs {
		for _, f := range p.Files {
			size += f.Size
		}
	}
	return int(min(size*buildHeapPerByte, maxBuildHeap))
}
