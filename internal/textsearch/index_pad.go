package textsearch

import (
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bdoc "github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
)

// An offline build's segments are merged fastest when they all list the
// same fields with the same options: zapx then copies each document's
// stored fields and each term's frequencies and positions as they are
// (merge.go, mergeFields' fieldsSame; mergeStoredAndRemap and
// mergeTermFreqNormLocsByCopying), where it otherwise decodes and encodes
// them again. A segment of French notes has no German body field, so
// every segment is given, empty, the optional fields its documents lack.
// On the issue 10 vault (22 segments; four builds each way, the machine
// loaded 8-12) the merge took 1.1-1.8 CPU-s, not 1.5-2.0, on the build's
// one busy core, and allocated 294-300 MB, not 315-319: it no longer
// re-encodes the stored fields (mergeStoredAndRemap, 0.2 s) and copies
// postings instead of decoding them (0.14-0.40 s against 0.36-0.43).

// fieldPad is a field a document may lack.
type fieldPad struct {
	name    string
	options index.FieldIndexingOptions
}

// segmentPads lists the fields documents made by db may have or lack,
// with the options db gives them (makeDoc): the keyword fields every
// document has, and the facet field, whose doc values merges got wrong
// before (facetOptions), are not among them.
func segmentPads(db *docBuilder) []fieldPad {
	var pads []fieldPad
	for _, fs := range []fieldSpec{db.title, db.signals, db.meta, db.body, db.hwords, db.emotion, db.tag} {
		pads = append(pads, fieldPad{fs.name, fs.options})
	}
	for _, lang := range append(slices.Clone(Languages), neutralLang) {
		pads = append(pads, fieldPad{langBodyPrefix + lang, index.IndexField})
	}
	return pads
}

// padSegment gives last, a document of docs, an empty field of each of
// pads no document of docs has: a field without terms, which adds
// nothing to any dictionary, score or stored value.
func padSegment(docs []index.Document, last *bdoc.Document, pads []fieldPad, s *buildScratch) {
	have := make(map[string]bool, len(pads))
	for _, d := range docs {
		d.VisitFields(func(f index.Field) { have[f.Name()] = true })
	}
	for _, p := range pads {
		if have[p.name] {
			continue
		}
		f := s.field(p.name, nil, p.options, nil, "")
		f.analyzed = true // no terms: not even the empty one
		last.AddField(f)
	}
}

// synonymPads is the synonym fields of synDocs, which only the first
// segment holds, as pads for the others. Without them the first segment
// listed one field more than the others (the synonym collection's), and
// every merge of a library with synonyms, the issue 10 vault's among
// them, decoded and encoded again all stored fields and postings
// (fieldsSame false). The pad is a plain field without terms, not an
// empty synonym field: zapx writes a thesaurus for that, and its merge
// fails to read a thesaurus without synonyms ("no synonyms found",
// synonym_cache.go); a plain field has no thesaurus, which the merge
// skips, and no terms, so the merged segment's inverted section for the
// field stays as empty as before. Its options are the synonym field's,
// as fieldsSame wants.
func synonymPads(synDocs []index.Document) []fieldPad {
	var pads []fieldPad
	for _, d := range synDocs {
		sd, ok := d.(index.SynonymDocument)
		if !ok {
			continue
		}
		sd.VisitSynonymFields(func(f index.SynonymField) {
			if !slices.ContainsFunc(pads, func(p fieldPad) bool { return p.name == f.Name() }) {
				pads = append(pads, fieldPad{f.Name(), f.Options()})
			}
		})
	}
	return pads
}

// searchedFields is fields without the language body fields no document
// of bi has terms in: the empty ones padSegment gave an offline build are
// not worth a query's looking up every word in them. The dictionaries
// are read segment by segment here, not through the snapshot's, which
// reads them on goroutines of its own: a damaged segment file makes zapx
// panic, and only a panic on this goroutine becomes ErrDamaged
// (noticeDamage).
func searchedFields(bi bleve.Index, fields []string) ([]string, error) {
	adv, err := bi.Advanced()
	if err != nil {
		return nil, fmt.Errorf("open index reader: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("open index reader: %w", err)
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return fields, nil
	}
	out := fields[:0:0]
	for _, f := range fields {
		if strings.HasPrefix(f, langBodyPrefix) {
			terms := 0
			for _, ss := range snap.Segments() {
				d, err := ss.Segment().Dictionary(f)
				if err != nil {
					return nil, fmt.Errorf("read index field %s: %w", f, err)
				}
				terms += d.Cardinality()
			}
			if terms == 0 {
				continue
			}
		}
		out = append(out, f)
	}
	return out, nil
}
