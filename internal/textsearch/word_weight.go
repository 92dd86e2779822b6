package textsearch

import (
	"math"

	index "github.com/blevesearch/bleve_index_api"
)

// fillerWords are words of the domain that nearly every difficult call
// has: in a title they say little about which item is meant, so a query
// "customer called again about the refund" is about the refund.
var fillerWords = map[string]bool{
	"customer": true, "customers": true, "client": true, "caller": true,
	"call": true, "called": true, "calling": true, "calls": true, "ring": true, "rang": true,
	"again": true, "back": true, "time": true, "times": true, "still": true,
	"want": true, "wants": true, "need": true, "needs": true, "get": true, "got": true,
	"said": true, "says": true, "say": true, "tell": true, "told": true,
	"keep": true, "keeps": true, "really": true, "just": true, "now": true,
	"someone": true, "something": true, "thing": true, "things": true, "people": true,
	"agent": true, "phone": true, "today": true, "help": true, "please": true,
	// Who the customer is, and how the agent would like to say it:
	// "the old lady", "u guys", "say it nicely" are about something else.
	"lady": true, "guy": true, "guys": true, "bloke": true, "gentleman": true,
	"sir": true, "madam": true, "lot": true, "saying": true, "asking": true,
	"telling": true, "tells": true, "trying": true, "made": true, "make": true,
	"makes": true, "making": true, "nicely": true,
	"politely": true, "properly": true, "kindly": true, "gently": true, "best": true,
	// Light verbs: "went quiet" is about the silence, not what went well.
	// The phrases they make ("gone missing", "give up") are synonyms,
	// matched whole.
	"went": true, "go": true, "goes": true, "gone": true, "did": true, "does": true,
	"done": true, "gets": true, "getting": true, "put": true, "puts": true,
	"take": true, "takes": true, "took": true, "give": true, "gave": true,
	"come": true, "came": true, "let": true, "lets": true,
}

// Limits of a word's weight: a filler word still counts a little, so a
// query of only filler words finds something.
const (
	minWordWeight = 0.15
	fillerFactor  = 0.3
	// informative is the weight from which a word takes part in the
	// "(nearly) every word in the title" bonus.
	informative = 0.3
	// idfFloor is the weight of a word found in every document that is
	// not a filler word.
	idfFloor = 0.4
)

// wordWeight is how much a word says about which item is meant: its
// inverse document frequency in the index, scaled to 0..1 (a word in
// every document weighs minWordWeight, a word in one document 1), and
// low for the domain's filler words.
func wordWeight(r index.IndexReader, w queryWord, docs uint64) float64 {
	if w.stem == "" {
		return minWordWeight
	}
	df := max(termCount(r, fBody, w.stem), termCount(r, fTitle, w.stem), termCount(r, fSignals, w.stem))
	idf := 1.0
	if docs > 1 && df > 0 {
		idf = math.Log(float64(docs)/float64(df)) / math.Log(float64(docs))
	}
	// Bleve already scores by IDF within a field; this evens out how
	// much each word of the query counts, gently, so a common but
	// meaningful word ("email") still counts.
	weight := idfFloor + (1-idfFloor)*idf
	if fillerWords[w.text] {
		weight *= fillerFactor
	}
	return min(1, max(minWordWeight, weight))
}
