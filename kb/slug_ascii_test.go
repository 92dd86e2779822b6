package kb

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// slugifyRunes is slugify as it was before ASCII was read byte by byte.
func slugifyRunes(s string) string {
	var sb strings.Builder
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
		default:
			dash = true
		}
	}
	return sb.String()
}

// FuzzSlugify checks that slugify makes of any text what reading it rune
// by rune made.
func FuzzSlugify(f *testing.F) {
	for _, s := range []string{"Paramètres de Sync", "Can't stop -- won't STOP!", "  --a__b  ", "同步冲突", "A\u0301b", "x\u200dy", "İstanbul", "\xff\xfe", "Ω KELVIN K", "1. Step_two", "'", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := slugify(s), slugifyRunes(s); got != want {
			t.Fatalf("slugify(%q) = %q, rune by rune %q", s, got, want)
		}
	})
}
