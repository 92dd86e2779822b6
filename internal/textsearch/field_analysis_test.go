package textsearch

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	bdoc "github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
)

// bleveMappedDoc is a document as Bleve's own mapping and TextField make
// it: what docBuilder must index exactly.
func bleveMappedDoc(t *testing.T, id string, doc Document, lean bool) *bdoc.Document {
	t.Helper()
	im, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	d := doc.mapped(lean)
	bd := bdoc.NewDocument(id)
	if err := im.MapDocument(bd, d); err != nil {
		t.Fatal(err)
	}
	kw := im.AnalyzerNamed(keyword.Name)
	add := func(field, v string) {
		bd.AddField(bdoc.NewTextFieldCustom(fFacet, nil, []byte(field+":"+v), facetOptions, kw))
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
	for _, tg := range d.Tags {
		add(fTag, tg)
	}
	if f, a := bodyField(doc.Lang); f != fBody && doc.Body != "" {
		bd.AddField(bdoc.NewTextFieldCustom(f, nil, []byte(doc.Body), index.IndexField, im.AnalyzerNamed(a)))
	}
	bd.AddField(bdoc.NewTextFieldCustom(fLang, nil, []byte(docLang(doc.Lang)), index.IndexField, kw))
	if len(doc.Stored) > 0 {
		bd.AddField(bdoc.NewTextFieldCustom(fStored, nil, doc.Stored, index.StoreField, nil))
	}
	return bd
}

// fieldDump is what the index keeps of a document's fields, one line per
// field and term, in a stable order.
func fieldDump(bd *bdoc.Document) []string {
	var out []string
	bd.VisitFields(func(f index.Field) {
		head := fmt.Sprintf("%s %v opts=%d", f.Name(), f.ArrayPositions(), f.Options())
		if !f.Options().IsIndexed() {
			out = append(out, head+" value="+string(f.Value()))
			return
		}
		f.Analyze()
		freqs := f.AnalyzedTokenFrequencies()
		if f.AnalyzedLength() == 0 {
			return // an empty text indexes nothing
		}
		out = append(out, fmt.Sprintf("%s len=%d", head, f.AnalyzedLength()))
		for _, term := range slices.Sorted(maps.Keys(freqs)) {
			tf := freqs[term]
			line := fmt.Sprintf("%s %q=%q freq=%d", head, term, tf.Term, tf.Frequency())
			for _, l := range tf.Locations {
				line += fmt.Sprintf(" @%d:%d-%d%v", l.Position, l.Start, l.End, l.ArrayPositions)
			}
			out = append(out, line)
		}
	})
	slices.Sort(out)
	return out
}

// TestFieldsMatchBleveMapping: the documents a build makes without Bleve's
// mapping index the same terms, frequencies, positions and stored values,
// under the same options, as Bleve's mapping and TextField would, in every
// analysis (English, surface words, prefixes, keywords, other languages).
func TestFieldsMatchBleveMapping(t *testing.T) {
	im, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	db, err := newDocBuilder(im)
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("The customer's parcels weren’t delivered; refunds ARE processing. ", 40)
	docs := []Document{
		{Title: "Refund a late parcel", Signals: "where is my order\nIt's been two weeks", Meta: "refund\nshipping",
			Body: long, Kind: "matrix", Source: "core", Emotions: []string{"Angry", "worried"}, Tags: []string{"Refund", "late-delivery"},
			Stored: []byte(`{"t":"Refund"}`)},
		{Title: "Paramètres de Sync", Body: "Les paramètres de synchronisation d'un appareil à l'autre.", Lang: "fr", Kind: "guide", Source: "vault"},
		{Title: "同步冲突", Body: "两个设备同时编辑同一个笔记时会产生同步冲突。", Lang: "zh", Kind: "guide"},
		{Title: "Синхронизация", Body: "Настройки синхронизации между устройствами.", Lang: "ru"},
		{Title: "only a title"},
		{Title: "a b c d e f", Body: "x", Signals: "", Tags: []string{"", "t"}},
	}
	for i, doc := range docs {
		for _, lean := range []bool{false, true} {
			id := fmt.Sprintf("doc-%d", i)
			want := fieldDump(bleveMappedDoc(t, id, doc, lean))
			got := fieldDump(db.newBleveDoc(id, doc, lean))
			if !slices.Equal(got, want) {
				t.Errorf("document %d (lean %v) differs from Bleve's mapping:\n got %d lines\nwant %d lines\nfirst difference: %s", i, lean, len(got), len(want), firstDiff(got, want))
			}
		}
	}
}

func firstDiff(got, want []string) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("got %s, want %s", got[i], want[i])
		}
	}
	if len(got) > len(want) {
		return "extra " + got[len(want)]
	}
	if len(want) > len(got) {
		return "missing " + want[len(got)]
	}
	return "none"
}

// TestFieldAnalysedOnce: a field analysed ahead of the segment builder is
// not analysed again (which would double a build's analysis), and pooled
// tokens reused by later texts leave its terms intact.
func TestFieldAnalysedOnce(t *testing.T) {
	im, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	db, err := newDocBuilder(im)
	if err != nil {
		t.Fatal(err)
	}
	bd := db.newBleveDoc("a", Document{Title: "refunds delayed", Body: "parcels arriving late"}, false)
	analyzeAll(bd)
	var body *textField
	for _, f := range bd.Fields {
		if f.Name() == fBody {
			body = f.(*textField)
		}
	}
	before := body.AnalyzedTokenFrequencies()
	for range 5 { // reuse the pooled tokens
		analyzeAll(db.newBleveDoc("b", Document{Title: "zzzz yyyy", Body: strings.Repeat("qqqq wwww ", 50)}, false))
	}
	body.Analyze()
	after := body.AnalyzedTokenFrequencies()
	if fmt.Sprint(after) != fmt.Sprint(before) {
		t.Fatal("analysed again")
	}
	got := slices.Sorted(maps.Keys(after))
	if want := []string{"arriv", "late", "parcel"}; !slices.Equal(got, want) {
		t.Fatalf("body terms %q, want %q", got, want)
	}
	for k, tf := range after {
		if string(tf.Term) != k {
			t.Fatalf("term %q under key %q", tf.Term, k)
		}
	}
}
