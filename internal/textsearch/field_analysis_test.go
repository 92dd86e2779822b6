package textsearch

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	bdoc "github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
	porterstemmer "github.com/blevesearch/go-porterstemmer"
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
// field and term, in a stable order. Fields of one name are merged, as the
// segment builder merges them (zapx invertedIndexOpaque.process), so one
// field holding several terms dumps as several fields of one term each.
func fieldDump(bd *bdoc.Document) []string {
	type term struct {
		bytes string
		freq  int
		locs  string
	}
	type merged struct {
		length int
		terms  map[string]*term
	}
	var out []string
	fields := map[string]*merged{}
	bd.VisitFields(func(f index.Field) {
		head := fmt.Sprintf("%s opts=%d", f.Name(), f.Options())
		if !f.Options().IsIndexed() {
			out = append(out, fmt.Sprintf("%s %v value=%s", head, f.ArrayPositions(), f.Value()))
			return
		}
		f.Analyze()
		if f.AnalyzedLength() == 0 {
			return // an empty text indexes nothing
		}
		m := fields[head]
		if m == nil {
			m = &merged{terms: map[string]*term{}}
			fields[head] = m
		}
		m.length += f.AnalyzedLength()
		for key, tf := range f.AnalyzedTokenFrequencies() {
			t := m.terms[key]
			if t == nil {
				t = &term{bytes: string(tf.Term)}
				m.terms[key] = t
			}
			t.freq += tf.Frequency()
			for _, l := range tf.Locations {
				t.locs += fmt.Sprintf(" @%d:%d-%d%v", l.Position, l.Start, l.End, l.ArrayPositions)
			}
		}
	})
	for head, m := range fields {
		out = append(out, fmt.Sprintf("%s len=%d", head, m.length))
		for _, key := range slices.Sorted(maps.Keys(m.terms)) {
			t := m.terms[key]
			out = append(out, fmt.Sprintf("%s %q=%q freq=%d%s", head, key, t.bytes, t.freq, t.locs))
		}
	}
	slices.Sort(out)
	return out
}

// TestFieldsMatchBleveMapping: the documents a build makes without Bleve's
// mapping index the same terms, frequencies, positions and stored values,
// under the same options, as Bleve's mapping and TextField would, in every
// analysis (English, surface words, prefixes, keywords, other languages).
func TestFieldsMatchBleveMapping(t *testing.T) {
	_, db := mappingAndBuilder(t)
	long := strings.Repeat("The customer's parcels weren’t delivered; refunds ARE processing. ", 40)
	docs := []Document{
		{Title: "Refund a late parcel", Signals: "where is my order\nIt's been two weeks", Meta: "refund\nshipping",
			Body: long, Kind: "matrix", Source: "core", Emotions: []string{"Angry", "worried"}, Tags: []string{"Refund", "late-delivery"},
			Stored: []byte(`{"t":"Refund"}`)},
		{Title: "Paramètres de Sync", Body: "Les paramètres de synchronisation d'un appareil à l'autre.", Lang: "fr", Kind: "guide", Source: "vault"},
		{Title: "同步冲突", Body: "两个设备同时编辑同一个笔记时会产生同步冲突。", Lang: "zh", Kind: "guide"},
		{Title: "Синхронизация", Body: "Настройки синхронизации между устройствами.", Lang: "ru"},
		{Title: "Einstellungen", Body: "Die Synchronisierung der Notizen 2024 über Geräte hinweg, 3D-Ansicht.", Lang: "de"},
		{Title: "المزامنة", Body: "إعدادات المزامنة بين الأجهزة والملاحظات.", Lang: "ar"},
		{Title: "सिंक", Body: "डिवाइसों के बीच नोट्स का सिंक करना।", Lang: "hi"},
		{Title: "همگام\u200cسازی", Body: "تنظیمات همگام\u200cسازی یادداشت\u200cها بین دستگاه\u200cها.", Lang: "fa"},
		{Title: "同期", Body: "ノートの同期設定とカタカナ、ひらがな。", Lang: "ja"},
		{Title: "Συγχρονισμός", Body: "Ρυθμίσεις συγχρονισμού σημειώσεων 42.", Lang: "el"},
		// Lower-casing: ASCII words take a shortcut, others Bleve's way
		// (a final sigma, a letter whose lower case is longer, Turkish İ).
		{Title: "ÉTÉ ΟΔΟΣ Ⱥx İstanbul MIXED Case ÜBER AZ-ZONE", Signals: "ÉTÉ ΟΔΟΣ Ⱥx", Body: "ÉTÉ ΟΔΟΣ Ⱥx İstanbul MIXED Case ÜBER"},
		{Title: "ÉTÉ ΟΔΟΣ Ⱥx", Body: "Die GROSSE Straße ÜBER ΟΔΟΣ Ⱥx İstanbul", Lang: "de"},
		{Title: "only a title"},
		{Title: "a b c d e f", Body: "x", Signals: "", Tags: []string{"", "t"}},
		{Title: "repeats", Kind: "guide", Source: "guide", Tags: []string{"guide", "Guide", "x"}, Emotions: []string{"calm", "calm"}},
	}
	// Every language's stemmer, twice: the second time from its memory.
	samples := map[string]string{
		"ar": "المستخدمين يكتبون الملاحظات", "da": "brugerne skriver noterne hurtigt", "de": "Die Benutzer schreiben Notizen",
		"es": "los usuarios escriben notas rápidamente", "fa": "کاربران یادداشت\u200cها را می\u200cنویسند", "fi": "käyttäjät kirjoittavat muistiinpanoja",
		"fr": "les utilisateurs écrivent des notes", "hi": "उपयोगकर्ता नोट्स लिखते हैं", "hr": "korisnici pišu bilješke",
		"hu": "a felhasználók jegyzeteket írnak", "it": "gli utenti scrivono delle note", "nl": "de gebruikers schrijven notities",
		"no": "brukerne skriver notatene", "pt": "os usuários escrevem notas", "ro": "utilizatorii scriu notițele",
		"ru": "пользователи пишут заметки", "sv": "användarna skriver anteckningarna", "tr": "kullanıcılar notları yazıyor",
	}
	for _, lang := range Languages {
		text, ok := samples[lang]
		if !ok {
			t.Fatalf("no sample text in %s", lang)
		}
		for range 2 {
			docs = append(docs, Document{Title: text, Body: text + " " + text, Lang: lang})
		}
	}
	// An offline build's fields, made in a scratch (terms counted by id,
	// words remembered: field_terms.go, field_words.go), every document
	// twice so that the second time its words come from the memory.
	scratch := &buildScratch{}
	for i, doc := range docs {
		for _, lean := range []bool{false, true} {
			id := fmt.Sprintf("doc-%d", i)
			want := fieldDump(bleveMappedDoc(t, id, doc, lean))
			got := fieldDump(db.newBleveDoc(id, doc, lean))
			if !slices.Equal(got, want) {
				t.Errorf("document %d (lean %v) differs from Bleve's mapping:\n got %d lines\nwant %d lines\nfirst difference: %s", i, lean, len(got), len(want), firstDiff(got, want))
			}
			for round := range 2 {
				got := fieldDump(db.makeDoc(scratch, id, doc, lean))
				if !slices.Equal(got, want) {
					t.Errorf("document %d (lean %v, in a scratch, round %d) differs from Bleve's mapping:\n got %d lines\nwant %d lines\nfirst difference: %s", i, lean, round, len(got), len(want), firstDiff(got, want))
				}
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
	_, db := mappingAndBuilder(t)
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

// TestPooledTokensReleased: after a long text and a short one, a pooled
// slab holds no token of either (nothing pinned), and the short text's
// terms are its own, whichever word splitter made them.
func TestPooledTokensReleased(t *testing.T) {
	im, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]int{analyzerEn: 2, "fr": 2, analyzerHead: 4} { // the head's with their grams
		a := im.AnalyzerNamed(name)
		long := []byte(strings.Repeat("parcels arriving late ", 500))
		tokens, slab := analyzeText(a, long, nil)
		slab.release(tokens)
		tokens, slab = analyzeText(a, []byte("Remboursements refunds"), nil)
		var terms []string
		for _, tk := range tokens {
			terms = append(terms, string(tk.Term))
		}
		slab.release(tokens)
		if len(terms) != want {
			t.Fatalf("%s: terms %q, want %d", name, terms, want)
		}
		pooled := tokenSlabs.Get().(*tokenSlab)
		slabKeepsNothing(t, name+" pooled", pooled)
		tokenSlabs.Put(pooled)

		// A build's scratch slab, likewise.
		s := &buildScratch{}
		tokens, slab = analyzeText(a, long, s)
		slab.release(tokens)
		tokens, slab = analyzeText(a, []byte("Remboursements refunds"), s)
		if slab != &s.tokens || len(tokens) != want {
			t.Fatalf("%s: %d tokens not from the scratch", name, len(tokens))
		}
		slab.release(tokens)
		slabKeepsNothing(t, name+" scratch", &s.tokens)
	}
}

func slabKeepsNothing(t *testing.T, name string, slab *tokenSlab) {
	t.Helper()
	for i, p := range slab.stream[:cap(slab.stream)] {
		if p != nil {
			t.Fatalf("%s: stream keeps token %d", name, i)
		}
	}
	for i, p := range slab.spare[:cap(slab.spare)] {
		if p != nil {
			t.Fatalf("%s: spare stream keeps token %d", name, i)
		}
	}
	for b, block := range slab.blocks {
		for i, tk := range block {
			if tk.Term != nil {
				t.Fatalf("%s: slab keeps term %d %q", name, b*tokenBlock+i, tk.Term)
			}
		}
	}
}

// BenchmarkAnalyzeShortFields is a document's short fields analysed after
// long bodies have grown the pooled token slabs.
func BenchmarkAnalyzeShortFields(b *testing.B) {
	im, err := newMapping()
	if err != nil {
		b.Fatal(err)
	}
	a := im.AnalyzerNamed(analyzerEn)
	tokens, slab := analyzeText(a, []byte(strings.Repeat("parcels arriving late ", 2500)), nil)
	slab.release(tokens)
	short := []byte("Refund a late parcel")
	b.ReportAllocs()
	for b.Loop() {
		tokens, slab := analyzeText(a, short, nil)
		slab.release(tokens)
	}
}

// TestSharedKeywordsStayOneTerm: the keyword fields documents share keep
// their one term after a segment is built from them (the segment builder
// merges same-named fields of a document into the first one's terms), so
// no document's kind or source leaks into another's.
func TestSharedKeywordsStayOneTerm(t *testing.T) {
	im, db := mappingAndBuilder(t)
	bi, err := bleve.NewUsing("", im, scorch.Name, scorch.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer bi.Close()
	b := bi.NewBatch()
	for i := range 40 {
		d := Document{Title: fmt.Sprint("item ", i), Kind: []string{"guide", "matrix"}[i%2], Source: []string{"core", "team", ""}[i%3], Tags: []string{"a", "b"}}
		if err := b.IndexAdvanced(db.newBleveDoc(fmt.Sprint("id", i), d, i%2 == 0)); err != nil {
			t.Fatal(err)
		}
	}
	if err := bi.Batch(b); err != nil {
		t.Fatal(err)
	}
	if len(db.keywords) != 7 { // doc:y, two kinds, three sources, lang:und
		t.Fatalf("%d shared keyword fields, want 7", len(db.keywords))
	}
	for key, f := range db.keywords {
		if terms := slices.Collect(maps.Keys(f.AnalyzedTokenFrequencies())); len(terms) != 1 || terms[0] != key.value {
			t.Errorf("shared %s=%q holds terms %q", key.field, key.value, terms)
		}
	}
	n, err := bi.DocCount()
	if err != nil || n != 40 {
		t.Fatalf("%d documents indexed (%v), want 40", n, err)
	}
}

// TestLanguageStemmersRemembered: every language's stemmer and
// normalisers are given a memory, and nothing else is.
func TestLanguageStemmersRemembered(t *testing.T) {
	im, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range Languages {
		da, ok := im.AnalyzerNamed(lang).(*analysis.DefaultAnalyzer)
		if !ok {
			t.Fatalf("%s analyser is %T", lang, im.AnalyzerNamed(lang))
		}
		var got, want []string
		for _, tf := range da.TokenFilters {
			name := fmt.Sprintf("%T", tf)
			if _, ok := remembered(tf).(*memoStemmer); ok {
				got = append(got, name)
			}
			if strings.Contains(name, "Stemmer") || strings.Contains(name, "Normalize") && !strings.Contains(name, "unicodenorm") {
				want = append(want, name)
			}
		}
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("%s: filters remembered %v, want %v", lang, got, want)
		}
	}
	for _, name := range []string{analyzerEn, analyzerWords, analyzerHead} {
		for _, tf := range im.AnalyzerNamed(name).(*analysis.DefaultAnalyzer).TokenFilters {
			if _, ok := remembered(tf).(*memoStemmer); ok {
				t.Errorf("%s: filter %T remembered", name, tf)
			}
		}
	}
}

// TestLanguageStemsForgottenAfterBuild: an offline build leaves no
// language stemmer remembering its words.
func TestLanguageStemsForgottenAfterBuild(t *testing.T) {
	c := &Corpus{Hash: "stems-forgotten", Len: 3, Doc: func(i int) (string, Document) {
		return fmt.Sprint("d", i), Document{Title: "Синхронизация", Body: "Настройки синхронизации между устройствами.", Lang: "ru"}
	}}
	ix, _, err := buildStored(context.Background(), t.TempDir(), c.Hash, c, BuildHooks{}, DefaultOpenTimeout, offlineBatch)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	res, err := ix.Search(context.Background(), Query{Text: "синхронизации"}, noTexts{})
	if err != nil || res.Total != 3 {
		t.Fatalf("search after the build: %v %v", res, err)
	}
	seen := 0
	langStems.Range(func(k, v any) bool {
		if m := v.(*memoStemmer); m != nil {
			seen++
			m.mu.RLock()
			defer m.mu.RUnlock()
			if len(m.m) > 0 {
				t.Errorf("%v remembers %d words after the build", k, len(m.m))
			}
		}
		return true
	})
	if seen == 0 {
		t.Fatal("no language stemmer was remembered during the build")
	}
}

// TestStemMemoriesStemAsTheStemmers: a word stemmed from the English and
// the language memories, the first time and again, is what the stemmer
// itself makes of it, and the memory's copy of the word is not changed by
// what it hands back.
func TestStemMemoriesStemAsTheStemmers(t *testing.T) {
	words := []string{"refunds", "processing", "delivered", "generalizations", "agreed", "sky", "été", "naïvely", "x", "ab"}
	for range 2 {
		for _, w := range words {
			want := string(porterstemmer.StemWithoutLowerCasing([]rune(w)))
			if got := string(stems.stem([]byte(w))); got != want {
				t.Errorf("English stem of %q: %q, want %q", w, got, want)
			}
		}
	}
	im, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	de := im.AnalyzerNamed("de").(*analysis.DefaultAnalyzer)
	german := []string{"benutzer", "schreiben", "notizen", "straße", "häuser", "geräte"}
	for _, tf := range de.TokenFilters {
		m, ok := remembered(tf).(*memoStemmer)
		if !ok {
			continue
		}
		for range 2 {
			for _, w := range german {
				plain := analysis.TokenStream{{Term: []byte(w)}}
				tf.Filter(plain)
				memo := analysis.TokenStream{{Term: []byte(w)}}
				m.Filter(memo)
				if string(memo[0].Term) != string(plain[0].Term) {
					t.Errorf("%T of %q: %q, want %q", tf, w, memo[0].Term, plain[0].Term)
				}
			}
		}
		for _, w := range german { // keys intact: each word is found as itself
			m.mu.RLock()
			_, ok := m.m[w]
			m.mu.RUnlock()
			if !ok {
				t.Errorf("%T does not remember %q", tf, w)
			}
		}
	}
}

// mappingAndBuilder is Poise's mapping and a document builder for it, as
// every build makes them.
func mappingAndBuilder(t testing.TB) (*mapping.IndexMappingImpl, *docBuilder) {
	t.Helper()
	im, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	db, err := newDocBuilder(im)
	if err != nil {
		t.Fatal(err)
	}
	return im, db
}
