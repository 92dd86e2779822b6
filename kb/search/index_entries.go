package search

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"hash"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"unsafe"

	"github.com/poisehq/poise/internal/textsearch"
	"github.com/poisehq/poise/kb"
)

// packEntry is what the index keeps, beside its documents, of one pack:
// which file gave which items, and a digest of each item's indexed
// fields. It is what lets an update find the items a changed pack or file
// had, and change only those that differ, without the old library.
type packEntry struct {
	ID        string
	Name      string // the manifest's
	Dir       string // the pack's folder in the packs folder, when known
	Language  string // the manifest's
	Overrides []string
	Synonyms  [][]string
	Files     []fileEntry // in path order
}

// fileEntry is one file's items.
type fileEntry struct {
	Path  string
	Items []itemEntry
}

// itemEntry is one indexed item.
type itemEntry struct {
	ID  string
	Sum [16]byte // itemSum
}

// packOrder is the order of packs for everything order matters to (the
// synonym sets): the built-in pack first, then by id, as LoadLibrary
// loads them.
func packOrder(a, b string) int {
	if (a == kb.BuiltinID) != (b == kb.BuiltinID) {
		if a == kb.BuiltinID {
			return -1
		}
		return 1
	}
	return cmp.Compare(a, b)
}

// entriesOf describes lib's packs as the index holds them: every item the
// library shows (later packs win on an id, replaced items are out), the
// pack's synonym sets and overrides. Packs with one id are one entry.
func entriesOf(lib *kb.Library) []*packEntry {
	byID := map[string]*packEntry{}
	files := map[string]map[string]int{} // pack → file → index in Files
	var out []*packEntry
	if lib == nil {
		return nil
	}
	for _, p := range lib.Packs {
		id := p.Manifest.ID
		e := byID[id]
		if e == nil {
			e = &packEntry{ID: id, Name: p.Manifest.Name, Dir: p.Dir, Language: p.Manifest.Language}
			byID[id] = e
			files[id] = map[string]int{}
			out = append(out, e)
		}
		e.Overrides = append(e.Overrides, p.Manifest.Overrides...)
		e.Synonyms = append(e.Synonyms, p.Synonyms...)
		sums := itemSums(p.Items)
		for i := range p.Items {
			it := &p.Items[i]
			if cur, ok := lib.Item(it.ID); !ok || cur != it {
				continue // another pack's item of the same id wins
			}
			e.addSum(files[id], it, sums[i])
		}
	}
	for _, e := range out {
		e.sortFiles()
	}
	slices.SortFunc(out, func(a, b *packEntry) int { return packOrder(a.ID, b.ID) })
	return out
}

// add records it under its file; at records where files are in Files.
func (e *packEntry) add(at map[string]int, it *kb.Item) { e.addSum(at, it, itemSum(it)) }

// addSum is add with it's itemSum already made.
func (e *packEntry) addSum(at map[string]int, it *kb.Item, sum [16]byte) {
	i, ok := at[it.Source.File]
	if !ok {
		i = len(e.Files)
		at[it.Source.File] = i
		e.Files = append(e.Files, fileEntry{Path: it.Source.File})
	}
	e.Files[i].Items = append(e.Files[i].Items, itemEntry{ID: it.ID, Sum: sum})
}

func (e *packEntry) sortFiles() {
	slices.SortStableFunc(e.Files, func(a, b fileEntry) int { return cmp.Compare(a.Path, b.Path) })
}

// packEntryOf describes one loaded pack, leaving out the items hidden by
// the overrides of other packs.
func packEntryOf(p *kb.Pack, hidden map[string]string) *packEntry {
	e := &packEntry{ID: p.Manifest.ID, Name: p.Manifest.Name, Dir: p.Dir, Language: p.Manifest.Language, Overrides: p.Manifest.Overrides, Synonyms: p.Synonyms}
	at := map[string]int{}
	seen := map[string]bool{}
	for i := range p.Items {
		it := &p.Items[i]
		if isHidden(it.ID, e.ID, hidden) || seen[it.ID] {
			continue
		}
		seen[it.ID] = true
		e.add(at, it)
	}
	e.sortFiles()
	return e
}

func encodeIDs(ids []string) []byte {
	var buf bytes.Buffer
	_ = gob.NewEncoder(&buf).Encode(ids)
	return buf.Bytes()
}

// errNoEntries means the index keeps no pack entries (it was built by an
// older Poise): it can only be rebuilt.
var errNoEntries = fmt.Errorf("the index keeps no record of its packs")

// hiddenBy maps every item id the packs' overrides replace to the pack
// replacing it, as kb.NewLibrary does.
func hiddenBy(entries []*packEntry) map[string]string {
	hidden := map[string]string{}
	for _, e := range entries {
		for _, o := range e.Overrides {
			hidden[o] = e.ID
		}
	}
	return hidden
}

func isHidden(id, pack string, hidden map[string]string) bool {
	if len(hidden) == 0 {
		return false
	}
	base, _, _ := cutHash(id)
	by, ok := hidden[base]
	return ok && by != pack
}

func cutHash(id string) (string, string, bool) {
	for i := 0; i < len(id); i++ {
		if id[i] == '#' {
			return id[:i], id[i+1:], true
		}
	}
	return id, "", false
}

// synonymsOf are the sets of the entries, in pack order.
func synonymsOf(entries []*packEntry) [][]string {
	var sets [][]string
	for _, e := range entries {
		sets = append(sets, e.Synonyms...)
	}
	return sets
}

// contentHash identifies what the entries index: the mapping and document
// versions, every item's digest (in any order: an index updated in place
// and one built afresh for the same library agree) and the synonyms.
func contentHash(entries []*packEntry) (string, int) {
	h := sha256.New()
	str := hashString(h)
	str(textsearch.MappingVersion)
	str(documentVersion)
	var x [16]byte
	n := 0
	for _, e := range entries {
		for _, f := range e.Files {
			for _, it := range f.Items {
				for i := range x {
					x[i] ^= it.Sum[i]
				}
				n++
			}
		}
	}
	h.Write(x[:])
	str(strconv.Itoa(n))
	for _, set := range synonymsOf(entries) {
		str(strconv.Itoa(len(set)))
		for _, s := range set {
			str(s)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:32], n
}

// hashString writes length-prefixed strings to h.
func hashString(h hash.Hash) func(string) {
	var n [8]byte
	return func(s string) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		// No copy: hashing reads the bytes and keeps nothing.
		h.Write(unsafe.Slice(unsafe.StringData(s), len(s)))
	}
}

// itemSum digests every field of it the index reads (itemDocument and
// the stored hit), so an item whose sum is unchanged need not be indexed
// again. Every item of a library is digested at each start, so the hash
// is reused from item to item rather than allocated for each.
func itemSum(it *kb.Item) [16]byte {
	sm := summers.Get().(*summer)
	defer summers.Put(sm)
	sm.h.Reset()
	str := sm.str
	strs := func(ss []string) {
		sm.int(len(ss))
		for _, s := range ss {
			str(s)
		}
	}
	str(it.ID)
	str(string(it.Kind))
	str(it.Pack)
	str(it.Title)
	str(it.Category)
	str(it.Summary)
	str(it.Text)
	str(it.Body)
	str(it.Language)
	sm.int(len(it.Sections))
	strs(it.Tags)
	strs(it.Emotions)
	strs(it.Signals)
	strs(it.Situations)
	if it.Phrase != nil {
		str(it.Phrase.InsteadOf)
		strs(it.Phrase.Try)
		str(it.Phrase.Why)
	}
	sm.int(len(it.Options))
	for _, o := range it.Options {
		str(o.Title)
		str(o.Say)
	}
	sm.int(len(it.Steps))
	for _, st := range it.Steps {
		str(st.Text)
	}
	strs(it.Aliases)
	var s [16]byte
	copy(s[:], sm.h.Sum(sm.sum[:0]))
	return s
}

// itemSums are the itemSum of each of items, made on every core: a
// library's items are digested before every open, and before a first
// build nothing else runs meanwhile (the issue 10 vault's 55,000 items
// took 0.1-0.15 s on one core of two).
func itemSums(items []kb.Item) [][16]byte {
	sums := make([][16]byte, len(items))
	workers := min(runtime.GOMAXPROCS(0), len(items)/minSumsPerWorker)
	if workers <= 1 {
		for i := range items {
			sums[i] = itemSum(&items[i])
		}
		return sums
	}
	var wg sync.WaitGroup
	per := (len(items) + workers - 1) / workers
	for from := 0; from < len(items); from += per {
		to := min(len(items), from+per)
		wg.Go(func() {
			for i := from; i < to; i++ {
				sums[i] = itemSum(&items[i])
			}
		})
	}
	wg.Wait()
	return sums
}

// minSumsPerWorker is the fewest items worth a goroutine of their own.
const minSumsPerWorker = 2048

// summer is itemSum's hash and buffers.
type summer struct {
	h   hash.Hash
	n   [8]byte
	d   [20]byte
	sum [sha256.Size]byte
}

var summers = sync.Pool{New: func() any { return &summer{h: sha256.New()} }}

// str writes s, length first, as hashString does.
func (sm *summer) str(s string) {
	binary.LittleEndian.PutUint64(sm.n[:], uint64(len(s)))
	sm.h.Write(sm.n[:])
	sm.h.Write(unsafe.Slice(unsafe.StringData(s), len(s)))
}

// int writes n as str(strconv.Itoa(n)) would.
func (sm *summer) int(n int) {
	d := strconv.AppendInt(sm.d[:0], int64(n), 10)
	binary.LittleEndian.PutUint64(sm.n[:], uint64(len(d)))
	sm.h.Write(sm.n[:])
	sm.h.Write(d)
}
