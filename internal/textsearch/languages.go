package textsearch

import (
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ar" // registers each language's analyser
	_ "github.com/blevesearch/bleve/v2/analysis/lang/da"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/de"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/es"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fa"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fi"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/fr"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/hi"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/hu"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/it"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/nl"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/no"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/pt"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ro"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ru"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/sv"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/tr"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/poisehq/poise/internal/textsearch/hr"
)

// Croatian is Bleve's analysis, copied to compile its regular expressions
// at first use rather than in every process's start (hr/doc.go).
func init() { hr.Register() }

// Languages lists the languages whose bodies are analysed with their own
// stemming and stop words (Bleve's analyser of the same name). English
// text, and text of no known language, keeps Poise's English analysis;
// text in any other language (Chinese, Japanese, Korean, Greek, Hebrew,
// Bengali, Thai, …) gets a neutral one: words lower-cased, CJK split into
// character pairs, nothing stemmed or dropped.
var Languages = []string{"ar", "da", "de", "es", "fa", "fi", "fr", "hi", "hr", "hu", "it", "nl", "no", "pt", "ro", "ru", "sv", "tr"}

// langBodyPrefix names a body field analysed for one language: body_fr.
// body_x holds the bodies analysed neutrally.
const (
	langBodyPrefix = "body_"
	neutralLang    = "x"
)

// bodyField is where a body in lang is indexed, and with which analyser.
func bodyField(lang string) (field, analyzer string) {
	switch {
	case lang == "" || lang == "en":
		return fBody, analyzerEn
	case slices.Contains(Languages, lang):
		return langBodyPrefix + lang, lang
	}
	return langBodyPrefix + neutralLang, analyzerWords
}

// langField is a body field of one language present in an index, with the
// analyser a query word goes through to be looked up in it.
type langField struct {
	lang     string // the language code, neutralLang for the shared field
	field    string
	analyzer analysis.Analyzer
}

// langFields lists the language body fields of the index's fields, so a
// query is analysed for every language present, and only those. They are
// listed by name: Bleve gives the fields in the order of a map, and the
// order of a query's clauses decides the order Bleve sums their weights
// and scores in (its disjunction sorts clauses by match count, ties kept
// as given), so an order that changed at every open changed scores in
// their last digits from one run to the next.
func langFields(im *mapping.IndexMappingImpl, fields []string) []langField {
	fields = slices.Sorted(slices.Values(fields))
	var out []langField
	for _, f := range fields {
		lang, ok := strings.CutPrefix(f, langBodyPrefix)
		if !ok {
			continue
		}
		name := analyzerWords
		if lang != neutralLang {
			name = lang
		}
		if a := im.AnalyzerNamed(name); a != nil {
			out = append(out, langField{lang: lang, field: f, analyzer: a})
		}
	}
	return out
}

// langTerm is w as lf's analyser indexes it, "" for a stop word.
func (lf langField) term(w string) string {
	ts := lf.analyzer.Analyze([]byte(w))
	if len(ts) == 0 {
		return ""
	}
	return string(ts[0].Term)
}
