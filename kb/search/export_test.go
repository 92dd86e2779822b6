package search

// InMemory reports whether the index lives only in memory, for the
// benchmarks, which must measure the index on disk.
func (ix *Index) InMemory() bool { return ix.inMemory() }
