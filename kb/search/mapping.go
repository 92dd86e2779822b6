package search

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/edgengram"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// mappingVersion changes whenever the mapping, the analysis or the way an
// item becomes a document changes, so that indexes on disk are rebuilt.
const mappingVersion = "poise-search-7"

// Field names in the index. Text fields come in three analyses: stemmed
// English with synonyms (title, signals, meta, body) for matching and
// ranking, lower-cased surface words for typo correction (words) and for
// quotes full of stop words ("where is my order") matched as phrases in
// titles and signals (hwords), and front edge n-grams (hprefix, bprefix)
// for the word being typed.
const (
	fTitle   = "title"
	fSignals = "signals"
	fMeta    = "meta"
	fBody    = "body"
	fWords   = "words"
	fHWords  = "hwords"
	fHPrefix = "hprefix"
	fBPrefix = "bprefix"

	fDoc     = "doc" // every document has doc:y, so blank queries skip synonym entries
	fKind    = "kind"
	fPack    = "pack"
	fEmotion = "emotion"
	fTag     = "tag"
)

const (
	docType         = "item"
	analyzerEn      = en.AnalyzerName
	analyzerWords   = "poise_words"
	analyzerPrefix  = "poise_prefix"
	filterEdge      = "poise_edge"
	synonymSource   = "poise"
	synonymColl     = "poise"
	prefixMin       = 2
	prefixMax       = 12
	defaultFacetLen = 20
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

	if err := im.AddCustomTokenFilter(filterEdge, map[string]interface{}{
		"type": edgengram.Name, "back": false,
		"min": float64(prefixMin), "max": float64(prefixMax),
	}); err != nil {
		return nil, fmt.Errorf("define edge n-gram filter: %w", err)
	}
	if err := im.AddCustomAnalyzer(analyzerWords, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{en.PossessiveName, lowercase.Name},
	}); err != nil {
		return nil, fmt.Errorf("define words analyzer: %w", err)
	}
	if err := im.AddCustomAnalyzer(analyzerPrefix, map[string]interface{}{
		"type":          custom.Name,
		"tokenizer":     unicode.Name,
		"token_filters": []string{en.PossessiveName, lowercase.Name, filterEdge},
	}); err != nil {
		return nil, fmt.Errorf("define prefix analyzer: %w", err)
	}
	if err := im.AddSynonymSource(synonymSource, map[string]interface{}{
		"collection": synonymColl, "analyzer": analyzerEn,
	}); err != nil {
		return nil, fmt.Errorf("define synonym source: %w", err)
	}

	// Ranking text: stemmed English with synonyms and positions, for
	// phrases. Nothing is stored: snippets come from the library itself.
	text := func(name string) *mapping.FieldMapping {
		fm := bleve.NewTextFieldMapping()
		fm.Name = name
		fm.Analyzer = analyzerEn
		fm.SynonymSource = synonymSource
		fm.Store = false
		fm.IncludeInAll = false
		fm.DocValues = false
		fm.IncludeTermVectors = true
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
		fm.DocValues = true
		return fm
	}

	dm := bleve.NewDocumentStaticMapping()
	hwords := plain(fHWords, analyzerWords)
	hwords.IncludeTermVectors = true
	dm.AddFieldMappingsAt("title", text(fTitle), plain(fWords, analyzerWords), hwords, plain(fHPrefix, analyzerPrefix))
	dm.AddFieldMappingsAt("title2", text(fTitle), plain(fWords, analyzerWords), hwords, plain(fHPrefix, analyzerPrefix))
	dm.AddFieldMappingsAt("signals", text(fSignals), plain(fWords, analyzerWords), hwords, plain(fHPrefix, analyzerPrefix))
	dm.AddFieldMappingsAt("meta", text(fMeta), plain(fWords, analyzerWords), plain(fHPrefix, analyzerPrefix))
	dm.AddFieldMappingsAt("body", text(fBody), plain(fWords, analyzerWords), plain(fBPrefix, analyzerPrefix))
	doc := kw(fDoc)
	doc.DocValues = false
	dm.AddFieldMappingsAt("doc", doc)
	dm.AddFieldMappingsAt("kind", kw(fKind))
	dm.AddFieldMappingsAt("pack", kw(fPack))
	dm.AddFieldMappingsAt("emotions", kw(fEmotion))
	dm.AddFieldMappingsAt("tags", kw(fTag))
	im.AddDocumentMapping(docType, dm)

	if err := im.Validate(); err != nil {
		return nil, fmt.Errorf("validate mapping: %w", err)
	}
	return im, nil
}

// document is what one item or entry looks like to the index.
type document struct {
	Doc      string   `json:"doc"`
	Title    string   `json:"title"`
	Title2   string   `json:"title2,omitempty"`
	Signals  []string `json:"signals,omitempty"`
	Meta     []string `json:"meta,omitempty"`
	Body     []string `json:"body,omitempty"`
	Kind     string   `json:"kind,omitempty"`
	Pack     string   `json:"pack,omitempty"`
	Emotions []string `json:"emotions,omitempty"`
	Tags     []string `json:"tags,omitempty"`
}

// BleveType names the document mapping, so the type field is not needed in
// the stored source.
func (document) BleveType() string { return docType }
