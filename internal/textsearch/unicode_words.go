package textsearch

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/segment"
)

// Every language's body (French to Russian) is split into words by Bleve's
// Unicode tokenizer, which follows the word boundaries of Unicode's text
// segmentation (UAX #29) with a state machine over every byte: half a
// second of a vault build. Most of those texts are words of Latin, Greek
// or Cyrillic letters between spaces and plain punctuation, where the
// rules come down to a few: letters and digits hold together; a full
// stop, colon or apostrophe between two letters joins them ("e.g",
// "l'été"), a full stop, comma, semicolon or apostrophe between two
// digits joins them ("3.14", "1,000"); anything else separates. Such
// stretches are split here by those rules; any stretch holding another
// character (an accent written apart, a letter of another script, an
// underscore, a dash or a curly quote…) is left to the segmenter, given
// from the spaces before it so that it sees what it would have seen in the
// whole text. TestUnicodeWordsMatchSegmenter checks the two agree.

// tokenizeUnicode hands emit the tokens Bleve's Unicode tokenizer makes of
// input (analysis/tokenizer/unicode), without making them.
func tokenizeUnicode(input []byte, emit func(analysis.Token)) {
	if !utf8.Valid(input) {
		// What the segmenter makes of bytes that are not UTF-8 depends on
		// all that precedes them: it has the whole text.
		segmentWords(input, 0, len(input), 1, emit)
		return
	}
	pos, ok := 1, true
	// hard is where the stretches left to the segmenter start (from the
	// spaces before them), -1 while there are none waiting.
	hard := -1
	for i := 0; i < len(input); {
		space := i
		for i < len(input) && isSpaceByte(input[i]) {
			i++
		}
		start := i
		simple := true
		for i < len(input) && !isSpaceByte(input[i]) {
			c := input[i]
			if c < utf8.RuneSelf {
				if c == '_' {
					simple = false
				}
				i++
				continue
			}
			r, size := utf8.DecodeRune(input[i:])
			if !isSimpleLetter(r) {
				simple = false
			}
			i += size
		}
		if start == i {
			break
		}
		if !simple {
			if hard < 0 {
				hard = space
			}
			continue
		}
		if hard >= 0 {
			if pos, ok = segmentWords(input, hard, space, pos, emit); !ok {
				return
			}
			hard = -1
		}
		pos = simpleWords(input, start, i, pos, emit)
	}
	if hard >= 0 {
		segmentWords(input, hard, len(input), pos, emit)
	}
}

// isSpaceByte: the ASCII spaces and line ends. No word goes on across
// one, whatever comes before or after it.
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// isSimpleLetter: a letter of Latin, Greek, Cyrillic or the IPA, all of
// them letters for word boundaries (ALetter) in the Unicode version the
// segmenter follows (8.0). Modifier letters (U+02B0-U+02FF) are not all.
func isSimpleLetter(r rune) bool {
	return 0 <= r && r < 0x0530 && simpleLetters().has(r)
}

func isSimpleLetterSlow(r rune) bool {
	return r < 0x0530 && (r < 0x02B0 || r > 0x02FF) && unicode.IsLetter(r)
}

// simpleLetters is isSimpleLetter's characters: a bit test, rather than
// a search of Unicode's tables for each letter of a Greek or Russian text.
var simpleLetters = sync.OnceValue(func() *runeSet {
	var s runeSet
	for r := rune(0); r < 0x0530; r++ {
		if isSimpleLetterSlow(r) {
			s[r>>6] |= 1 << (r & 63)
		}
	}
	return &s
})

// segmentWords hands emit the tokens the segmenter makes of
// input[from:to], numbered from pos, and returns the next position. It
// reports false when the segmenter met what it cannot read (bytes that
// are not UTF-8): it stops there, and so Bleve's tokenizer gives no word
// of the rest of the text.
func segmentWords(input []byte, from, to, pos int, emit func(analysis.Token)) (int, bool) {
	seg := segment.NewWordSegmenterDirect(input[from:to])
	start := from
	for seg.Segment() {
		b := seg.Bytes()
		end := start + len(b)
		if typ := seg.Type(); typ != segment.None {
			emit(analysis.Token{Term: b, Start: start, End: end, Position: pos, Type: unicodeType(typ)})
			pos++
		}
		start = end
	}
	return pos, start == to
}

// unicodeType is the token type Bleve's Unicode tokenizer gives a segment.
func unicodeType(typ int) analysis.TokenType {
	switch typ {
	case segment.Ideo, segment.Kana:
		return analysis.Ideographic
	case segment.Number:
		return analysis.Numeric
	}
	return analysis.AlphaNumeric
}

// wordClass is what a character of a simple stretch is to word boundaries.
type wordClass uint8

const (
	otherClass  wordClass = iota
	letterClass           // a letter (ALetter)
	digitClass            // an ASCII digit (Numeric)
)

// classAt is the class of the character at input[i] and its size; i may
// be past the end (other).
func classAt(input []byte, i, end int) (wordClass, int) {
	if i >= end {
		return otherClass, 0
	}
	c := input[i]
	switch {
	case c >= utf8.RuneSelf:
		_, size := utf8.DecodeRune(input[i:end])
		return letterClass, size // a simple stretch's only non-ASCII characters are letters
	case asciiWord[c] && c <= '9':
		return digitClass, 1
	case asciiWord[c]:
		return letterClass, 1
	}
	return otherClass, 1
}

// simpleWords hands emit the words of input[start:end], a stretch of
// simple characters only, numbered from pos, and returns the next
// position. A word of digits only is a number, as the segmenter types it.
func simpleWords(input []byte, start, end, pos int, emit func(analysis.Token)) int {
	i := start
	for i < end {
		class, size := classAt(input, i, end)
		if class == otherClass {
			i += size
			continue
		}
		from, letters := i, false
		for {
			letters = letters || class == letterClass
			i += size
			next, nsize := classAt(input, i, end)
			if next != otherClass {
				class, size = next, nsize
				continue
			}
			if nsize == 0 { // the end
				break
			}
			// A full stop, colon, comma, semicolon or apostrophe joins
			// what is on either side when the rules say so.
			after, asize := classAt(input, i+1, end)
			if after != class || !joins(input[i], class) {
				break
			}
			i++
			class, size = after, asize
		}
		typ := analysis.AlphaNumeric
		if !letters {
			typ = analysis.Numeric
		}
		emit(analysis.Token{Term: input[from:i:i], Start: from, End: i, Position: pos, Type: typ})
		pos++
	}
	return pos
}

// joins reports whether c between two characters of class joins them:
// between letters a colon (MidLetter), full stop or apostrophe
// (MidNumLet, Single_Quote); between digits a comma or semicolon
// (MidNum), full stop or apostrophe.
func joins(c byte, class wordClass) bool {
	switch c {
	case '.', '\'':
		return true
	case ':':
		return class == letterClass
	case ',', ';':
		return class == digitClass
	}
	return false
}
