// Package search finds items in a kb.Library as an agent types: stemming,
// typo tolerance, synonyms from every pack, prefixes for the word being
// typed, filters and facet counts by kind, pack, emotion and tag, and
// highlighted snippets.
//
// Index is the library index. Open keeps it on disk in a directory keyed by
// a hash of the content and of the mapping version: it is reused at start,
// and rebuilt aside and swapped in when either changes or when what is on
// disk cannot be trusted. OpenMemory builds the same index in memory, for
// tests and read-only use. Update rebuilds for a changed library while
// queries keep being answered from the old one.
//
// Documents is the same engine for text that is not a pack item, such as
// journal entries: NewDocuments builds an in-memory index (nothing touches
// the disk, so private text stays private) that answers the same Query
// shapes with the same as-you-type behaviour.
//
// User text is never parsed as query syntax: it is split into words, and
// each word becomes a set of term lookups. Punctuation, quotes and operators
// such as +-:^~*? are just separators. A blank query returns a default
// (favourites and recent items first), never an error.
//
// Bleve is the engine; none of its types appear in this package's API.
package search
