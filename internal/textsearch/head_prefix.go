package textsearch

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// The word being typed is matched in titles, signals and tags by two
// means. Its first prefixMin to prefixMax letters are terms of the
// hprefix field (front edge n-grams of every head word), which scores the
// match. A longer start is not indexed: every gram past the third was two
// thirds of that field's postings and nearly all its distinct terms (101K
// of them on the issue 10 vault), for starts typed in a few keystrokes.
// Instead, the head words it starts are read from the hwords dictionary
// (at most 103 for any four letters on that vault, 17 at the 99th
// percentile) and the scored gram is kept to the documents holding one of
// them, so a match is as exact as a gram of the whole start was.
const (
	// maxHeadCompletions bounds the head words one start expands to.
	// Past it the start matches as its indexed gram alone: more documents
	// than it should, never fewer, and the same on any segment layout.
	maxHeadCompletions = 256
)

// headCompletions lists the head words (hwords terms) that start with
// prefix, in dictionary order, and whether there were more than
// maxHeadCompletions of them (then the list is nil). The dictionary is
// the whole snapshot's, so the list does not depend on how the index is
// cut into segments.
func headCompletions(r index.IndexReader, prefix string) (words []string, wide bool) {
	dict, err := r.FieldDictPrefix(fHWords, []byte(prefix))
	if err != nil {
		return nil, false
	}
	defer dict.Close()
	for de, err := dict.Next(); err == nil && de != nil; de, err = dict.Next() {
		if len(words) == maxHeadCompletions {
			return nil, true
		}
		words = append(words, de.Term)
	}
	return words, false
}

// headPrefixQuery matches the documents whose titles, signals or tags
// hold a word starting with w's text, scored by the indexed gram of its
// first letters. It is nil when no head word starts so.
func headPrefixQuery(w queryWord, boost float64) query.Query {
	if utf8.RuneCountInString(w.text) <= prefixMax {
		return term(fHPrefix, w.text, boost)
	}
	gram := term(fHPrefix, truncRunes(w.text, prefixMax), boost)
	if w.headWide {
		return gram
	}
	if len(w.headWords) == 0 {
		return nil
	}
	// The words only choose documents: a zero boost adds nothing to the
	// score, so the gram scores every completion alike, as one gram of
	// the whole start did.
	alts := make([]query.Query, len(w.headWords))
	for i, t := range w.headWords {
		alts[i] = term(fHWords, t, 0)
	}
	return query.NewConjunctionQuery([]query.Query{gram, query.NewDisjunctionQuery(alts)})
}
