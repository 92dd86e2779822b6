//go:build !linux

package hugeheap

// region is empty where huge pages cannot be asked for.
type region struct{}

func reserve(int) region { return region{} }

func (region) stop() {}
