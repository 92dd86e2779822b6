package tone_test

import (
	"io/fs"
	"testing"

	"github.com/poisehq/poise/content"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/tone"
)

func builtin() fs.FS { return content.FS }

// TestBuiltinRowsFindTheirOwnPhrase checks every row of the built-in chart:
// its patterns must at least find its own "Instead of" text, or the checker
// would never flag the phrase the row is about.
func TestBuiltinRowsFindTheirOwnPhrase(t *testing.T) {
	lib, err := kb.LoadLibrary(builtin(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	lib.Items(func(it *kb.Item) {
		if it.Kind != kb.KindPhrase {
			return
		}
		rows++
		c := tone.NewChecker(kb.NewLibrary(&kb.Pack{Items: []kb.Item{*it}}))
		if len(c.Check(it.Phrase.InsteadOf)) == 0 {
			t.Errorf("%s:%d: patterns %q do not find %q", it.Source.File, it.Source.Line, it.Phrase.Patterns, it.Phrase.InsteadOf)
		}
	})
	if rows == 0 {
		t.Error("the built-in pack has no phrase rows")
	}
}
