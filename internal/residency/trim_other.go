//go:build !(linux && cgo)

package residency

func trimCHeap() {}

func cHeap() (inUse, free uint64, ok bool) { return 0, 0, false }
