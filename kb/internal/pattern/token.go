// Package pattern is the tone checker's word model: it splits text into
// normalised words that keep their place in the original, and compiles the
// Match patterns of docs/pack-format.md into word sequences. The loader uses
// it to reject bad patterns; kb/tone uses it to find them in drafts.
package pattern

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one normalised word of a text.
type Token struct {
	Word       string // lower case, apostrophes straightened, contractions expanded
	Start, End int    // byte span of the written word in the original text
	// Break is true when the gap before this token ends a sentence or a line
	// pair, so a pattern never matches across it.
	Break bool
}

// contractions expands the whole words whose expansion is irregular.
var contractions = map[string][]string{
	"can't":  {"can", "not"},
	"cannot": {"can", "not"},
	"won't":  {"will", "not"},
	"shan't": {"shall", "not"},
	"let's":  {"let", "us"},
}

// suffixes expands the regular contraction endings.
var suffixes = []struct {
	end  string
	word string
}{
	{"n't", "not"}, {"'re", "are"}, {"'ve", "have"}, {"'ll", "will"},
	{"'m", "am"}, {"'d", "would"}, {"'s", "is"},
}

// Tokenize splits s into words. Words are runs of letters and digits, with
// apostrophes inside them; contractions become their full words, all spanning
// the written word, so "can’t" yields "can" and "not".
func Tokenize(s string) []Token {
	toks := make([]Token, 0, len(s)/5)
	brk := false
	newlines := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			switch {
			case r == '\n':
				newlines++
				if newlines > 1 {
					brk = true
				}
			case strings.ContainsRune(".!?;:…()[]{}<>|/", r):
				brk = true
			}
			i += size
			continue
		}
		start := i
		end := i
		for j := i; j < len(s); {
			r, size := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r) {
				j += size
				end = j
				continue
			}
			if isApostrophe(r) && j+size < len(s) {
				if r2, _ := utf8.DecodeRuneInString(s[j+size:]); isWordRune(r2) {
					j += size
					continue
				}
			}
			break
		}
		toks = appendWords(toks, normalise(s[start:end]), start, end, brk)
		brk = false
		newlines = 0
		i = end
	}
	return toks
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == 'ʼ' || r == '`' || r == '′'
}

// normalise lower-cases w and straightens its apostrophes.
func normalise(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' || c == '`' {
			ascii = false
			break
		}
	}
	if ascii {
		return w
	}
	var sb strings.Builder
	for _, r := range w {
		if isApostrophe(r) {
			r = '\''
		}
		sb.WriteRune(unicode.ToLower(r))
	}
	return sb.String()
}

// appendWords appends w, its contraction expanded, as tokens spanning start..end.
func appendWords(toks []Token, w string, start, end int, brk bool) []Token {
	if e, ok := contractions[w]; ok {
		for i, x := range e {
			toks = append(toks, Token{Word: x, Start: start, End: end, Break: brk && i == 0})
		}
		return toks
	}
	if strings.IndexByte(w, '\'') >= 0 {
		for _, sf := range suffixes {
			if base, ok := strings.CutSuffix(w, sf.end); ok && base != "" {
				toks = appendWords(toks, base, start, end, brk)
				return append(toks, Token{Word: sf.word, Start: start, End: end})
			}
		}
	}
	return append(toks, Token{Word: w, Start: start, End: end, Break: brk})
}
