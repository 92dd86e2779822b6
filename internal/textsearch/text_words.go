package textsearch

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// eachWord calls fn for every word of s with its byte range: runs of letters
// and digits, with an apostrophe inside a word kept ("I've", "can't").
// Everything else, query operators included, only separates words. It stops
// early when fn returns false.
//
// Chinese, Japanese and Korean are written without spaces between words, so
// a run of their characters is one "word" of a whole sentence that no query
// would ever equal. Such runs are given as overlapping pairs of characters
// instead (同步冲突 is 同步, 步冲, 冲突), as Bleve's CJK analyser does:
// documents and queries are split alike, so 同步冲突 finds the pages that
// hold it, and 同步 finds them too.
func eachWord(s string, fn func(start, end int) bool) {
	eachWordASCII(s, func(start, end int, _ bool) bool { return fn(start, end) })
}

// eachWordASCII is eachWord, telling fn whether the word is all ASCII
// (then it holds no curly apostrophe to straighten).
func eachWordASCII(s string, fn func(start, end int, ascii bool) bool) {
	eachRun(s, func(start, end int, ascii bool) bool {
		if ascii || !hasCJK(s[start:end]) {
			return fn(start, end, ascii)
		}
		return eachCJKWord(s, start, end, func(start, end int) bool { return fn(start, end, false) })
	})
}

// hasCJK reports whether w has a character of a script written without
// spaces; the test is a byte scan, as nearly every word has none.
func hasCJK(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0xE1 { // lead byte of U+1000 and above
			for _, r := range w[i:] {
				if isCJK(r) {
					return true
				}
			}
			return false
		}
	}
	return false
}

func isCJK(r rune) bool {
	if 0 <= r && r < 1<<16 {
		return bmpCJK().has(r)
	}
	return isCJKSlow(r)
}

func isCJKSlow(r rune) bool {
	return r >= 0x1100 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r))
}

// eachCJKWord splits the word s[start:end] into its other-script parts,
// given whole, and its CJK runs, given as overlapping character pairs (a
// lone character as itself).
func eachCJKWord(s string, start, end int, fn func(start, end int) bool) bool {
	w := s[start:end]
	cjkAt := func(i int) (bool, int) {
		r, size := utf8.DecodeRuneInString(w[i:])
		return isCJK(r), size
	}
	for i := 0; i < len(w); {
		cjk, size := cjkAt(i)
		j := i + size
		if !cjk {
			for j < len(w) {
				c, sz := cjkAt(j)
				if c {
					break
				}
				j += sz
			}
			if !fn(start+i, start+j) {
				return false
			}
			i = j
			continue
		}
		if c, _ := cjkAt(min(j, len(w)-1)); j >= len(w) || !c {
			if !fn(start+i, start+j) { // a lone character
				return false
			}
			i = j
			continue
		}
		for a := i; j < len(w); {
			c, sz := cjkAt(j)
			if !c {
				break
			}
			if !fn(start+a, start+j+sz) {
				return false
			}
			a, j = j, j+sz
		}
		i = j
	}
	return true
}

// eachRun calls fn for every run of word characters, as eachWord did
// before CJK runs were split, and tells it whether the run is all ASCII
// (then it holds neither CJK nor a curly apostrophe, and needs no second
// look).
func eachRun(s string, fn func(start, end int, ascii bool) bool) {
	start, ascii := -1, true
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			// ASCII, most of any text: a table lookup, no decoding.
			if asciiWord[c] {
				if start < 0 {
					start, ascii = i, true
				}
				i++
				continue
			}
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			if isWordRune(r) {
				if start < 0 {
					start = i
				}
				ascii = false
				i += size
				continue
			}
		}
		if start >= 0 && (r == '\'' || r == '’') {
			if n, _ := utf8.DecodeRuneInString(s[i+size:]); i+size < len(s) && isWordRune(n) {
				ascii = ascii && r == '\''
				i += size
				continue
			}
		}
		if start >= 0 {
			if !fn(start, i, ascii) {
				return
			}
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(start, len(s), ascii)
	}
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// isWordRune: letters, digits and marks of every kind, spacing ones
// included (Hindi and Bengali vowel signs such as ा are Mc, and a word
// must not break at them).
func isWordRune(r rune) bool {
	if 0 <= r && r < 1<<16 {
		return bmpWord().has(r)
	}
	return isWordRuneSlow(r)
}

func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// runeSet marks characters of Unicode's Basic Multilingual Plane, a bit
// each (8 KB): a word's characters are tested one by one, and searching
// Unicode's tables for each was a quarter of the word splitter's time on
// the issue 10 vault (Chinese, Russian, Arabic… text).
type runeSet [1 << 10]uint64

func (s *runeSet) has(r rune) bool { return s[r>>6]&(1<<(r&63)) != 0 }

// newRuneSet is the characters of the BMP in any of tables.
func newRuneSet(tables ...*unicode.RangeTable) *runeSet {
	var s runeSet
	for _, t := range tables {
		for _, rg := range t.R16 {
			for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
				s[r>>6] |= 1 << (r & 63)
			}
		}
	}
	return &s
}

// bmpWord is isWordRune's characters of the BMP; bmpCJK, isCJK's.
var (
	bmpWord = sync.OnceValue(func() *runeSet { return newRuneSet(unicode.Letter, unicode.Digit, unicode.Mark) })
	bmpCJK  = sync.OnceValue(func() *runeSet {
		s := newRuneSet(unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
		for r := rune(0); r < 0x1100; r++ { // isCJK starts at Hangul Jamo
			s[r>>6] &^= 1 << (r & 63)
		}
		return s
	})
)

// normWord lower-cases a word and straightens curly apostrophes, as the
// index analysers see it.
func normWord(w string) string {
	w = strings.ToLower(w)
	if strings.ContainsRune(w, '’') {
		w = strings.ReplaceAll(w, "’", "'")
	}
	return w
}

// truncRunes cuts s to at most n runes.
func truncRunes(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

// endsInWord reports whether s ends inside a word, i.e. the person is
// still typing its last word.
func endsInWord(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r != utf8.RuneError && isWordRune(r)
}
