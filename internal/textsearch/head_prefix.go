package textsearch

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	index "github.com/blevesearch/bleve_index_api"
)

// The word being typed is matched in titles, signals and tags by two
// means. Its first prefixLetters letters, marked, are a term of hwords
// (headGramFilter), which scores the match. A longer start is not
// indexed: edge n-grams of two to twelve letters, in a field of their
// own, had 101K distinct terms on the issue 10 vault and cost a tenth of
// its build. Instead the head words the start begins are read from the
// hwords dictionary (on that vault at most 213 for any three letters, 38
// at the 99th percentile), and the gram keeps only the documents holding
// one of them: a match is as exact as a gram of the whole start was, and
// weighs as much.
const (
	// maxHeadCompletions bounds the head words one start is looked up
	// by: past it, the commonest are kept (ties by word), so a start
	// that begins very many words finds the documents of its common
	// ones; one more letter finds the others.
	maxHeadCompletions = 256
	// maxHeadScan bounds the dictionary walk for one start.
	maxHeadScan = 4096
)

// headStart is what a start longer than the indexed grams matches.
type headStart struct {
	words []string // head words it begins, the commonest at most maxHeadCompletions
	boost float64  // scales the gram's boost to the whole start's weight
	df    uint64   // documents holding one of the words (counted once per word)
}

// headStartOf looks up the head words prefix begins, in the dictionary of
// the whole snapshot: neither the words nor their counts depend on how the
// index is cut into segments. docs is the index's document count.
func headStartOf(r index.IndexReader, prefix string, docs uint64) headStart {
	dict, err := r.FieldDictPrefix(fHWords, []byte(prefix))
	if err != nil {
		return headStart{}
	}
	var all []index.DictEntry
	var df uint64
	// hwords has positions, so zapx never writes its terms 1-hit encoded
	// and the walk's counts are right; counted anyway, they stay right if
	// that changes (see termCounter).
	counts := newTermCounter(r, fHWords)
	for de, err := dict.Next(); err == nil && de != nil && len(all) < maxHeadScan; de, err = dict.Next() {
		n := counts.count(de)
		all = append(all, index.DictEntry{Term: de.Term, Count: n})
		df += n
	}
	dict.Close()
	if len(all) == 0 {
		return headStart{}
	}
	if len(all) > maxHeadCompletions {
		slices.SortFunc(all, func(a, b index.DictEntry) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Term, b.Term))
		})
		all = all[:maxHeadCompletions]
	}
	h := headStart{words: make([]string, len(all)), boost: 1, df: df}
	for i, de := range all {
		h.words[i] = de.Term
	}
	// Bleve's TF-IDF scores a term by its boost times its IDF squared. A
	// gram of the whole start was as rare as the documents holding one of
	// its words (counted once per word, a bound that is exact when no
	// head holds two); the short gram scored in its place is commoner.
	// Scaled, the word being typed counts as much against the other words
	// of the query as it did.
	gramDF := termCount(r, fHWords, headGram(prefix))
	if docs > 0 && gramDF > 0 {
		h.boost = math.Pow(tfidf(docs, min(df, docs))/tfidf(docs, gramDF), 2)
	}
	return h
}

// tfidf is Bleve's inverse document frequency (search/scorer, TF-IDF).
func tfidf(docs, df uint64) float64 {
	return 1 + math.Log(float64(docs)/float64(df+1))
}

// headPrefixQuery matches the documents whose titles, signals or tags
// hold a word starting with w's text, scored by the indexed gram of its
// first letters. It is nil when no head word starts so.
func headPrefixQuery(w queryWord, boost float64) query.Query {
	if utf8.RuneCountInString(w.text) <= prefixLetters {
		return term(fHWords, headGram(w.text), boost)
	}
	if len(w.head.words) == 0 {
		return nil
	}
	gram := term(fHWords, headGram(w.text), boost*w.head.boost)
	return query.NewConjunctionQuery([]query.Query{gram, headWordsFilter(w.head.words)})
}

// headWordsFilter matches the documents holding any of words in hwords,
// with no score: the gram scores every word a start begins alike, as a
// gram of the whole start did. Unscored, Bleve reads the words' postings
// as one union of bitmaps instead of a searcher per word.
type headWordsFilter []string

func (f headWordsFilter) Searcher(ctx context.Context, r index.IndexReader, _ mapping.IndexMapping, options search.SearcherOptions) (search.Searcher, error) {
	options.Score, options.IncludeTermVectors, options.Explain = "none", false, false
	return searcher.NewMultiTermSearcher(ctx, r, f, fHWords, 0, options, false)
}
