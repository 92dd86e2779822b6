package textsearch

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// eachWord calls fn for every word of s with its byte range: runs of letters
// and digits, with an apostrophe inside a word kept ("I've", "can't").
// Everything else, query operators included, only separates words. It stops
// early when fn returns false.
func eachWord(s string, fn func(start, end int) bool) {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			// ASCII, most of any text: a table lookup, no decoding.
			if asciiWord[c] {
				if start < 0 {
					start = i
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
				i += size
				continue
			}
		}
		if start >= 0 && (r == '\'' || r == '’') {
			if n, _ := utf8.DecodeRuneInString(s[i+size:]); i+size < len(s) && isWordRune(n) {
				i += size
				continue
			}
		}
		if start >= 0 {
			if !fn(start, i) {
				return
			}
			start = -1
		}
		i += size
	}
	if start >= 0 {
		fn(start, len(s))
	}
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

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
