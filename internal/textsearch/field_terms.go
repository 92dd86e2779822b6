package textsearch

import (
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis"
	index "github.com/blevesearch/bleve_index_api"
)

// In an offline build, a field's terms are counted against the terms its
// field already has in the segment being made (fieldTerms) rather than
// in a map of the field's own: each distinct term of a segment's field
// gets an id, and each text's terms are listed once each with their
// frequencies by a mark per id. The segment builder is handed the ids
// too (zapx's TermIDsField, third_party/zapx PATCHES.md patch 9): it
// looks each up in a table instead of in the field's dictionary, a map
// keyed by the term, for every term of every document. A map made and
// filled for every field of every document, then iterated and looked up
// again term by term by the builder, was a fifth of a build's analysis
// and writing.

// fieldTerms is the terms one field has met in the segment being made,
// by id: what an id is stays the same until the scratch is reset (the
// segment written).
type fieldTerms struct {
	ids  map[string]uint32
	seen []termSeen // by id
	text uint32     // the text being counted, to tell marks apart
}

// termSeen marks an id: the text that last had it, and where the term
// is in that text's list.
type termSeen struct{ text, slot uint32 }

// fieldTerms is the terms of field name in s's segment.
func (s *buildScratch) fieldTerms(name string) *fieldTerms {
	ft := s.terms[name]
	if ft == nil {
		if s.terms == nil {
			s.terms = map[string]*fieldTerms{}
		}
		ft = &fieldTerms{ids: map[string]uint32{}}
		s.terms[name] = ft
	}
	return ft
}

// countTerms sets f's terms by id, their frequencies and, when the
// field keeps term vectors, locations from tokens: what termFrequencies
// makes, as the distinct terms in their first token's order, with their
// ids in f's field's terms. Terms share the tokens' bytes, which do not
// change until the scratch is reset (see termFrequencies).
func (s *buildScratch) countTerms(f *textField, tokens analysis.TokenStream) {
	ft := s.fieldTerms(f.name)
	ft.text++
	n := len(tokens)
	ids, idsLent := lend(&s.termIDs, n, scratchFreqs)
	freqs, freqsLent := lend(&s.freqs, n, scratchFreqs)
	var locs []index.TokenLocation
	vectors := f.options.IncludeTermVectors()
	if vectors {
		locs = s.locations(n)
	}
	countFreq := !f.options.SkipFreqNorm()
	for i, t := range tokens {
		id, ok := ft.ids[unsafe.String(unsafe.SliceData(t.Term), len(t.Term))]
		if !ok {
			id = uint32(len(ft.seen))
			ft.ids[unsafe.String(unsafe.SliceData(t.Term), len(t.Term))] = id
			ft.seen = append(ft.seen, termSeen{})
		}
		seen := &ft.seen[id]
		if seen.text != ft.text {
			*seen = termSeen{text: ft.text, slot: uint32(len(freqs))}
			ids = append(ids, id)
			freqs = append(freqs, index.TokenFreq{Term: t.Term})
		}
		tf := &freqs[seen.slot]
		if vectors {
			locs[i] = index.TokenLocation{ArrayPositions: f.arrayPos, Start: t.Start, End: t.End, Position: t.Position}
			tf.Locations = append(tf.Locations, &locs[i])
		}
		if countFreq {
			tf.SetFrequency(tf.Frequency() + 1)
		}
	}
	if idsLent {
		s.termIDs.giveBack(n - len(ids))
	}
	if freqsLent {
		s.freqs.giveBack(n - len(freqs))
	}
	f.terms, f.termIDs, f.termFreqs = ft, ids, freqs
}

// lend is room for n values from a, or new room for a large n (then
// false: nothing to give back).
func lend[T any](a *arena[T], n, size int) ([]T, bool) {
	if n > size/4 {
		return make([]T, 0, n), false
	}
	return a.take(n, size), true
}

// resetTerms forgets every field's terms: the next segment's ids are
// new.
func (s *buildScratch) resetTerms() {
	for _, ft := range s.terms {
		clear(ft.ids)
		ft.seen = ft.seen[:0]
	}
}

// AnalyzedTermIDs gives the segment builder f's terms by id (zapx's
// TermIDsField): the space is f's field's terms in the segment, nil for
// a field analysed without a scratch (which has only its map).
func (f *textField) AnalyzedTermIDs() (space any, ids []uint32, freqs []index.TokenFreq) {
	if f.terms == nil {
		return nil, nil, nil
	}
	return f.terms, f.termIDs, f.termFreqs
}

// AnalyzedTokenFrequencies is f's terms' frequencies by term. A field
// counted by id (countTerms) makes the map only when asked: the segment
// builder asks only for a field a document has twice, to merge the two.
func (f *textField) AnalyzedTokenFrequencies() index.TokenFrequencies {
	if f.freqs == nil && f.terms != nil {
		m := f.scratch.freqMap(len(f.termFreqs))
		for k := range f.termFreqs {
			tf := &f.termFreqs[k]
			m[unsafe.String(unsafe.SliceData(tf.Term), len(tf.Term))] = tf
		}
		f.freqs = m
	}
	return f.freqs
}
