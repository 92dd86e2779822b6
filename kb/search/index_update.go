package search

import (
	"context"
	"errors"
	"slices"

	"github.com/poisehq/poise/internal/textsearch"
	"github.com/poisehq/poise/kb"
)

// errTooMany means an update would change so much of the index that
// building it afresh is about as quick and leaves it compact.
var errTooMany = errors.New("too many changes to update the index in place")

// inPlaceMin is the number of changed items an update always makes in
// place, however small the library: beyond it and beyond half the
// library, the index is built afresh aside instead.
const inPlaceMin = 2000

// diffEntries is the change from the entries an index keeps (old) to the
// wanted ones, and the ids of the items to index anew: added, or with a
// digest that differs. Entries present in both as the same pointer are
// unchanged and skipped unread.
func diffEntries(old, want []*packEntry) (*textsearch.Change, []string) {
	ch := &textsearch.Change{Internal: map[string][]byte{}}
	byID := make(map[string]*packEntry, len(old))
	for _, e := range old {
		byID[e.ID] = e
	}
	var add []string
	for _, ne := range want {
		oe := byID[ne.ID]
		delete(byID, ne.ID)
		if oe == ne {
			continue
		}
		gone, added, files, same := diffPack(oe, ne)
		add = append(add, added...)
		ch.Delete = append(ch.Delete, gone...)
		if same {
			continue
		}
		if oe == nil || !sameHeader(oe.header(), ne.header()) {
			ch.Internal[packKey(ne.ID)] = encodeHeader(ne.header())
		}
		for path, items := range files {
			if items == nil {
				ch.Internal[fileKey(ne.ID, path)] = nil
			} else {
				ch.Internal[fileKey(ne.ID, path)] = encodeItems(*items)
			}
		}
	}
	var removed []string
	for id := range byID {
		removed = append(removed, id)
	}
	slices.Sort(removed)
	for _, id := range removed {
		for _, f := range byID[id].Files {
			for _, it := range f.Items {
				ch.Delete = append(ch.Delete, it.ID)
			}
		}
		dropEntry(ch.Internal, byID[id])
	}
	if ids := entryIDs(want); !slices.Equal(entryIDs(old), ids) {
		ch.Internal[packsKey] = encodeIDs(ids)
	}
	if before, after := synonymsOf(old), synonymsOf(want); !slices.EqualFunc(before, after, slices.Equal) {
		ch.Synonyms, ch.SetSynonyms = after, true
	}
	return ch, add
}

// diffPack compares one pack's entries, file by file in path order, so
// that files whose items are unchanged cost a comparison: the ids of the
// items gone, those to index (new, or with another digest), and whether
// the entries are the same. oe is nil for a new pack.
func diffPack(oe, ne *packEntry) (gone, add []string, files map[string]*[]itemEntry, same bool) {
	if oe == nil {
		oe = &packEntry{}
	}
	same = oe.ID == ne.ID && oe.Dir == ne.Dir && oe.Language == ne.Language &&
		slices.Equal(oe.Overrides, ne.Overrides) && slices.EqualFunc(oe.Synonyms, ne.Synonyms, slices.Equal)
	files = map[string]*[]itemEntry{} // changed files: their new items, nil when gone
	var before, after []itemEntry     // items of the files that differ
	i, j := 0, 0
	for i < len(oe.Files) || j < len(ne.Files) {
		switch {
		case j == len(ne.Files) || i < len(oe.Files) && oe.Files[i].Path < ne.Files[j].Path:
			before = append(before, oe.Files[i].Items...)
			files[oe.Files[i].Path] = nil
			i++
		case i == len(oe.Files) || ne.Files[j].Path < oe.Files[i].Path:
			after = append(after, ne.Files[j].Items...)
			files[ne.Files[j].Path] = &ne.Files[j].Items
			j++
		default:
			if !slices.Equal(oe.Files[i].Items, ne.Files[j].Items) {
				before = append(before, oe.Files[i].Items...)
				after = append(after, ne.Files[j].Items...)
				files[ne.Files[j].Path] = &ne.Files[j].Items
			}
			i++
			j++
		}
	}
	if len(files) == 0 {
		return nil, nil, nil, same
	}
	sums := make(map[string][16]byte, len(before))
	for _, it := range before {
		sums[it.ID] = it.Sum
	}
	for _, it := range after {
		if s, ok := sums[it.ID]; !ok || s != it.Sum {
			add = append(add, it.ID)
		}
		delete(sums, it.ID)
	}
	for id := range sums {
		gone = append(gone, id)
	}
	slices.Sort(gone)
	return gone, add, files, false
}

// sameHeader reports whether two pack headers hold the same.
func sameHeader(a, b packHeader) bool {
	return a.ID == b.ID && a.Name == b.Name && a.Dir == b.Dir && a.Language == b.Language && slices.Equal(a.Overrides, b.Overrides) &&
		slices.EqualFunc(a.Synonyms, b.Synonyms, slices.Equal) && slices.Equal(a.Paths, b.Paths)
}

// applyEntries updates g's index in place to hold the wanted entries,
// taking the items to index from item, and returns the generation that
// answers for lib (nil when only the index is known) and state. g keeps
// answering until the caller swaps the result in. With rebuild set, a
// change of most of the library is refused with errTooMany, for the
// caller to build afresh.
func applyEntries(ctx context.Context, g *generation, want []*packEntry, item func(id string) *kb.Item, lib *kb.Library, state *kb.LibraryState, rebuild bool) (*generation, error) {
	old, err := g.entriesRead()
	if err != nil {
		return nil, err
	}
	ch, add := diffEntries(old, want)
	hash, n := contentHash(want)
	if rebuild && len(add)+len(ch.Delete) > max(inPlaceMin, n/2) {
		return nil, errTooMany
	}
	docs := make([]*kb.Item, len(add))
	for i, id := range add {
		if docs[i] = item(id); docs[i] == nil {
			return nil, errors.New("update index: item " + id + " is missing from its pack")
		}
	}
	ch.Len = len(docs)
	ch.Doc = func(i int) (string, textsearch.Document) { return docs[i].ID, itemDocument(docs[i]) }
	ch.Hash = hash
	eng := g.eng
	if !ch.Empty() || len(ch.Internal) > 0 || hash != g.hash {
		if eng, err = g.eng.Apply(ctx, ch); err != nil {
			return nil, err
		}
	}
	return &generation{eng: eng, lib: lib, hash: hash, path: g.path, docs: n, sets: synonymsOf(want), state: state, entries: want, indexed: len(add), deleted: len(ch.Delete), names: namesOf(eng)}, nil
}

// entriesRead are the pack entries g's index keeps, read once.
func (g *generation) entriesRead() ([]*packEntry, error) {
	if g.entries != nil {
		return g.entries, nil
	}
	e, err := readEntries(g.eng)
	if err == nil {
		g.entries = e
	}
	return e, err
}
