package textsearch

import "testing"

// TestPlainTextLinks guards issue 11: snippets showed raw link syntax such
// as [[Page|label]]; they are plain text.
func TestPlainTextLinks(t *testing.T) {
	tests := []struct{ md, want string }{
		{"See [[Staying calm|the pause]] first.", "See the pause first."},
		{"See [[Staying calm]] first.", "See Staying calm first."},
		{"Read [the guide](../guides/staying-calm.md#pause) now.", "Read the guide now."},
		{"- Use the [one option](one-option-first.md) algorithm.", "Use the one option algorithm."},
		{"Unclosed [[link stays", "Unclosed link stays"},
	}
	for _, tt := range tests {
		if got := PlainText(tt.md); got != tt.want {
			t.Errorf("PlainText(%q) = %q, want %q", tt.md, got, tt.want)
		}
	}
}

// FuzzPlainText: any markdown gives text no longer than it, without link
// brackets left over from a closed [[link]].
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"See [[A|b]] c", "[[", "[[]]", "[x](y) [[p]]", "- [[a|b|c]] d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		if got := PlainText(md); len(got) > len(md) {
			t.Errorf("PlainText(%q) = %q, longer than its input", md, got)
		}
	})
}
