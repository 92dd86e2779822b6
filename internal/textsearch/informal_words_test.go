package textsearch

import (
	"slices"
	"testing"
)

// How agents type mid-call is searched as the words it stands for: before
// this, "cant" was "corrected" to "can" and "u" matched words starting
// with u, so "website is down cant login" and "u guys are liars" missed.
func TestParseWordsInformal(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string
	}{
		{"u guys are liars", []string{"you", "guys", "are", "liars"}},
		{"elderly customer doesnt understand", []string{"elderly", "customer", "doesn't", "understand"}},
		{"website is down cant login", []string{"website", "is", "down", "can't", "login"}},
		{"pls help ur dept", []string{"please", "help", "your", "department"}},
		{"im gonna cancel", []string{"i'm", "going", "to", "cancel"}},
		{"Dont", []string{"don't"}},
	} {
		var got []string
		for _, w := range parseWords(c.text) {
			got = append(got, w.text)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("parseWords(%q) = %q, want %q", c.text, got, c.want)
		}
	}
	// The word being typed is a prefix only as typed.
	if ws := parseWords("angry u"); ws[len(ws)-1].partial {
		t.Errorf("%q: \"you\" for \"u\" is taken as a word still being typed", "angry u")
	}
}
