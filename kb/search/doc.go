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
// OpenMemory builds the same index in memory, for tests. Update rebuilds
// for a changed library while queries keep being answered from the old one.
//
// Package searchtest generates large realistic libraries for benchmarks.
package search
