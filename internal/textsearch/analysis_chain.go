package textsearch

import (
	"reflect"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/apostrophe"
	"github.com/blevesearch/bleve/v2/analysis/token/elision"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/stop"
	"github.com/blevesearch/bleve/v2/analysis/token/unicodenorm"
)

// An analyser that stems (English, and every language of Languages) runs
// four or five filters over each word: possessives or elisions, lower-
// casing, the stop list, normalisers, the stemmer; each of those but the
// first two looks the word up in a map, behind a lock for the stemmers'
// memories. In a build the analyser's filters are remembered together
// instead (chainMemo): one look-up per word, from the word as split to
// its term, or to nothing for a stop word. The memory is the analyser's,
// shared by the build's workers, kept in langStems and forgotten with
// the language stemmers' at the end of a build; the filters' own
// memories are left to the other analyses (queries, updates).

// chainMemo is the memory of da's filters together, nil when they are not
// all functions of one word each or do nothing costly (see above).
func chainMemo(da *analysis.DefaultAnalyzer) *memoStemmer {
	if v, ok := langStems.Load(da); ok {
		m, _ := v.(*memoStemmer)
		return m
	}
	var m *memoStemmer
	if chain, max := wordChain(da.TokenFilters); chain != nil {
		m = &memoStemmer{inner: chain, m: map[string][]byte{}, max: max}
	}
	v, _ := langStems.LoadOrStore(da, m)
	m, _ = v.(*memoStemmer)
	return m
}

// filterChain runs its filters in turn.
type filterChain []analysis.TokenFilter

func (c filterChain) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, f := range c {
		if input = f.Filter(input); len(input) == 0 {
			break
		}
	}
	return input
}

// wordChain is filters as one filter to remember, and how many words to
// remember, or nil: when one of them is not a function of one word alone,
// or none stems or looks the word up in a stop list (lower-casing alone
// costs less than a look-up).
func wordChain(filters []analysis.TokenFilter) (filterChain, int) {
	var chain filterChain
	max, costly := langStemMemoryMax, false
	for _, tf := range filters {
		switch tf := tf.(type) {
		case *lowercase.LowerCaseFilter:
			chain = append(chain, asciiLower{tf})
		case *en.PossessiveFilter, *elision.ElisionFilter, *apostrophe.ApostropheFilter, *unicodenorm.UnicodeNormalizeFilter:
			chain = append(chain, tf)
		case *stop.StopTokensFilter:
			chain, costly = append(chain, tf), true
		case *stemFilter:
			// Stemmed afresh, not from the English memory: the chain's
			// memory is the one a build fills.
			chain, costly = append(chain, porterFilter{}), true
			max = stemMemoryMax
		default:
			t := reflect.TypeOf(tf)
			if t.Kind() != reflect.Pointer || !langPackage(t.Elem().PkgPath()) ||
				!strings.Contains(t.Elem().Name(), "Stemmer") && !strings.Contains(t.Elem().Name(), "Normalize") {
				return nil, 0
			}
			chain, costly = append(chain, tf), true
		}
	}
	if !costly {
		return nil, 0
	}
	return chain, max
}

// porterFilter is the Porter stemmer as stemFilter applies it, without a
// memory.
type porterFilter struct{}

func (porterFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		if t.KeyWord || len(t.Term) < 3 {
			continue
		}
		t.Term = porterStem(t.Term)
	}
	return input
}
