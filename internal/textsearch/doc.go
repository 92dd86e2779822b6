// Package textsearch is Poise's text-search engine: the index mapping and
// analysis, query building, hit and facet collection, snippets and typo
// correction, for any texts. It knows nothing of packs or journal entries:
// kb/search puts a library's items in it, and the journal its entries.
//
// Index is one open index. A caller describes its texts as a Corpus of
// Documents (title, signals, meta and body, which count in that order, and
// the facets kind, source, emotion and tag) and builds it in memory
// (BuildMemory) or keeps it on disk under the corpus hash (OpenStored,
// BuildStored). The index stores no text: Index.Search looks hits up in the
// caller's Texts to cut snippets. Documents is an in-memory index that
// keeps its texts itself, with Put and Delete, for private text such as a
// journal: nothing touches the disk.
//
// User text is never parsed as query syntax: it is split into words, and
// each word becomes a set of term lookups. Punctuation, quotes and operators
// such as +-:^~*? are just separators. A blank query returns a default
// list (Texts.Defaults), never an error.
//
// How a query is answered, and why it stays cheap as the user types:
//   - each word is looked up by its English stem in titles, signals, meta
//     and bodies, with field boosts; multi-word synonyms ("money back") are
//     expanded here because Bleve's synonym support only handles single
//     words, which it expands itself;
//   - a word the index does not know is corrected from the index's own
//     vocabulary (edit distance 1 from 4 letters, 2 from 7);
//   - the word being typed also matches as a prefix: in titles, signals
//     and meta by the indexed first two letters of their words, kept to
//     the words its longer start begins as their dictionary lists them
//     (head_prefix.go), and through a bounded expansion into the most
//     frequent body stems it starts (n-grams of bodies tripled builds);
//   - the words as said, stop words included, match as a phrase in titles
//     and signals, and titles holding (nearly) all the words rank first;
//   - hits and facet counts are collected outside Bleve's collector, from a
//     table of facet values read once per index snapshot.
//
// Bleve is the engine; none of its types appear in this package's API.
package textsearch
