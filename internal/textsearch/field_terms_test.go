package textsearch

import (
	"fmt"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	bdoc "github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
)

// TestSegmentBytesWithTermIDs: segments whose fields give the segment
// builder their terms by id (zapx's TermIDsField, as an offline build's
// fields do) are the bytes upstream zapx wrote from the same documents
// without ids: the fixed corpora of TestSegmentBytesMatchUpstream and
// its edges, with three documents in four giving ids (so that a field's
// terms are met both ways in one segment), a field given twice in some
// documents, and ids in the order Go ranges over each field's map.
func TestSegmentBytesWithTermIDs(t *testing.T) {
	for _, tc := range []struct {
		name                string
		segments            [][]index.Document
		wantSegs, wantMerge string
	}{
		{"same fields", segmentBytesCorpus(true, []int{700, 700, 700, 700, 700}), upstreamSegmentsSHA256, upstreamMergedSHA256},
		{"uneven fields", segmentBytesCorpus(false, []int{700, 700, 700, 700, 700}), upstreamUnevenSegmentsSHA256, upstreamUnevenSHA256},
		{"large segment", segmentBytesCorpus(true, []int{5000, 300}), upstreamLargeSegmentsSHA256, upstreamLargeSHA256},
		{"one document each", edgeSegmentCorpus([]int{1, 1, 1}, 3), upstreamEdgeEachSegs, upstreamEdgeEachMerged},
		{"many fields", edgeSegmentCorpus([]int{300, 5, 40}, 40), upstreamEdgeFieldsSegs, upstreamEdgeFieldsMerged},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ided := withTermIDs(tc.segments)
			if ided == 0 {
				t.Fatal("no field was given ids")
			}
			checkSegmentBytes(t, tc.segments, tc.wantSegs, tc.wantMerge)
		})
	}
}

// TestSegmentBytesWithTermIDsAndRepeatedFields: documents with a field
// twice (its frequencies merged into the first's by the builder, as
// upstream does) make the same segments with ids as without.
func TestSegmentBytesWithTermIDsAndRepeatedFields(t *testing.T) {
	plain := repeatedFieldCorpus()
	ided := repeatedFieldCorpus()
	if withTermIDs(ided) == 0 {
		t.Fatal("no field was given ids")
	}
	wantSegs, wantMerge := segmentHashes(t, plain)
	checkSegmentBytes(t, ided, wantSegs, wantMerge)
}

// repeatedFieldCorpus is two segments whose documents have a tag field
// (with array positions, as Poise's tags are) once, twice or three
// times, some tags shared, and a body.
func repeatedFieldCorpus() [][]index.Document {
	words := textWordsAnalyzer()
	out := make([][]index.Document, 2)
	tags := strings.Fields("refund late parcel refund angry")
	for k := range out {
		for i := range 300 {
			d := bdoc.NewDocument(fmt.Sprintf("doc-%d-%03d", k, i))
			d.AddField(bdoc.NewTextFieldCustom("body", nil, []byte(strings.Repeat(tags[i%5]+" sorry ", 1+i%3)),
				index.IndexField|index.IncludeTermVectors, &words))
			for j := range 1 + i%3 {
				d.AddField(bdoc.NewTextFieldCustom("tags", []uint64{uint64(j)}, []byte(tags[(i+j)%5]+" tag"),
					index.IndexField|index.IncludeTermVectors, &words))
			}
			d.AddIDField()
			out[k] = append(out[k], analyzed(d))
		}
	}
	return out
}

// textWordsAnalyzer is the analyser of the segment-bytes corpora's texts.
func textWordsAnalyzer() analysis.DefaultAnalyzer {
	return analysis.DefaultAnalyzer{
		Tokenizer:    unicode.NewUnicodeTokenizer(),
		TokenFilters: []analysis.TokenFilter{lowercase.NewLowerCaseFilter()},
	}
}

// withTermIDs gives the indexed text fields of three documents in four
// of each segment ids for their terms, one space per field name and
// segment, the ids in the order Go ranges over each field's frequencies;
// it returns how many fields it gave ids.
func withTermIDs(segments [][]index.Document) int {
	n := 0
	for _, docs := range segments {
		spaces := map[string]*idSpace{}
		for i, d := range docs {
			if i%4 == 3 {
				continue
			}
			bd := d.(*bdoc.Document)
			for j, f := range bd.Fields {
				tf, ok := f.(*bdoc.TextField)
				if !ok || !tf.Options().IsIndexed() {
					continue
				}
				sp := spaces[tf.Name()]
				if sp == nil {
					sp = &idSpace{ids: map[string]uint32{}}
					spaces[tf.Name()] = sp
				}
				bd.Fields[j] = sp.field(tf)
				n++
			}
		}
	}
	return n
}

// idSpace is the ids of one field's terms in one segment.
type idSpace struct{ ids map[string]uint32 }

// field is tf with ids for its terms, its TokenFreqs moved into a list
// its map points into, as an offline build's fields are.
func (sp *idSpace) field(tf *bdoc.TextField) *idTextField {
	m := tf.AnalyzedTokenFrequencies()
	out := &idTextField{TextField: tf, space: sp, freqs: make([]index.TokenFreq, 0, len(m))}
	for term, f := range m {
		id, ok := sp.ids[term]
		if !ok {
			id = uint32(len(sp.ids))
			sp.ids[term] = id
		}
		out.ids = append(out.ids, id)
		out.freqs = append(out.freqs, *f)
		m[term] = &out.freqs[len(out.freqs)-1]
	}
	return out
}

// idTextField is a Bleve text field that gives its terms by id (zapx's
// TermIDsField).
type idTextField struct {
	*bdoc.TextField
	space *idSpace
	ids   []uint32
	freqs []index.TokenFreq
}

func (f *idTextField) AnalyzedTermIDs() (any, []uint32, []index.TokenFreq) {
	return f.space, f.ids, f.freqs
}

// TestCountTermsByID: in a scratch, a text's terms are listed once each
// with the frequencies and locations termFrequencies gives them, one
// term has one id across the texts of a field, and a reset forgets them.
func TestCountTermsByID(t *testing.T) {
	words := textWordsAnalyzer()
	opts := index.IndexField | index.IncludeTermVectors
	s := &buildScratch{}
	a := s.field("body", nil, opts, &words, "Late parcel, late refund")
	b := s.field("body", nil, opts, &words, "refund the parcel")
	other := s.field("title", nil, opts, &words, "parcel")
	for _, f := range []*textField{a, b, other} {
		f.Analyze()
	}
	idOf := func(f *textField) map[string]uint32 {
		space, ids, freqs := f.AnalyzedTermIDs()
		if space == nil || len(ids) != len(freqs) {
			t.Fatalf("%s: no ids (%v, %d ids, %d freqs)", f.value, space, len(ids), len(freqs))
		}
		out := map[string]uint32{}
		for k, id := range ids {
			out[string(freqs[k].Term)] = id
		}
		return out
	}
	ia, ib := idOf(a), idOf(b)
	if len(ia) != 3 || ia["late"] == ia["parcel"] || ia["parcel"] != ib["parcel"] || ia["refund"] != ib["refund"] {
		t.Errorf("ids %v and %v", ia, ib)
	}
	if sa, _, _ := a.AnalyzedTermIDs(); sa == any(nil) {
		t.Fatal("no space")
	} else if so, _, _ := other.AnalyzedTermIDs(); so == sa {
		t.Error("two fields share a space")
	}
	plain := &textField{name: "body", options: opts, analyzer: &words, value: []byte("Late parcel, late refund")}
	plain.Analyze()
	got, want := a.AnalyzedTokenFrequencies(), plain.AnalyzedTokenFrequencies()
	if len(got) != len(want) {
		t.Fatalf("frequencies %v, want %v", got, want)
	}
	for term, w := range want {
		g := got[term]
		if g == nil || g.Frequency() != w.Frequency() || len(g.Locations) != len(w.Locations) || string(g.Term) != term {
			t.Fatalf("%q: %+v, want %+v", term, g, w)
		}
		for i, l := range w.Locations {
			if gl := g.Locations[i]; gl.Start != l.Start || gl.End != l.End || gl.Position != l.Position || len(gl.ArrayPositions) != len(l.ArrayPositions) {
				t.Errorf("%q location %d: %+v, want %+v", term, i, *g.Locations[i], *l)
			}
		}
	}
	s.reset()
	for name, ft := range s.terms {
		if len(ft.ids) != 0 || len(ft.seen) != 0 {
			t.Errorf("%s keeps %d terms after reset", name, len(ft.ids))
		}
	}
}
