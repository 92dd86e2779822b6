package textsearch

import (
	"math/bits"
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis"
	bdoc "github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
)

// buildScratch is the memory one worker of an offline build makes its
// documents' fields in (the fields, their values, term frequency maps and
// TokenFreq structs), given back whole once the segment they went into is
// written, and reused for the next segment: that memory was a quarter of
// what a large build allocated, made anew for every document and dropped
// a segment later.
//
// It is safe only because the segment builder keeps nothing of a
// document once the segment is made: zapx v17 (new.go newWithChunkMode,
// section_inverted_text_index.go) copies terms, frequencies and stored
// values into the segment's own buffer, and the term keys its pooled
// interim still holds are dropped or cleared before that interim is used
// again (invertedIndexOpaque.Reset, initDictsAndKeysFromFields).
// TestScratchReuseIndexesTheSame checks an index built with reused memory
// against one built without. A scratch belongs to one goroutine; a nil
// scratch allocates everything anew.
type buildScratch struct {
	fields arena[textField]
	lists  arena[bdoc.Field] // documents' lists of fields
	freqs  arena[index.TokenFreq]
	locs   arena[index.TokenLocation]
	bytes  arena[byte]
	// free holds empty maps by size class; lent, those handed out since
	// the last reset.
	free [maxMapClass + 1][]index.TokenFrequencies
	lent []lentMap
	// tokens is room for one text's tokens (analyzeText).
	tokens tokenSlab
	// terms are the segment's fields' terms by id, termIDs the lists
	// of texts' term ids (field_terms.go).
	terms   map[string]*fieldTerms
	termIDs arena[uint32]
}

type lentMap struct {
	m     index.TokenFrequencies
	class int
}

const (
	scratchFields = 4096
	scratchFreqs  = 65536
	scratchBytes  = 1 << 20
	// maxMapClass is the largest map kept for reuse (1<<17 slots, over
	// 100,000 terms); a larger one is made and dropped.
	maxMapClass = 17
)

// field is a text field to analyse, with a copy of its value (analysis
// may change it in place).
func (s *buildScratch) field(name string, arrayPos []uint64, options index.FieldIndexingOptions, a analysis.Analyzer, value string) *textField {
	var f *textField
	if s != nil {
		f = &s.fields.take(1, scratchFields)[:1][0]
	} else {
		f = new(textField)
	}
	*f = textField{name: name, arrayPos: arrayPos, options: options, analyzer: a, value: s.text(value), scratch: s}
	return f
}

// fieldList is an empty list of fields with room for n.
func (s *buildScratch) fieldList(n int) []bdoc.Field {
	if s == nil || n > scratchFields {
		return make([]bdoc.Field, 0, n)
	}
	return s.lists.take(n, 4*scratchFields)
}

// text is a copy of v that analysis may change in place.
func (s *buildScratch) text(v string) []byte {
	return append(s.room(len(v)), v...)
}

// room is an empty slice of capacity n to append to.
func (s *buildScratch) room(n int) []byte {
	if s == nil || n > scratchBytes/8 {
		return make([]byte, 0, n)
	}
	return s.bytes.take(n, scratchBytes)
}

// slab is where a text's tokens are made: s's own, or without s one
// from the pool, which the caller's release gives back.
func (s *buildScratch) slab() *tokenSlab {
	if s != nil {
		return &s.tokens
	}
	slab := tokenSlabs.Get().(*tokenSlab)
	slab.pooled = true
	return slab
}

// freq is a zeroed TokenFreq.
func (s *buildScratch) freq() *index.TokenFreq {
	return &s.freqs.take(1, scratchFreqs)[:1][0]
}

// locations is room for n term locations.
func (s *buildScratch) locations(n int) []index.TokenLocation {
	if s == nil || n > scratchFreqs/4 {
		return make([]index.TokenLocation, n)
	}
	return s.locs.take(n, scratchFreqs)[:n]
}

// freqMap is an empty map with room for n terms.
func (s *buildScratch) freqMap(n int) index.TokenFrequencies {
	class := mapClass(n)
	if s == nil || class > maxMapClass {
		return make(index.TokenFrequencies, n)
	}
	var m index.TokenFrequencies
	if free := s.free[class]; len(free) > 0 {
		m = free[len(free)-1]
		s.free[class] = free[:len(free)-1]
	} else {
		m = make(index.TokenFrequencies, mapRoom(class))
	}
	s.lent = append(s.lent, lentMap{m, class})
	return m
}

// mapClass is the size class of a map for n terms: a map of 1<<class
// slots, which Go fills to 7/8 before it grows, holds them.
func mapClass(n int) int {
	if n <= 8 {
		return 3 // one group, Go's smallest map
	}
	return bits.Len(uint((n*8+6)/7 - 1))
}

// mapRoom is the most terms a map of the class holds without growing.
func mapRoom(class int) int {
	if class <= 3 {
		return 8
	}
	return (1 << class) * 7 / 8
}

// reset gives back everything handed out, cleared, so that nothing the
// last segment's documents pointed to is kept, and their memory is
// reused for the next segment's.
func (s *buildScratch) reset() {
	if s == nil {
		return
	}
	for _, l := range s.lent {
		clear(l.m)
		s.free[l.class] = append(s.free[l.class], l.m)
	}
	clear(s.lent)
	s.lent = s.lent[:0]
	s.fields.reset()
	s.lists.reset()
	s.freqs.reset()
	s.locs.reset()
	s.bytes.reset()
	s.termIDs.reset()
	s.resetTerms()
}

// arena hands out room in blocks it keeps; reset clears what was handed
// out and starts again at the first block.
type arena[T any] struct {
	blocks [][]T
	block  int // the block being filled
	used   int // how much of it
}

// take is room for n values (an empty slice of capacity n, n at most
// size) from a block of size values.
func (a *arena[T]) take(n, size int) []T {
	if a.block < len(a.blocks) && a.used+n > len(a.blocks[a.block]) {
		a.block++
		a.used = 0
	}
	if a.block == len(a.blocks) {
		a.blocks = append(a.blocks, make([]T, size))
		a.used = 0
	}
	b := a.blocks[a.block]
	out := b[a.used : a.used : a.used+n]
	a.used += n
	return out
}

// giveBack returns the last n values of the room take last handed out,
// unused: they are still clear.
func (a *arena[T]) giveBack(n int) { a.used -= n }

func (a *arena[T]) reset() {
	for i := 0; i < len(a.blocks) && i <= a.block; i++ {
		clear(a.blocks[i])
	}
	a.block, a.used = 0, 0
}

// DocMemory is memory a build lends Corpus.DocIn to make one document's
// texts and stored value in, rather than in memory of their own: it is
// the build's scratch (buildScratch), reused once the segment the
// document goes into is written. The texts made in it must therefore not
// be kept by anyone past the document's making. A nil DocMemory makes
// them in new memory. Making every document's joined texts and stored
// hit anew was a twentieth of what a large build allocated.
type DocMemory buildScratch

// String is a copy of b, in m.
func (m *DocMemory) String(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if m == nil {
		return string(b)
	}
	c := append((*buildScratch)(m).room(len(b)), b...)
	return unsafe.String(unsafe.SliceData(c), len(c))
}

// Bytes is a copy of b, in m.
func (m *DocMemory) Bytes(b []byte) []byte {
	if m == nil {
		return append([]byte(nil), b...)
	}
	return append((*buildScratch)(m).room(len(b)), b...)
}

// doc is the i-th document of c, made in s when c can make it there.
func (c *Corpus) doc(i int, s *buildScratch) (string, Document) {
	if c.DocIn != nil {
		return c.DocIn(i, (*DocMemory)(s))
	}
	return c.Doc(i)
}
