package textsearch

import (
	"fmt"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// frontEdgeName is Poise's front edge n-gram filter: the first min to max
// letters of each word, as Bleve's edge_ngram filter (front) makes them,
// without making each prefix and its token anew. A word's prefixes are
// slices of the word's own bytes, and the tokens come from one slab per
// text: Bleve's filter made two allocations per prefix of every word of
// every title.
const frontEdgeName = "poise_front_edge"

func init() {
	err := registry.RegisterTokenFilter(frontEdgeName, func(config map[string]interface{}, _ *registry.Cache) (analysis.TokenFilter, error) {
		lo, okLo := config["min"].(float64)
		hi, okHi := config["max"].(float64)
		if !okLo || !okHi || lo < 1 || hi < lo {
			return nil, fmt.Errorf("%s: min and max must be counts of letters, min at most max", frontEdgeName)
		}
		return frontEdgeFilter{min: int(lo), max: int(hi)}, nil
	})
	if err != nil {
		panic(err)
	}
}

type frontEdgeFilter struct{ min, max int }

func (f frontEdgeFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	n := 0
	for _, t := range input {
		if c := utf8.RuneCount(t.Term); c >= f.min {
			n += min(c, f.max) - f.min + 1
		}
	}
	slab := make([]analysis.Token, 0, n)
	out := make(analysis.TokenStream, 0, n)
	for _, t := range input {
		if !utf8.Valid(t.Term) {
			// Bleve's filter reads each invalid byte as U+FFFD: build
			// those prefixes as it does.
			runes := []rune(string(t.Term))
			for size := f.min; size <= f.max && size <= len(runes); size++ {
				slab = append(slab, analysis.Token{Term: analysis.BuildTermFromRunes(runes[:size]), Position: t.Position, Start: t.Start, End: t.End, Type: t.Type})
				out = append(out, &slab[len(slab)-1])
			}
			continue
		}
		letters, end := 0, 0
		for end < len(t.Term) && letters < f.max {
			_, w := utf8.DecodeRune(t.Term[end:])
			end += w
			letters++
			if letters >= f.min {
				slab = append(slab, analysis.Token{Term: t.Term[:end:end], Position: t.Position, Start: t.Start, End: t.End, Type: t.Type})
				out = append(out, &slab[len(slab)-1])
			}
		}
	}
	return out
}
