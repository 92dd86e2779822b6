package textsearch

import (
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// headGramName is the filter that adds, after each word of a head (title,
// signals, tags) of at least prefixLetters letters, its first
// prefixLetters letters marked with headGramMark, at the word's position:
// the term the word being typed is scored by (headPrefixQuery). They are
// kept in hwords beside the words rather than in a field of their own,
// which analysed every head a second time for a term frequency map of its
// own per document: 40 MB of a vault's build (issue 10).
const headGramName = "poise_head_gram"

// headGramMark starts every gram, so no gram is ever a word: no word
// holds a control character (the word splitter cuts at them), so prefix
// lookups of words never list a gram, exact ones never find one, and
// fuzzyTerms leaves them out.
const headGramMark = "\x1f"

// prefixLetters is how many first letters of a head word are indexed as
// its gram.
const prefixLetters = 2

func init() {
	err := registry.RegisterTokenFilter(headGramName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return headGramFilter{}, nil
	})
	if err != nil {
		panic(err)
	}
}

type headGramFilter struct{}

// Filter hands back the words with their grams, each gram's term a slice
// of one slab per text.
func (headGramFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	return withHeadGrams(input, nil)
}

// withHeadGrams is what headGramFilter hands back; with s set, the grams'
// terms, tokens and the stream come from s's memory (see buildScratch).
func withHeadGrams(input analysis.TokenStream, s *buildScratch) analysis.TokenStream {
	n, size := 0, 0
	for _, t := range input {
		if g := gramLen(t.Term); g > 0 {
			n++
			size += len(headGramMark) + g
		}
	}
	if n == 0 {
		return input
	}
	terms := s.room(size)
	var slab []analysis.Token
	var out analysis.TokenStream
	if s != nil {
		out = s.tokens.spareStream(len(input) + n)
	} else {
		slab = make([]analysis.Token, 0, n)
		out = make(analysis.TokenStream, 0, len(input)+n)
	}
	for _, t := range input {
		out = append(out, t)
		g := gramLen(t.Term)
		if g == 0 {
			continue
		}
		start := len(terms)
		terms = append(terms, headGramMark...)
		terms = append(terms, t.Term[:g]...)
		gram := analysis.Token{Term: terms[start:len(terms):len(terms)], Position: t.Position, Start: t.Start, End: t.End, Type: t.Type}
		if s != nil {
			out = append(out, s.tokens.newToken(gram))
		} else {
			slab = append(slab, gram)
			out = append(out, &slab[len(slab)-1])
		}
	}
	if s != nil {
		s.tokens.spare = out
	}
	return out
}

// gramLen is the length in bytes of the first prefixLetters letters of a
// word, 0 for a shorter word or one that is not valid UTF-8.
func gramLen(w []byte) int {
	if !utf8.Valid(w) {
		return 0
	}
	end := 0
	for range prefixLetters {
		if end >= len(w) {
			return 0
		}
		_, size := utf8.DecodeRune(w[end:])
		end += size
	}
	return end
}

// headGram is the term a head word starting with prefix is scored by.
func headGram(prefix string) string {
	return headGramMark + truncRunes(prefix, prefixLetters)
}

// isHeadGram reports whether an hwords term is a gram, not a word.
func isHeadGram(term string) bool { return strings.HasPrefix(term, headGramMark) }
