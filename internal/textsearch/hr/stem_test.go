package hr

import (
	"bytes"
	"maps"
	"regexp"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	bleve "github.com/blevesearch/bleve/v2/analysis/lang/hr"
)

// TestStemsAsBleve checks that the copy stems every word as Bleve's own
// package does, for words made of roots and every ending the rules and
// the suffix table name, and that its stop words and suffix table are
// Bleve's. (This binary links Bleve's package too: Register is not
// called, so no name is registered twice.)
func TestStemsAsBleve(t *testing.T) {
	words := croatianWords()
	if len(words) < 5000 {
		t.Fatalf("only %d words to compare", len(words))
	}
	ours, theirs := NewCroatianStemmerFilter(), bleve.NewCroatianStemmerFilter()
	changed := 0
	for _, w := range words {
		got := ours.Filter(analysis.TokenStream{{Term: []byte(w)}})[0].Term
		want := theirs.Filter(analysis.TokenStream{{Term: []byte(w)}})[0].Term
		if !bytes.Equal(got, want) {
			t.Errorf("stem(%q) = %q, Bleve's %q", w, got, want)
		}
		if string(want) != w {
			changed++
		}
	}
	if changed < len(words)/2 {
		t.Errorf("only %d of %d words stemmed: the words miss the rules", changed, len(words))
	}
	if !bytes.Equal(CroatianStopWords, bleve.CroatianStopWords) {
		t.Error("stop words differ from Bleve's")
	}
	if !maps.Equal(SuffixTransformations, bleve.SuffixTransformations) {
		t.Error("suffix transformations differ from Bleve's")
	}
}

// croatianWords joins a few roots with every ending that the stemming
// rules list in their last group and every suffix of the table.
func croatianWords() []string {
	roots := []string{"hrvatsk", "komar", "pjes", "grad", "kuć", "ugov", "prijatelj", "stan", "rad", "ljubav",
		"život", "čovjek", "žen", "učitelj", "knjig", "sel", "mor", "polj", "ribar", "pis", "čit", "govor",
		"misl", "trč", "pjev", "postav", "sinkroniz", "bilješk", "dokument", "predložak", "lozi", "ideal",
		"automobil", "problem", "program", "profesor", "kral", "pruž", "sret", "strun", "vanj", "tanij"}
	group := regexp.MustCompile(`\(([^()]*)\)\$$`)
	endings := map[string]bool{"": true}
	for _, rule := range stemmingRules() {
		if m := group.FindStringSubmatch(rule.String()); m != nil {
			for _, e := range strings.Split(m[1], "|") {
				endings[e] = true
			}
		}
	}
	for suffix := range SuffixTransformations {
		endings[suffix] = true
	}
	var words []string
	for _, r := range roots {
		for e := range endings {
			words = append(words, r+e)
		}
	}
	return words
}

// Bleve keeps the suffix table in a map, so where two of its suffixes end
// a word (anjac and njac, teticima and ticima) either may apply, in map
// order. Both give the same stem, so a word's term does not change from
// one build to the next.
func TestNestedSuffixesStemAlike(t *testing.T) {
	nested := 0
	for long, longTo := range SuffixTransformations {
		for short, shortTo := range SuffixTransformations {
			if long == short || !strings.HasSuffix(long, short) {
				continue
			}
			nested++
			for _, root := range []string{"", "analit", "kozme", "pro", "hrvatsk"} {
				w := root + long
				viaLong := stem(w[:len(w)-len(long)] + longTo)
				viaShort := stem(w[:len(w)-len(short)] + shortTo)
				if viaLong != viaShort {
					t.Errorf("%s: %q by %s, %q by %s", w, viaLong, long, viaShort, short)
				}
			}
		}
	}
	if nested == 0 {
		t.Error("no suffix of the table ends another: the test checks nothing")
	}
}
