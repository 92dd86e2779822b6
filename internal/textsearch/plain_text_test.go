package textsearch

import (
	"strings"
	"testing"
)

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

// FuzzAppendPlainText: appending gives what PlainText gives, after what
// the buffer held, and the plain text of a text's first lines is the
// start of the whole text's (kb/search makes only that of a long guide
// to store its snippet).
func FuzzAppendPlainText(f *testing.F) {
	for _, s := range []string{"# Title\n\nSee [[A|b]] c\n- item | cell", "a\n---\nb", "x *\n<br>y", "  - [ ] a\n\n> b\\"} {
		f.Add("kept ", s, uint(1))
	}
	f.Fuzz(func(t *testing.T, head, md string, lines uint) {
		whole := PlainText(md)
		if got := string(AppendPlainText([]byte(head), md)); got != head+whole {
			t.Fatalf("AppendPlainText(%q, %q) = %q, want %q", head, md, got, head+whole)
		}
		cut := 0
		for i := uint(0); i < lines && cut < len(md); i++ {
			if j := strings.IndexByte(md[cut:], '\n'); j >= 0 {
				cut += j + 1
			} else {
				cut = len(md)
			}
		}
		if start := PlainText(md[:cut]); !strings.HasPrefix(whole, start) {
			t.Fatalf("PlainText of the first %d lines of %q is %q, not the start of %q", lines, md, start, whole)
		}
	})
}
