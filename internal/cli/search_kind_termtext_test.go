package cli

import (
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// A hit's kind comes from the index's stored values or the running app's
// answer, both files in the data folder that anything may have written:
// it is shown through termText like the title and pack beside it.
func TestSearchTextEscapesAForgedKind(t *testing.T) {
	var b strings.Builder
	res := &search.Results{Total: 1, Hits: []search.Hit{{ID: "p/a", Kind: kb.Kind("guide\x1b]0;pwned\a\x1b[2J\n"), Pack: "p", Title: "A"}}}
	if err := writeHitsText(&b, "a", res); err != nil {
		t.Fatal(err)
	}
	if out := b.String(); strings.ContainsAny(out, "\x1b\a") || strings.Count(out, "\n") != 2 {
		t.Errorf("printed %q", out)
	}
}
