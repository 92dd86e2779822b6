package kb

import (
	"strings"
	"testing"
)

// oneLine is strings.Join(strings.Fields(s), " "), without the copy when s
// is one line already.
func TestOneLine(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\nb", "a\tb", "a\u00a0b", "a\u2003 b", "Αβγ δε", "\n\na b\n"} {
		if got, want := oneLine(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", s, got, want)
		}
	}
}
