package cli

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// termText makes s safe to print on a terminal: control characters (escape
// sequences, carriage returns, NUL) and the invisible marks that reorder
// text are shown as \x1b, \u202e and so on instead of being obeyed, and
// invalid UTF-8 as \xff, so stored or imported text cannot forge output.
// With multiline, line breaks and tabs stay as they are; without, they are
// escaped too, so one value stays on its row of a list.
func termText(s string, multiline bool) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return needsEscape(r, multiline) }) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case needsEscape(r, multiline) && r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		case needsEscape(r, multiline):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func needsEscape(r rune, multiline bool) bool {
	if multiline && (r == '\n' || r == '\t') {
		return false
	}
	return r == utf8.RuneError || unicode.IsControl(r) || r == '\u200e' || r == '\u200f' || r == '\u061c' ||
		(r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}
