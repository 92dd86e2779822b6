package search

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"strconv"
	"unsafe"

	"github.com/poisehq/poise/internal/textsearch"
	"github.com/poisehq/poise/kb"
)

// documentVersion changes whenever the way an item becomes a document
// changes (itemDocument), so that indexes on disk are rebuilt.
const documentVersion = "items-3"

// corpus is a library as the index sees it: one item per distinct id
// (later packs win, as in kb.Library) and the synonyms of every pack.
// Documents are made only when a build needs them, so reusing an index on
// disk costs only the hash.
type corpus struct {
	ids   []string
	items []*kb.Item
	sets  [][]string
	hash  string
}

func newCorpus(lib *kb.Library) *corpus {
	c := &corpus{}
	pos := map[string]int{}
	if lib != nil {
		lib.Items(func(it *kb.Item) {
			if i, ok := pos[it.ID]; ok {
				c.items[i] = it
				return
			}
			pos[it.ID] = len(c.ids)
			c.ids = append(c.ids, it.ID)
			c.items = append(c.items, it)
		})
		c.sets = lib.Synonyms()
	}
	c.hash = c.computeHash()
	return c
}

// computeHash covers every item field the index reads, the synonyms and
// the mapping version, so any change to them means a rebuild.
func (c *corpus) computeHash() string {
	h := sha256.New()
	var n [8]byte
	str := func(s string) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		// No copy: hashing reads the bytes and keeps nothing.
		h.Write(unsafe.Slice(unsafe.StringData(s), len(s)))
	}
	strs := func(ss []string) {
		str(strconv.Itoa(len(ss)))
		for _, s := range ss {
			str(s)
		}
	}
	str(textsearch.MappingVersion)
	str(documentVersion)
	for _, it := range c.items {
		str(it.ID)
		str(string(it.Kind))
		str(it.Pack)
		str(it.Title)
		str(it.Category)
		str(it.Summary)
		str(it.Text)
		str(it.Body)
		strs(it.Tags)
		strs(it.Emotions)
		strs(it.Signals)
		strs(it.Situations)
		if it.Phrase != nil {
			str(it.Phrase.InsteadOf)
			strs(it.Phrase.Try)
			str(it.Phrase.Why)
		}
		for _, o := range it.Options {
			str(o.Title)
			str(o.Say)
		}
		for _, st := range it.Steps {
			str(st.Text)
		}
	}
	for _, set := range c.sets {
		strs(set)
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// textCorpus is the corpus as the text engine builds it.
func (c *corpus) textCorpus() *textsearch.Corpus {
	return &textsearch.Corpus{
		Hash: c.hash,
		Len:  len(c.ids),
		Doc: func(i int) (string, textsearch.Document) {
			return c.ids[i], itemDocument(c.items[i])
		},
		Synonyms: c.sets,
	}
}
