//go:build !linux

package textsearch

func dropCached(string) error { return nil }
