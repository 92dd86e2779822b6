// Package search finds items in a kb.Library as an agent types: stemming,
// typo tolerance, synonyms from every pack, prefixes for the word being
// typed, filters and facet counts by kind, pack, emotion and tag, and
// highlighted snippets.
//
// Index is the library index. Open keeps it on disk in a directory keyed by
// a hash of the content and of the mapping version: it is reused at start,
// and rebuilt aside and swapped in when either changes or when what is on
// disk cannot be trusted. Options.ReadOnly (for the CLI) never writes and
// never waits on an index a running app holds: it builds in memory instead.
// OpenMemory builds the same index in memory, for tests. Update rebuilds
// for a changed library while queries keep being answered from the old one.
//
// Documents is the same engine for text that is not a pack item, such as
// journal entries: NewDocuments builds an in-memory index (nothing touches
// the disk, so private text stays private) that answers the same Query
// shapes with the same as-you-type behaviour; Put and Delete keep it
// current.
//
// User text is never parsed as query syntax: it is split into words, and
// each word becomes a set of term lookups. Punctuation, quotes and operators
// such as +-:^~*? are just separators. A blank query returns a default
// (favourites and recent items first), never an error.
//
// How a query is answered, and why it stays cheap as the user types:
//   - each word is looked up by its English stem in titles, signals, tags
//     and bodies, with field boosts; multi-word synonyms ("money back") are
//     expanded here because Bleve's synonym support only handles single
//     words, which it expands itself;
//   - a word the index does not know is corrected from the index's own
//     vocabulary (edit distance 1 from 4 letters, 2 from 7);
//   - the word being typed also matches as a prefix: through edge n-grams
//     of titles, signals and tags, and through a bounded expansion into the
//     most frequent body stems it starts (n-grams of bodies tripled builds);
//   - the words as said, stop words included, match as a phrase in titles
//     and signals, and titles holding (nearly) all the words rank first;
//   - hits and facet counts are collected outside Bleve's collector, from a
//     table of facet values read once per index snapshot.
//
// Package searchtest generates large realistic libraries for benchmarks.
//
// Bleve is the engine; none of its types appear in this package's API.
package search
