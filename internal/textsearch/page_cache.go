package textsearch

// dropFromPageCache has the system forget the cached pages of a segment
// file just written, once they are on disk (Linux; elsewhere it does
// nothing). The page cache keeps a file in folios of the size it was
// written in, on file systems with large folios (ext4 since Linux 6.16,
// XFS, tmpfs), and a read of a memory-mapped file maps the whole folio it
// falls in: zapx writes a segment's sections in writes of a megabyte or
// more, so every page a search read brought one or two megabytes of the
// index into the app's resident memory (on the issue 10 vault a search
// left 39-41 MB of the index resident, against 14-16 MB for the same file
// read back from disk). Read back, the file comes in small folios. The
// next searches read from disk what they need, once.
func dropFromPageCache(path string) error { return dropCached(path) }
