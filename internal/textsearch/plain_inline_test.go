package textsearch

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestAppendInlineMatchesByteByByte: appendInline, which copies runs of
// ordinary bytes at once, makes of every line what the byte-by-byte loop
// it replaced made: lines drawn from markdown's marks, letters, spaces
// and multi-byte characters, and the edge cases below.
func TestAppendInlineMatchesByteByByte(t *testing.T) {
	lines := []string{"", "a", "_", "*", "\\", "\\*x", "[[Page|label]] and [[Other]]", "[text](http://x) y", "a_b _c d_", "<br><br/>x<b>", "{{name}} | cell |", "`code` **bold**", "日本語_テキスト", "x]y(z", "[[unclosed", "trailing \\"}
	alphabet := []string{"a", "b", " ", "_", "*", "`", "|", "{", "}", "<", "br>", "br/>", "[", "]", "(", ")", "[[", "]]", "\\", "é", "同", "x"}
	r := rand.New(rand.NewPCG(10, 24))
	for range 200_000 {
		var sb strings.Builder
		for range r.IntN(24) {
			sb.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		lines = append(lines, sb.String())
	}
	for _, l := range lines {
		for _, head := range []string{"", "before"} {
			want := string(appendInlineByByte([]byte(head), 0, l))
			if got := string(appendInline([]byte(head), 0, l)); got != want {
				t.Fatalf("appendInline(%q, %q) = %q, byte by byte %q", head, l, got, want)
			}
		}
	}
}

// appendInlineByByte is appendInline as it was, one byte at a time.
func appendInlineByByte(b []byte, start int, l string) []byte {
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch c {
		case '*', '`', '|':
			if c == '|' && len(b) > start {
				b = append(b, ' ')
			}
			continue
		case '_':
			// Emphasis underscores sit at word edges; placeholder names keep theirs.
			if (i == 0 || l[i-1] == ' ') || (i+1 == len(l) || l[i+1] == ' ') {
				continue
			}
		case '{', '}':
			continue
		case '<':
			if strings.HasPrefix(l[i:], "<br>") {
				b = append(b, ' ')
				i += len("<br>") - 1
				continue
			}
			if strings.HasPrefix(l[i:], "<br/>") {
				b = append(b, ' ')
				i += len("<br/>") - 1
				continue
			}
		case ']':
			// [text](target): keep text, drop target.
			if i+1 < len(l) && l[i+1] == '(' {
				if end := strings.IndexByte(l[i+1:], ')'); end >= 0 {
					i += end + 1
					continue
				}
			}
			continue
		case '[':
			// [[Page|label]] or [[Page]]: keep what a reader sees.
			if strings.HasPrefix(l[i:], "[[") {
				if end := strings.Index(l[i+2:], "]]"); end >= 0 {
					inner := l[i+2 : i+2+end]
					if _, label, ok := strings.Cut(inner, "|"); ok {
						inner = label
					}
					b = appendInlineByByte(b, start, inner)
					i += 2 + end + 1
					continue
				}
			}
			continue
		case '\\':
			if i+1 < len(l) {
				i++
				b = append(b, l[i])
			}
			continue
		}
		b = append(b, c)
	}
	return b
}
