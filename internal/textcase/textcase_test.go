package textcase

import (
	"testing"
	"unicode/utf8"
)

func TestUpperFirst(t *testing.T) {
	for in, want := range map[string]string{
		"":                  "",
		"late delivery":     "Late delivery",
		"Late":              "Late",
		"ссылки":            "Ссылки",
		"ελληνικά":          "Ελληνικά",
		"روابط داخلية":      "روابط داخلية", // no case: unchanged, never cut
		"同步冲突":              "同步冲突",
		"émile":             "Émile",
		"ǆungla":            "ǅungla",
		"1 blank left":      "1 blank left",
		"\xff broken start": "\xff broken start",
	} {
		got := UpperFirst(in)
		if got != want {
			t.Errorf("UpperFirst(%q) = %q, want %q", in, got, want)
		}
		if utf8.ValidString(in) && !utf8.ValidString(got) {
			t.Errorf("UpperFirst(%q) = %q: not valid UTF-8", in, got)
		}
	}
}

func FuzzUpperFirst(f *testing.F) {
	f.Add("ссылки")
	f.Fuzz(func(t *testing.T, s string) {
		got := UpperFirst(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("UpperFirst(%q) = %q: not valid UTF-8", s, got)
		}
	})
}
