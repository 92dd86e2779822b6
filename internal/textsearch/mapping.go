package textsearch

import (
	"fmt"
	"strings"

	index "github.com/blevesearch/bleve_index_api"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/mapping"
)

// MappingVersion changes whenever the mapping or the analysis changes, so
// that indexes on disk are rebuilt: callers put it in the content hash they
// store an index under.
const MappingVersion = "poise-search-24"

// Field names in the index. Text fields come in three analyses: stemmed
// English with synonyms (title, signals, meta, body) for matching and
// ranking, and lower-cased surface words of titles, signals and tags
// (hwords) for quotes full of stop words ("where is my order") matched as
// phrases, as the vocabulary typos are corrected from, and for the word
// being typed: beside each word, hwords holds its first two letters,
// marked (headGramFilter), and longer starts are looked up in its
// dictionary (headPrefixQuery).
const (
	fTitle   = "title"
	fSignals = "signals"
	fMeta    = "meta"
	fBody    = "body"
	fHWords  = "hwords"

	fDoc     = "doc"   // every document has doc:y, so blank queries skip synonym entries
	fFacet   = "facet" // "kind:matrix", "tag:refund", …: all facets in one field
	fKind    = "kind"
	fSource  = "source"
	fEmotion = "emotion"
	fTag     = "tag"
	fLang    = "lang" // the body's language, "und" when unknown; added by newBleveDoc
)

const (
	docType         = "item"
	analyzerEn      = "poise_en"
	analyzerWords   = "poise_words"
	analyzerHead    = "poise_head"
	synonymSource   = "poise"
	synonymColl     = "poise"
	defaultFacetLen = 20     // values returned per kind of facet
	maxFacetValues  = 100000 // values counted, all of them in practice
)

// newMapping is the explicit mapping: the default mapping is disabled, so
// nothing is indexed that is not named here.
func newMapping() (*mapping.IndexMappingImpl, error) {
	im := bleve.NewIndexMapping()
	im.DefaultMapping = bleve.NewDocumentDisabledMapping()
	im.DefaultType = docType
	im.DefaultAnalyzer = analyzerEn
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false

	if err := im.AddCustomAnalyzer(analyzerEn, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     tokenizerName,
		"token_filters": []string{en.PossessiveName, lowercase.Name, en.StopName, stemmerName},
	}); err != nil {
		return nil, fmt.Errorf("define english analyzer: %w", err)
	}
	if err := im.AddCustomAnalyzer(analyzerWords, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     tokenizerName,
		"token_filters": []string{en.PossessiveName, lowercase.Name},
	}); err != nil {
		return nil, fmt.Errorf("define words analyzer: %w", err)
	}
	if err := im.AddCustomAnalyzer(analyzerHead, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     tokenizerName,
		"token_filters": []string{en.PossessiveName, lowercase.Name, headGramName},
	}); err != nil {
		return nil, fmt.Errorf("define head analyzer: %w", err)
	}
	if err := im.AddSynonymSource(synonymSource, map[string]interface{}{
		"collection": synonymColl, "analyzer": analyzerEn,
	}); err != nil {
		return nil, fmt.Errorf("define synonym source: %w", err)
	}

	// Ranking text: stemmed English with synonyms. No positions (phrases
	// are matched on hwords) and nothing stored: snippets come from the
	// caller's own texts.
	text := func(name string) *mapping.FieldMapping {
		fm := bleve.NewTextFieldMapping()
		fm.Name = name
		fm.Analyzer = analyzerEn
		fm.SynonymSource = synonymSource
		fm.Store = false
		fm.IncludeInAll = false
		fm.DocValues = false
		fm.IncludeTermVectors = false
		return fm
	}
	// Lookup-only text: no positions, no norms needed for ranking.
	plain := func(name, analyzer string) *mapping.FieldMapping {
		fm := bleve.NewTextFieldMapping()
		fm.Name = name
		fm.Analyzer = analyzer
		fm.Store = false
		fm.IncludeInAll = false
		fm.DocValues = false
		fm.IncludeTermVectors = false
		return fm
	}
	kw := func(name string) *mapping.FieldMapping {
		fm := bleve.NewKeywordFieldMapping()
		fm.Name = name
		fm.Analyzer = keyword.Name
		fm.Store = false
		fm.IncludeInAll = false
		fm.IncludeTermVectors = false
		fm.DocValues = false
		return fm
	}

	dm := bleve.NewDocumentStaticMapping()
	// One property per field, so Bleve never merges same-named fields.
	hwords := plain(fHWords, analyzerHead)
	hwords.IncludeTermVectors = true
	dm.AddFieldMappingsAt("title", text(fTitle))
	dm.AddFieldMappingsAt("signals", text(fSignals))
	dm.AddFieldMappingsAt("meta", text(fMeta))
	// Bodies are most of the text, so they get one analysis only: this
	// keeps a 10,000-item build within seconds.
	dm.AddFieldMappingsAt("body", text(fBody))
	dm.AddFieldMappingsAt("head", hwords)
	dm.AddFieldMappingsAt("doc", kw(fDoc))
	// The facet field is added to each document by newBleveDoc.
	dm.AddFieldMappingsAt("kind", kw(fKind))
	dm.AddFieldMappingsAt("source", kw(fSource))
	dm.AddFieldMappingsAt("emotions", kw(fEmotion))
	dm.AddFieldMappingsAt("tags", kw(fTag))
	// No _all field: every query names its fields, and composing _all from
	// the others was a tenth of a build.
	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	im.AddDocumentMapping(docType, dm)

	if err := im.Validate(); err != nil {
		return nil, fmt.Errorf("validate mapping: %w", err)
	}
	return im, nil
}

// Document is one text to index, in parts that count differently: a word
// in the title outranks one in signals (what people say, quoted), which
// outranks meta (tags, labels), which outranks the body. Kind, Source,
// Emotions and Tags are facets: counted, and filtered on by Query.
// Emotions and tags are compared without case.
type Document struct {
	Title   string
	Signals string
	Meta    string
	// Body is plain text (see PlainText): most of the words, ranked lowest.
	Body     string
	Kind     string
	Source   string
	Emotions []string
	Tags     []string
	// Lang is the base code of the body's language ("fr", "zh"); "" for
	// unknown. It chooses how the body is analysed (see Languages).
	Lang string
	// Stored is kept with the document, not searched, and given back by
	// Index.Stored: what a caller needs to show a hit without its own
	// copy of the texts (kb/search keeps titles and snippet texts here).
	Stored []byte
}

// fStored is the field Document.Stored is kept in.
const fStored = "_stored"

// document is what a Document looks like to Bleve's mapping. Each text
// property is one string: several values of one field would be merged by
// Bleve for every document, at a real cost to build time.
type document struct {
	Doc     string `json:"doc"`
	Title   string `json:"title"`
	Signals string `json:"signals,omitempty"`
	Meta    string `json:"meta,omitempty"`
	Body    string `json:"body,omitempty"`
	// Head is title, signals and meta together, for typo correction,
	// prefixes and quoted phrases.
	Head     string   `json:"head,omitempty"`
	Kind     string   `json:"kind,omitempty"`
	Source   string   `json:"source,omitempty"`
	Emotions []string `json:"emotions,omitempty"`
	Tags     []string `json:"tags,omitempty"`
}

// facetOptions index the facet field for counting only. Counting facets
// visits the values of every matching document: one field holding them all
// costs a quarter of four fields, and leaving its values uncompressed saves
// decompressing them on every query, which was most of a query's time.
//
// SkipDVChunking must come with SkipDVCompression. zapx v17 (v17.2.5,
// docvalues.go, docValueReader.iterateAllDocValues, used when segments are
// merged) tests SkipDVCompression() where it means SkipDVChunking(): it
// hands each chunk's values to the visitor as one document, numbered by
// the chunk. With chunks of 1,024 documents, a merged segment gave all of
// a chunk's facet values to its first document, and facet counts over a
// persisted library went wrong ("All 5,204" but "Guides 5,734"). With
// chunking skipped, each chunk is one document and that reading is right;
// it is also the only combination Bleve itself uses (geo fields). See
// TestFacetCountsSurviveMerges.
const facetOptions = index.IndexField | index.DocValues | index.SkipDVCompression | index.SkipDVChunking | index.SkipFreqNorm

// mapped is d as Bleve's mapping sees it. A lean document leaves out the
// surface words of its title, signals and meta (Head), whose phrases, two-
// letter prefixes and typo vocabulary cost as much to build as all of the
// body: fit for texts whose titles are in their bodies, rebuilt often.
func (d Document) mapped(lean bool) document {
	head := ""
	if !lean {
		head = JoinText(d.Title, d.Signals, d.Meta)
	}
	body := d.Body
	if f, _ := bodyField(d.Lang); f != fBody {
		body = "" // newBleveDoc indexes it in its language's field
	}
	return document{
		Doc:      "y",
		Title:    d.Title,
		Signals:  d.Signals,
		Meta:     d.Meta,
		Body:     body,
		Head:     head,
		Kind:     d.Kind,
		Source:   d.Source,
		Emotions: lowerAll(d.Emotions),
		Tags:     lowerAll(d.Tags),
	}
}

// BleveType names the document mapping.
func (document) BleveType() string { return docType }

// JoinText joins the non-empty parts with a line break, which separates
// words like any other space.
func JoinText(parts ...string) string {
	var n int
	for _, p := range parts {
		n += len(p) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for _, p := range parts {
		if p = strings.TrimSpace(p); p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p)
	}
	return b.String()
}
