package textsearch

import (
	"fmt"
	"reflect"
	"sync"
	gounicode "unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	bdoc "github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
)

// textField is a text field of a document, made without Bleve's mapping
// (reflection over a struct for every document) and analysed more
// frugally than Bleve's document.TextField: the word splitter's tokens
// come from a pool, the term frequencies from one slab (in an offline
// build, from memory reused segment after segment: see buildScratch), and
// the field is analysed once however often Analyze is called. Analysis was the largest
// share of what a large build allocated. It must index exactly what
// Bleve's own field would (see TestFieldsMatchBleveMapping).
type textField struct {
	name     string
	arrayPos []uint64
	options  index.FieldIndexingOptions
	analyzer analysis.Analyzer
	value    []byte
	analyzed bool
	length   int
	freqs    index.TokenFrequencies
	// scratch, if set, is where analysis takes its memory from, and
	// the terms are counted by id (countTerms): terms is the field's
	// terms in the segment, termIDs and termFreqs the text's distinct
	// terms' ids and frequencies, and freqs is made only when asked for.
	scratch   *buildScratch
	terms     *fieldTerms
	termIDs   []uint32
	termFreqs []index.TokenFreq
}

var _ bdoc.Field = (*textField)(nil)

func (f *textField) Name() string                        { return f.name }
func (f *textField) ArrayPositions() []uint64            { return f.arrayPos }
func (f *textField) Options() index.FieldIndexingOptions { return f.options }
func (f *textField) Value() []byte                       { return f.value }
func (f *textField) NumPlainTextBytes() uint64           { return uint64(len(f.value)) }
func (f *textField) EncodedFieldType() byte              { return 't' }
func (f *textField) AnalyzedLength() int                 { return f.length }

var textFieldSize = int(reflect.TypeFor[textField]().Size())

func (f *textField) Size() int {
	n := textFieldSize + len(f.name) + len(f.value) + 8*len(f.arrayPos)
	if f.freqs != nil {
		n += f.freqs.Size()
	}
	n += 4*len(f.termIDs) + len(f.termFreqs)*int(unsafe.Sizeof(index.TokenFreq{}))
	return n
}

// Analyze finds the field's terms and their frequencies, once.
func (f *textField) Analyze() {
	if f.analyzed {
		return
	}
	f.analyzed = true
	if f.analyzer == nil {
		// Like Bleve's TextField: the whole value is the one term.
		f.length = 1
		f.count([]*analysis.Token{{Start: 0, End: len(f.value), Term: f.value, Position: 1}})
		return
	}
	tokens, slab := analyzeText(f.analyzer, f.value, f.scratch)
	f.length = len(tokens)
	f.count(tokens)
	slab.release(tokens)
}

// count sets f's term frequencies from its tokens: by id in a scratch
// (field_terms.go), else as a map.
func (f *textField) count(tokens analysis.TokenStream) {
	if f.scratch != nil {
		f.scratch.countTerms(f, tokens)
		return
	}
	f.freqs = termFrequencies(tokens, f.arrayPos, f.options)
}

// tokenSlab is reusable room for the tokens of one text: blocks of
// tokenBlock tokens, taken in turn, so a token never moves once made (the
// stream points at it) and a text takes the room its tokens need, not
// room for as many tokens as it has bytes.
type tokenSlab struct {
	blocks [][]analysis.Token
	stream analysis.TokenStream
	// spare is a second stream, for a filter that makes one (headGrams).
	spare  analysis.TokenStream
	made   int  // tokens made for the last text
	pooled bool // from tokenSlabs, and given back there
}

// tokenBlock is the tokens of one block: a short field uses part of one;
// a long body, many.
const tokenBlock = 512

var tokenSlabs = sync.Pool{New: func() any { return &tokenSlab{} }}

// analyzeText runs a over text. For analysers whose words come from
// Poise's word splitter or Bleve's Unicode one (every language's), with
// filters that change tokens in place or make new ones, the tokens come
// from s, or from a pool without it: release gives them back, and the
// tokens must not be used after it. Terms stay valid: they point into
// text, into what a character filter made of it, into the stem memory, or
// into new memory. Bleve's Unicode splitter made each text's tokens anew,
// a twentieth of what a multilingual build allocated; the pool, emptied
// by every collection, still made a hundredth.
func analyzeText(a analysis.Analyzer, text []byte, s *buildScratch) (analysis.TokenStream, *tokenSlab) {
	da, ok := a.(*analysis.DefaultAnalyzer)
	if !ok {
		return a.Analyze(text), nil
	}
	var split func([]byte, func(analysis.Token))
	switch da.Tokenizer.(type) {
	case wordTokenizer:
		split = tokenizeWords
	case *unicode.UnicodeTokenizer:
		split = tokenizeUnicode
	default:
		return a.Analyze(text), nil
	}
	for _, cf := range da.CharFilters { // as DefaultAnalyzer.Analyze does
		text = cf.Filter(text)
	}
	slab := s.slab()
	tokens := slab.tokenize(text, split)
	if s != nil { // a build's: its filters remembered together
		if m := chainMemo(da); m != nil {
			return m.Filter(tokens), slab
		}
	}
	for _, tf := range da.TokenFilters {
		if _, ok := tf.(headGramFilter); ok && s != nil {
			tokens = withHeadGrams(tokens, s)
			continue
		}
		tokens = fastFilter(tf).Filter(tokens)
	}
	return tokens, slab
}

// fastFilter is tf, or a filter that does the same faster: lower-casing
// with a shortcut for ASCII words, language stemmers and normalisers
// with a memory (remembered).
func fastFilter(tf analysis.TokenFilter) analysis.TokenFilter {
	if lc, ok := tf.(*lowercase.LowerCaseFilter); ok {
		return asciiLower{lc}
	}
	return remembered(tf)
}

// asciiLower lower-cases as Bleve's lowercase filter does, in place, with
// a shortcut for words all of ASCII (nearly all words of most texts): a
// byte test each rather than decoding runes. Other words are left to
// Bleve's filter. Lower-casing was a tenth of a build's analysis.
type asciiLower struct{ inner *lowercase.LowerCaseFilter }

func (f asciiLower) Filter(input analysis.TokenStream) analysis.TokenStream {
	for i, t := range input {
		term := t.Term
		ascii := true
		for _, c := range term {
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
		}
		if !ascii {
			if lowerChanges(term) {
				f.inner.Filter(input[i : i+1])
			}
			continue
		}
		for j, c := range term {
			if 'A' <= c && c <= 'Z' {
				term[j] = c + 'a' - 'A'
			}
		}
	}
	return input
}

// lowerChanges reports whether lower-casing changes term, a word not all
// of ASCII: most such words (Chinese, Japanese, Arabic, Hindi…; Russian
// or French ones but for a capital) have no letter to lower, and Bleve's
// filter looks each letter up in Unicode's case tables to find that out,
// a third of a multilingual build's lower-casing. Bleve's filter changes a
// word only where unicode.ToLower changes one of its letters.
func lowerChanges(term []byte) bool {
	cased := casedBMP()
	for i := 0; i < len(term); {
		c := term[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(term[i:])
		i += size
		if r < 1<<16 {
			if cased[r>>6]&(1<<(r&63)) != 0 {
				return true
			}
		} else if gounicode.ToLower(r) != r {
			return true
		}
	}
	return false
}

// casedBMP marks the characters of Unicode's Basic Multilingual Plane
// that unicode.ToLower changes, a bit each (8 KB).
var casedBMP = sync.OnceValue(func() *[1 << 10]uint64 {
	var set [1 << 10]uint64
	for r := rune(0); r < 1<<16; r++ {
		if gounicode.ToLower(r) != r {
			set[r>>6] |= 1 << (r & 63)
		}
	}
	return &set
})

// maxPooledTokens keeps one huge text from pinning its tokens' memory.
const maxPooledTokens = 1 << 16

// tokenize splits text into the slab's memory.
func (s *tokenSlab) tokenize(input []byte, split func([]byte, func(analysis.Token))) analysis.TokenStream {
	s.stream, s.made = s.stream[:0], 0
	split(input, func(t analysis.Token) {
		s.stream = append(s.stream, s.newToken(t))
	})
	return s.stream
}

// newToken is t, in the slab.
func (s *tokenSlab) newToken(t analysis.Token) *analysis.Token {
	b, i := s.made/tokenBlock, s.made%tokenBlock
	if b == len(s.blocks) {
		s.blocks = append(s.blocks, make([]analysis.Token, tokenBlock))
	}
	s.blocks[b][i] = t
	s.made++
	return &s.blocks[b][i]
}

// spareStream is the spare stream, empty, with room for n tokens; the
// caller sets s.spare to what it makes of it, for release to clear.
func (s *tokenSlab) spareStream(n int) analysis.TokenStream {
	if cap(s.spare) < n {
		s.spare = make(analysis.TokenStream, 0, n)
	}
	return s.spare[:0]
}

// release clears what the last text, out, used of the slab, so the pool
// (or the scratch) pins none of its terms, and gives it back to the pool
// when pooled; out must not be used after it. Only the part used is
// cleared: clearing all of a slab grown by a long text after every short
// field was a twelfth of a build's time. Everything past that part is
// already clear. A nil slab (tokens Bleve made) has nothing to give back.
func (s *tokenSlab) release(out analysis.TokenStream) {
	if s == nil {
		return
	}
	used := len(s.stream)
	if len(out) > 0 && cap(out) == cap(s.stream) && &out[:1][0] == &s.stream[:1][0] {
		used = max(used, len(out)) // a filter appended to the stream in place
	}
	clear(s.stream[:used])
	clear(s.spare)
	for b := 0; b*tokenBlock < s.made; b++ {
		clear(s.blocks[b][:min(tokenBlock, s.made-b*tokenBlock)])
	}
	s.stream, s.spare, s.made = s.stream[:0], s.spare[:0], 0
	if cap(s.stream) > maxPooledTokens {
		s.stream = nil // one huge text does not keep its memory
	}
	if cap(s.spare) > maxPooledTokens {
		s.spare = nil
	}
	if len(s.blocks) > maxPooledTokens/tokenBlock {
		clear(s.blocks[maxPooledTokens/tokenBlock:])
		s.blocks = s.blocks[:maxPooledTokens/tokenBlock]
	}
	if s.pooled {
		tokenSlabs.Put(s)
	}
}

// termFrequencies is analysis.TokenFrequency with less memory: the map
// and one slab of frequencies sized for the distinct terms (counted in a
// pooled set first) rather than for the tokens, and keys that share the
// terms' bytes. Those never change once analysis is over (Bleve's
// TokenFreq.Term relies on that too): they point into the field's own
// value, which nothing else analyses, or into memory an analyser made.
// An offline build's fields count their terms in its scratch instead
// (countTerms).
func termFrequencies(tokens analysis.TokenStream, arrayPos []uint64, options index.FieldIndexingOptions) index.TokenFrequencies {
	distinct := len(tokens)
	if distinct > 4 {
		seen := termSets.Get().(map[string]struct{})
		for _, t := range tokens {
			seen[unsafe.String(unsafe.SliceData(t.Term), len(t.Term))] = struct{}{}
		}
		distinct = len(seen)
		clear(seen)
		termSets.Put(seen)
	}
	out := make(index.TokenFrequencies, distinct)
	slab := make([]index.TokenFreq, 0, distinct)
	var locs []index.TokenLocation
	vectors := options.IncludeTermVectors()
	if vectors {
		locs = make([]index.TokenLocation, len(tokens))
	}
	countFreq := !options.SkipFreqNorm()
	for i, t := range tokens {
		key := unsafe.String(unsafe.SliceData(t.Term), len(t.Term))
		tf, ok := out[key]
		if !ok {
			slab = append(slab, index.TokenFreq{Term: t.Term})
			tf = &slab[len(slab)-1]
			out[key] = tf
		}
		if vectors {
			locs[i] = index.TokenLocation{ArrayPositions: arrayPos, Start: t.Start, End: t.End, Position: t.Position}
			tf.Locations = append(tf.Locations, &locs[i])
		}
		if countFreq {
			tf.SetFrequency(tf.Frequency() + 1)
		}
	}
	return out
}

// termSets are scratch sets for counting a text's distinct terms.
var termSets = sync.Pool{New: func() any { return map[string]struct{}{} }}

// docBuilder makes Bleve documents from Documents with the fields, options
// and analysers of one index's mapping, looked up once.
type docBuilder struct {
	im                              *mapping.IndexMappingImpl
	title, signals, meta, body      fieldSpec
	hwords                          fieldSpec
	doc, kind, source, emotion, tag fieldSpec
	keyword                         analysis.Analyzer
	langs                           map[string]analysis.Analyzer
	mu                              sync.Mutex
	// keywords are the analysed fields shared by every document with
	// the same value of a single-valued keyword field (see sharedKeyword).
	keywords   map[keywordKey]*textField
	keywordsMu sync.Mutex
}

// fieldSpec is one field of the mapping.
type fieldSpec struct {
	name     string
	options  index.FieldIndexingOptions
	analyzer analysis.Analyzer
}

func newDocBuilder(im *mapping.IndexMappingImpl) (*docBuilder, error) {
	dm := im.TypeMapping[docType]
	if dm == nil {
		return nil, fmt.Errorf("index mapping has no %q documents", docType)
	}
	spec := func(prop string, i int) (fieldSpec, error) {
		sub := dm.Properties[prop]
		if sub == nil || len(sub.Fields) <= i {
			return fieldSpec{}, fmt.Errorf("index mapping has no field %d of %q", i, prop)
		}
		fm := sub.Fields[i]
		name := fm.Analyzer
		if name == "" {
			name = im.DefaultAnalyzer
		}
		a := im.AnalyzerNamed(name)
		if a == nil {
			return fieldSpec{}, fmt.Errorf("index mapping names a missing analyzer %q", name)
		}
		return fieldSpec{name: fm.Name, options: fm.Options(), analyzer: a}, nil
	}
	b := &docBuilder{im: im, keyword: im.AnalyzerNamed("keyword"), langs: map[string]analysis.Analyzer{}, keywords: map[keywordKey]*textField{}}
	for _, s := range []struct {
		to   *fieldSpec
		prop string
		i    int
	}{
		{&b.title, "title", 0}, {&b.signals, "signals", 0}, {&b.meta, "meta", 0}, {&b.body, "body", 0},
		{&b.hwords, "head", 0},
		{&b.doc, "doc", 0}, {&b.kind, "kind", 0}, {&b.source, "source", 0}, {&b.emotion, "emotions", 0}, {&b.tag, "tags", 0},
	} {
		var err error
		if *s.to, err = spec(s.prop, s.i); err != nil {
			return nil, err
		}
	}
	if b.keyword == nil {
		return nil, fmt.Errorf("keyword analyzer missing")
	}
	return b, nil
}

// analyzerNamed caches the language analysers bodies use.
func (b *docBuilder) analyzerNamed(name string) analysis.Analyzer {
	b.mu.Lock()
	defer b.mu.Unlock()
	a, ok := b.langs[name]
	if !ok {
		a = b.im.AnalyzerNamed(name)
		b.langs[name] = a
	}
	return a
}

// newBleveDoc is the Bleve document for doc: the fields the mapping gives
// d.mapped, with the facet values, the body in its language's field and
// the stored value. Empty texts are left out: they have no terms (an
// empty keyword is a term, the empty one, as Bleve's mapping indexes it).
func (b *docBuilder) newBleveDoc(id string, doc Document, lean bool) *bdoc.Document {
	return b.makeDoc(nil, id, doc, lean)
}

// makeDoc is newBleveDoc with the fields' memory from s (see
// buildScratch), or new when s is nil.
func (b *docBuilder) makeDoc(s *buildScratch, id string, doc Document, lean bool) *bdoc.Document {
	d := doc.mapped(lean)
	bd := bdoc.NewDocument(id)
	// Room for every field at once, and the id field the segment builder
	// adds, rather than grown by doubling.
	bd.Fields = s.fieldList(13 + len(d.Emotions) + len(d.Tags))
	add := func(fs fieldSpec, v string, pos []uint64) {
		if v == "" && fs.analyzer != b.keyword {
			return
		}
		bd.AddField(s.field(fs.name, pos, fs.options, fs.analyzer, v))
	}
	bd.AddField(b.sharedKeyword(b.doc, d.Doc))
	add(b.title, d.Title, nil)
	add(b.signals, d.Signals, nil)
	add(b.meta, d.Meta, nil)
	add(b.body, d.Body, nil)
	add(b.hwords, d.Head, nil)
	bd.AddField(b.sharedKeyword(b.kind, d.Kind))
	bd.AddField(b.sharedKeyword(b.source, d.Source))
	for i, e := range d.Emotions {
		add(b.emotion, e, []uint64{uint64(i)})
	}
	for i, t := range d.Tags {
		add(b.tag, t, []uint64{uint64(i)})
	}
	if f := facetField(d, s); f != nil {
		bd.AddField(f)
	}
	if f, a := bodyField(doc.Lang); f != fBody && doc.Body != "" {
		bd.AddField(s.field(f, nil, index.IndexField, b.analyzerNamed(a), doc.Body))
	}
	// The body's language, "und" when not known: ranking prefers the
	// reader's language among translations of one page (lang_prefer.go).
	bd.AddField(b.sharedKeyword(fieldSpec{name: fLang, options: index.IndexField, analyzer: b.keyword}, docLang(doc.Lang)))
	if len(doc.Stored) > 0 {
		// Kept as it is: it is never analysed, and the segment builder
		// copies it.
		f := s.field(fStored, nil, index.StoreField, nil, "")
		f.value = doc.Stored
		bd.AddField(f)
	}
	return bd
}

// analyzeAll analyses every field of bd now, so a build can do it on
// several cores before handing documents to a segment builder that works
// on one.
func analyzeAll(bd *bdoc.Document) {
	bd.VisitFields(func(f index.Field) {
		if f.Options().IsIndexed() {
			f.Analyze()
		}
	})
}
