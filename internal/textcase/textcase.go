// Package textcase capitalises text without cutting a letter in half.
//
// Titles made from file names and messages made from errors start with a
// capital. Upper-casing the first byte broke the first letter of every
// title in Cyrillic, Arabic, Greek or any other script outside ASCII
// ("Ссылки.md" became "\xd0\x81сылки"), so every such call goes through
// UpperFirst.
package textcase

import (
	"unicode"
	"unicode/utf8"
)

// UpperFirst returns s with its first letter in upper case (title case, so
// "ǆ" becomes "ǅ"). Invalid UTF-8 at the start is left as it is.
func UpperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToTitle(r)) + s[n:]
}
