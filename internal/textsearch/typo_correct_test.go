package textsearch

import (
	"context"
	"runtime"
	"strings"
	"testing"
)

// typoDocs make a rare lookalike ("keeping" once, "famous" once) beside a
// common word of the domain ("furious" many times).
func typoDocs() []Doc {
	docs := []Doc{
		{ID: "keep", Kind: "entry", Title: "Keeping records", Body: "Keeping notes after every call."},
		{ID: "famous", Kind: "entry", Title: "A famous brand", Body: "Customers expect a lot of a famous brand."},
	}
	for _, id := range []string{"f1", "f2", "f3", "f4"} {
		docs = append(docs, Doc{ID: id, Kind: "entry", Title: "Furious caller " + id, Body: "The customer was furious.", Tags: []string{"furious"}})
	}
	return docs
}

func TestTypoCorrection(t *testing.T) {
	docs, err := NewDocuments(context.Background(), typoDocs(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer docs.Close()
	t.Run("a known English word is never fuzzed", func(t *testing.T) {
		// "weeping" is one edit from "keeping", which the index has.
		res, err := docs.Search(context.Background(), Query{Text: "weeping "})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 0 || res.Corrected != "" {
			t.Errorf("weeping: got %d hits, corrected %q; want none", len(res.Hits), res.Corrected)
		}
	})
	t.Run("a typo finds the common word and says so", func(t *testing.T) {
		res, err := docs.Search(context.Background(), Query{Text: "furous "})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 || res.Hits[0].ID[0] != 'f' || res.Hits[0].ID == "famous" {
			t.Fatalf("furous: got %v, want a furious caller first", res.Hits)
		}
		// Documents indexes are lean (no title words), so the corrected
		// stem "furiou" has no surface word to show here; kb/search's
		// TestCorrectedQuery checks the message on a full index.
	})
	t.Run("a correctly typed word is not reported as corrected", func(t *testing.T) {
		res, err := docs.Search(context.Background(), Query{Text: "furious caller"})
		if err != nil {
			t.Fatal(err)
		}
		if res.Corrected != "" {
			t.Errorf("corrected %q, want none", res.Corrected)
		}
	})
}

func TestTypoCostPrefersLikelySlips(t *testing.T) {
	// "furuous": r next to... a neighbouring key costs less than a far one.
	if near, far := typoCost("furipus", "furious"), typoCost("furizus", "furious"); near >= far {
		t.Errorf("neighbouring key o/p costs %v, far key o/z %v; want less", near, far)
	}
	if sw, sub := typoCost("fruious", "furious"), typoCost("fxrious", "furious"); sw >= sub {
		t.Errorf("swap costs %v, substitution %v; want less", sw, sub)
	}
	c := bestTypoCands([]typoCand{
		{stem: "famous", count: 1, cost: typoCost("furous", "famous")},
		{stem: "furious", count: 40, cost: typoCost("furous", "furious")},
	})
	if len(c) == 0 || c[0].stem != "furious" {
		t.Errorf("best candidates %v, want furious first", c)
	}
}

func TestTypoCorrectionKeepsRealWordsAndFirstLetters(t *testing.T) {
	docs := []Doc{
		{ID: "accused", Kind: "entry", Title: "Accused of lying", Body: "The customer accused the agent of lying."},
	}
	for _, id := range []string{"r1", "r2", "r3", "r4", "r5", "r6"} {
		docs = append(docs, Doc{ID: id, Kind: "entry", Title: "Respect " + id, Body: "Respect is what caused the calm; respect caused it."})
	}
	d, err := NewDocuments(context.Background(), docs, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	search := func(q string) *Results {
		t.Helper()
		res, err := d.Search(context.Background(), Query{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	// "prospect" is a real word the content does not have; "respect" is
	// two edits away and common in it.
	if res := search("prospect "); len(res.Hits) != 0 || res.Corrected != "" {
		t.Errorf("prospect: got %v, corrected %q; want nothing", res.Hits, res.Corrected)
	}
	// "acused" is "accused" with a doubled letter typed once, not "caused"
	// with two letters swapped, though "caused" is far commoner.
	if res := search("acused "); len(res.Hits) == 0 || res.Hits[0].ID != "accused" {
		t.Errorf("acused: got %v, want accused first", res.Hits)
	}
	// "manger", a word one dropped letter from "manager", is checked on a
	// full index (titles' words) by kb/search's relevance set.
}

func TestOneDropped(t *testing.T) {
	for _, c := range []struct {
		typed, cand string
		want        bool
	}{
		{"manger", "manager", true},
		{"anager", "manager", true},
		{"manage", "manager", true},
		{"manager", "manager", false},
		{"prospect", "respect", false},
		{"mangr", "manager", false},
	} {
		if got := oneDropped(c.typed, c.cand); got != c.want {
			t.Errorf("oneDropped(%q, %q) = %v, want %v", c.typed, c.cand, got, c.want)
		}
	}
}

func TestOtherSpelling(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"apologising", "apologizing", true},
		{"colour", "color", true},
		{"apologis", "apologiz", true},
		{"prospect", "respect", false},
		{"color", "color", false},
	} {
		if got := otherSpelling(c.a, c.b); got != c.want {
			t.Errorf("otherSpelling(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

// A pasted token of thousands of letters (a hash, a URL without spaces, a
// hostile query) is not typo-corrected: vellum's Levenshtein automaton
// for a word grows with its length (a 4,000-letter word made one of
// 285 MB, allocating 570 MB, in a "poise search" whose collector is held
// off), while no word of any language is that long.
func TestLongWordIsNotFuzzed(t *testing.T) {
	docs, err := NewDocuments(context.Background(), typoDocs(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer docs.Close()
	for _, word := range []string{strings.Repeat("x", maxQueryBytes), strings.Repeat("furiousx", 40)} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		res, err := docs.Search(context.Background(), Query{Text: word})
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) != 0 || res.Corrected != "" {
			t.Errorf("%.20s…: %d hits, corrected %q; want none", word, len(res.Hits), res.Corrected)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
			t.Errorf("%.20s… (%d letters): searching it allocated %d MB", word, len(word), alloc>>20)
		}
	}
}
