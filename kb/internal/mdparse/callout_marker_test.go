package mdparse

import (
	"regexp"
	"testing"
)

// calloutRE is what calloutMarker reads without regexp.
var calloutRE = regexp.MustCompile(`^\[!([A-Za-z][\w-]*)\][+-]?[ \t]*(.*)$`)

func sameCalloutMarker(t *testing.T, line string) {
	t.Helper()
	typ, title, ok := calloutMarker(line)
	m := calloutRE.FindStringSubmatch(line)
	if ok != (m != nil) || ok && (typ != m[1] || title != m[2]) {
		t.Fatalf("%q: calloutMarker gives %q %q %v, the expression %q", line, typ, title, ok, m)
	}
}

func TestCalloutMarkerAsExpression(t *testing.T) {
	for _, line := range calloutSeeds {
		sameCalloutMarker(t, line)
	}
}

var calloutSeeds = []string{
	"", "[!", "[!]", "[!note]", "[!NOTE] Title", "[!note]+ Open", "[!note]- \t Closed  ", "[!note]++ x",
	"[!a_b-9] t", "[!9a] x", "[!note] a\nb", "[!note]\n", "[!note] \xff", "[!not e] x", "[!@] x", "[!note]x",
	" [!note]", "[!Z]", "[!note]\t+ x", "[!é] x", "[!note] ]", "[![note]] x",
}

// FuzzCalloutMarker checks that any line reads as the expression reads it.
func FuzzCalloutMarker(f *testing.F) {
	for _, s := range calloutSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		sameCalloutMarker(t, line)
	})
}
