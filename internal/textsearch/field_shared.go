package textsearch

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
)

// A document's keyword fields are one term each, but each field analysed
// alone is a map, a slab and a copy of its value: five of them for every
// document of a large library was a tenth of what analysis allocated.
// Single-valued keywords are therefore analysed once per value and shared
// by every document that has it, and a document's facet values are one
// field rather than one per value.

// keywordKey names a value of a keyword field.
type keywordKey struct{ field, value string }

// maxSharedKeywords bounds the shared fields: past it, values are analysed
// per document as any other field.
const maxSharedKeywords = 4096

// sharedKeyword is the field for v of the single-valued keyword field s,
// analysed. It is shared, so it is never analysed again nor changed: the
// segment builder merges the term frequencies of same-named fields of one
// document into the first one's, and s must be a field a document has at
// most once (doc, kind, source, lang; not the facet field).
func (b *docBuilder) sharedKeyword(s fieldSpec, v string) *textField {
	key := keywordKey{s.name, v}
	b.keywordsMu.Lock()
	defer b.keywordsMu.Unlock()
	if f, ok := b.keywords[key]; ok {
		return f
	}
	f := &textField{name: s.name, options: s.options, analyzer: s.analyzer, value: []byte(v)}
	f.Analyze()
	if len(b.keywords) < maxSharedKeywords {
		// A copy of v for the key: v may be in memory a build lends and
		// reuses (DocMemory).
		b.keywords[keywordKey{s.name, strings.Clone(v)}] = f
	}
	return f
}

// facetField is the one facet field of d, holding every facet value
// ("kind:guide", "tag:refund", …) as a term: what the segment builder
// would make of one field per value, merging their terms. nil when d has
// no facet. Its memory comes from s when set.
func facetField(d document, s *buildScratch) *textField {
	slab := s.slab()
	add := func(field, v string) {
		term := append(append(append(s.room(len(field)+1+len(v)), field...), ':'), v...)
		slab.stream = append(slab.stream, slab.newToken(analysis.Token{Start: 0, End: len(term), Term: term, Position: 1, Type: analysis.AlphaNumeric}))
	}
	if d.Kind != "" {
		add(fKind, d.Kind)
	}
	if d.Source != "" {
		add(fSource, d.Source)
	}
	for _, e := range d.Emotions {
		add(fEmotion, e)
	}
	for _, t := range d.Tags {
		add(fTag, t)
	}
	stream := slab.stream
	defer slab.release(stream)
	if len(stream) == 0 {
		return nil
	}
	f := s.field(fFacet, nil, facetOptions, nil, "")
	f.analyzed, f.length = true, len(stream)
	f.count(stream)
	return f
}
