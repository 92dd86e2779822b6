package search

// InMemory reports whether the index lives only in memory, for the
// benchmarks, which must measure the index on disk.
func (ix *Index) InMemory() bool { return ix.inMemory() }

// lastChange is what the update that made the current index in place
// indexed and deleted.
func (ix *Index) lastChange() (indexed, deleted int) {
	g := ix.current()
	return g.indexed, g.deleted
}
