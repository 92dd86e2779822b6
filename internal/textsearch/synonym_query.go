package textsearch

import (
	"math"

	"github.com/blevesearch/bleve/v2/search/query"
)

// synonymClauses are the query clauses of the synonym sets the query
// touches (see synonyms.expand).
func (e *Index) synonymClauses(p *plan) []query.Query {
	var out []query.Query
	// Each synonym set is a clause of its own, so a query that touches two
	// concepts ("elderly" and "doesn't understand") counts both. A set a
	// phrase of the query opened stands for that phrase, whose own words
	// are mostly stop and filler words, so it counts more than one opened
	// by a word that also matches as itself.
	for _, g := range p.ex.groups {
		f := factorSynonym
		if g.whole {
			f = factorWholeSet
		}
		alts := e.groupClauses(g, f)
		dq := query.NewDisjunctionQuery(alts)
		// Bleve scales a disjunction by the share of its clauses that
		// match, and a set of thirty members matched by one would count
		// a thirtieth: for a set that stands for the query's meaning,
		// the square root of its size evens that out, so a large set
		// ("after a hard call") counts about as a small one. A set one
		// word opened only adds phrases to that word, which Bleve's
		// synonyms already match as itself ("ashamed" is "embarrassed").
		if g.whole {
			scaleBoost(dq, math.Sqrt(float64(len(alts))))
		}
		out = append(out, dq)
	}
	return out
}

// groupClauses look up what one synonym set adds, at factor f: its single
// words in every field, and its phrases as phrases in titles, signals and
// tags, and as all their words in a body, which keeps no positions.
func (e *Index) groupClauses(g synGroup, f float64) []query.Query {
	var out []query.Query
	for _, st := range g.words {
		out = append(out, stemClauses(st, f)...)
	}
	for _, ph := range g.phrases {
		out = append(out, matchPhrase(fHWords, ph, boostSignals*f))
		if st := stemsOf(e.en, ph); len(st) > 1 {
			var all []query.Query
			for _, t := range st {
				all = append(all, term(fBody, t, 1))
			}
			cq := query.NewConjunctionQuery(all)
			cq.SetBoost(boostBody * f)
			out = append(out, cq)
		}
	}
	return out
}
