// Package search finds items in a kb.Library as an agent types: stemming,
// typo tolerance, synonyms from every pack, prefixes for the word being
// typed, filters and facet counts by kind, pack, emotion and tag, and
// highlighted snippets.
//
// It is a thin layer over the text engine (internal/textsearch), which
// does the searching: this package turns items into the engine's documents
// (titles and what customers say rank above tags, tags above body text),
// chooses the texts snippets are cut from, lists the default items for a
// blank query, and keeps the library's index on disk.
//
// Index is the library index. Open keeps it on disk in a directory keyed by
// a hash of the content and of the mapping version: it is reused at start,
// and rebuilt aside and swapped in when either changes or when what is on
// disk cannot be trusted. Options.ReadOnly (for the CLI) never writes and
// never waits on an index a running app holds: it builds in memory instead.
// OpenMemory builds the same index in memory, for tests.
//
// Changes are made in place, item by item: beside its documents the index
// keeps, per pack, which file gave which items and a digest of each
// (index_entries.go), written in the same Bleve batch as the documents and
// the content hash, so an update interrupted by a crash is seen at the
// next open (the hash no longer matches library.state) and never served.
// UpdateLibrary indexes the items of a new library that differ;
// UpdatePack and UpdateFiles load and reindex one pack or a few files
// (kb/packs calls UpdatePack through Store.Reindex after every change of
// the installed set); Sync reindexes the packs and files a scan found
// changed since the index was recorded (OpenRecorded). Queries keep being
// answered from the index as it was until a change is complete.
//
// Package searchtest generates large realistic libraries for benchmarks.
package search
