package cli

import (
	"bytes"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb/search"
)

// One match is "1 match", not "1 matches", on every kind of suggestion line.
func TestWriteSuggestionsSingularMatch(t *testing.T) {
	var b bytes.Buffer
	sug := []search.Suggestion{
		{Text: "screaming", DropFilter: "template", Total: 1},
		{Text: "refund", Dropped: "zzz", Total: 1},
		{Text: "refund late", Total: 1},
		{Text: "refund", Total: 3},
	}
	if err := writeSuggestions(&b, "x", sug); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.Contains(out, "1 matches") {
		t.Errorf("says \"1 matches\":\n%s", out)
	}
	if strings.Count(out, ": 1 match)")+strings.Count(out, "(1 match)") != 3 || !strings.Contains(out, "(3 matches)") {
		t.Errorf("counts not worded as 1 match / 3 matches:\n%s", out)
	}
}
