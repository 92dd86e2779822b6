package textsearch

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
)

// TestASCIILowerMatchesBleve: the lower-casing filter the index uses
// makes of every character, alone, after a capital, at the end of a word
// (Greek's final sigma) and beside one that widens when lowered, what
// Bleve's own lowercase filter makes of it; lowerChanges, its shortcut
// for words it leaves alone, is never wrong.
func TestASCIILowerMatchesBleve(t *testing.T) {
	bleveLower := lowercase.NewLowerCaseFilter()
	ours := asciiLower{bleveLower}
	var words [][]byte
	for r := rune(0x80); r <= utf8.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		c := string(r)
		words = append(words, []byte(c), []byte("Ab"+c), []byte(c+"Σ"), []byte("Ⱥ"+c), []byte(c+"ab"))
	}
	words = append(words, []byte("ΟΔΟΣ"), []byte("Paramètres"), []byte("同步冲突"), []byte("\xff\xfeA"), []byte("İstanbul"))
	changed := 0
	for _, w := range words {
		want := bleveLower.Filter(analysis.TokenStream{{Term: bytes.Clone(w)}})[0].Term
		got := ours.Filter(analysis.TokenStream{{Term: bytes.Clone(w)}})[0].Term
		if !bytes.Equal(got, want) {
			t.Fatalf("%q lowered to %q, Bleve makes %q", w, got, want)
		}
		if lowerChanges(w) != !bytes.Equal(want, w) {
			t.Fatalf("lowerChanges(%q) = %v; Bleve makes %q", w, lowerChanges(w), want)
		}
		if !bytes.Equal(want, w) {
			changed++
		}
	}
	if changed == 0 {
		t.Fatal("no word changed: the test is not lowering")
	}
}
