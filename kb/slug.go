package kb

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// slugify makes s an id the way Git hosts make heading anchors: lower case,
// letters, marks and digits of every script kept ("Paramètres de Sync" is
// "paramètres-de-sync", "同步冲突" stays "同步冲突"), anything else a single
// hyphen between words. Text is NFC-normalised first, so a file name saved
// decomposed (as macOS does) gives the same id as one typed composed.
func slugify(s string) string {
	if ascii(s) {
		return slugifyASCII(s)
	}
	var sb strings.Builder
	sb.Grow(len(s))
	dash := false
	for _, r := range norm.NFC.String(strings.ToLower(s)) {
		switch {
		case slugRune(r):
			if dash && sb.Len() > 0 {
				sb.WriteByte('-')
			}
			dash = false
			sb.WriteRune(r)
		case r == '\'' || r == '’' || unicode.Is(unicode.Cf, r):
			// "can't" becomes "cant", as Git hosts make anchors; zero-width
			// joiners inside Indic and Persian words are not word breaks.
		default:
			dash = true
		}
	}
	return sb.String()
}

// slugifyASCII is slugify of ASCII s, byte by byte: ASCII is NFC
// already and lower-cased a byte at a time, so neither the lower-case
// copy nor normalisation is made (a heading's slug is made for every
// heading of every note).
func slugifyASCII(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	dash := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			if dash && sb.Len() > 0 {
				sb.WriteByte('-')
			}
			dash = false
			sb.WriteByte(c)
		case c == '\'':
		default:
			dash = true
		}
	}
	return sb.String()
}

// ascii reports whether s is ASCII.
func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// slugRune reports whether r is kept in a slug: a letter (in lower case
// when the script has cases), a combining mark (Indic vowel signs, accents)
// or a digit of any script.
func slugRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) && !unicode.IsUpper(r) && !unicode.IsTitle(r) ||
		unicode.IsMark(r) || unicode.IsNumber(r)
}

// validSlug reports whether s is already an id: slug runes in words joined
// by single hyphens, in NFC, so it is what slugify would make of itself.
func validSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") || !norm.NFC.IsNormalString(s) {
		return false
	}
	for _, r := range s {
		if r != '-' && !slugRune(r) {
			return false
		}
	}
	return true
}

// Slug makes text an id the way the loader makes one of a file name or a
// heading, for code that names files from what a person typed: the result
// holds only letters, marks, digits and single hyphens, so it never
// contains a path separator or a dot.
func Slug(s string) string { return slugify(s) }
