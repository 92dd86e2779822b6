package search

import (
	"github.com/poisehq/poise/internal/textsearch"
	"github.com/poisehq/poise/kb"
)

// documentVersion changes whenever the way an item becomes a document
// changes (itemDocument), so that indexes on disk are rebuilt.
const documentVersion = "items-5"

// corpus is a library as the index sees it: its packs' entries (one item
// per distinct id, later packs winning, as in kb.Library) with the items
// they describe, and the synonyms of every pack. Documents are made only
// when a build needs them, so reusing an index on disk costs only the
// digests.
type corpus struct {
	entries []*packEntry
	items   []*kb.Item // in entry order
	sets    [][]string
	hash    string
}

func newCorpus(lib *kb.Library) *corpus {
	c := &corpus{entries: entriesOf(lib)}
	c.hash, _ = contentHash(c.entries)
	c.sets = synonymsOf(c.entries)
	for _, e := range c.entries {
		for _, f := range e.Files {
			for _, it := range f.Items {
				item, _ := lib.Item(it.ID)
				c.items = append(c.items, item)
			}
		}
	}
	return c
}

// textCorpus is the corpus as the text engine builds it, with the pack
// entries kept beside the documents for later updates.
func (c *corpus) textCorpus() *textsearch.Corpus {
	return &textsearch.Corpus{
		Hash: c.hash,
		Len:  len(c.items),
		Doc: func(i int) (string, textsearch.Document) {
			return c.items[i].ID, itemDocument(c.items[i])
		},
		DocIn: func(i int, m *textsearch.DocMemory) (string, textsearch.Document) {
			return c.items[i].ID, itemDocumentIn(c.items[i], m)
		},
		Synonyms:     c.sets,
		InternalFunc: c.internal,
	}
}

// internal is the pack entries as values kept with the index: made only
// when a build asks, on a goroutine of its own while its segments merge
// (a vault's 6,400 files encoded took a core for tens of milliseconds
// before the first document was written).
func (c *corpus) internal() map[string][]byte {
	internal := map[string][]byte{packsKey: encodeIDs(entryIDs(c.entries))}
	for _, e := range c.entries {
		storeEntry(internal, e)
	}
	return internal
}

func entryIDs(entries []*packEntry) []string {
	ids := make([]string, len(entries))
	for i, e := range entries {
		ids[i] = e.ID
	}
	return ids
}
