package textsearch

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Limits that keep hostile or pasted input cheap: a 10 KB email becomes a
// query over its first words, never thousands of clauses.
const (
	maxQueryBytes   = 4 << 10
	maxQueryWords   = 16
	maxPhraseWords  = 10
	maxCorrections  = 2
	maxTypoScan     = 64 // candidates weighed for one typo
	minFuzzyLen     = 4  // edit distance 1 from 4 letters
	minFuzzy2Len    = 7  // edit distance 2 from 7 letters
	maxFuzzyLen     = 32 // longer words are never fuzzed (fuzzyTerms)
	minPrefixLetter = prefixLetters
	maxPrefixScan   = 2000 // body terms looked at for the word being typed
	maxPrefixTerms  = 8    // of which the most frequent are searched
	minBodyPrefix   = 3    // shorter starts match titles, signals and tags only
	maxBodyPrefix   = 12   // letters of the word being typed looked up in bodies
)

// Boosts: where a word is found says how much it counts. Titles and what
// customers say outrank tags, tags outrank body text, a phrase outranks
// scattered words, a corrected typo counts a bit less than the word typed.
const (
	boostTitle      = 4.0
	boostSignals    = 3.0
	boostMeta       = 2.0
	boostBody       = 1.0
	boostHPrefix    = 1.5
	boostBPrefix    = 0.4
	boostPhraseHead = 6.0
	boostPhrasePart = 3.0
	boostTitleAll   = 4.0
	factorCorrected = 0.6
	factorSynonym   = 0.8
	factorWholeSet  = 1.0 // a set opened by a phrase of the query: as much as a word of it, never more ("still not here" outranked "refund")
)

// windowPower sharpens windowWeight: a two-word run counts fully only
// when its word is rare, as a common verb beside a stop word ("made a")
// matches too many titles to say anything.
const windowPower = 3

// queryWord is one word of what the person typed.
type queryWord struct {
	text    string   // normalised surface form
	stem    string   // "" for a stop word
	fixes   []string // stems of likely intended words, for typos
	shown   string   // the likeliest intended word, to say what was corrected
	partial bool     // the last word, still being typed
	weight  float64  // how much the word says about the item meant, 0..1
	// bodyPrefix are the body stems the word being typed may start, with
	// the number of documents holding each and the boost of each (see
	// bodyPrefixBoosts).
	bodyPrefix []string
	bodyCount  []uint64
	bodyBoost  []float64
	// head is what the word being typed matches in titles, signals and
	// tags when it is longer than the indexed grams (headPrefixQuery).
	head headStart
}

// plan is a parsed query: the words, what they expand to, and the Bleve
// query that finds them.
type plan struct {
	words []queryWord
	ex    expansion
	q     query.Query // nil when the text has no words
	// queryLang is the query's language as its letters tell it, readerLang
	// the reader's (Query.QueryLang, Query.Lang): see preferredLang.
	queryLang, readerLang string
}

// HasWords reports whether text holds a word a query can match (letters or
// digits); text without one is searched as a blank query.
func HasWords(text string) bool { return len(parseWords(text)) > 0 }

// parseWords splits user text into query words. It never fails: text
// without letters or digits has no words.
func parseWords(text string) []queryWord {
	if len(text) > maxQueryBytes {
		text = strings.ToValidUTF8(text[:maxQueryBytes], "")
	}
	var out []queryWord
	seen := map[string]bool{}
	last := ""
	eachWord(text, func(s, e int) bool {
		last = normWord(text[s:e])
		for _, w := range expandInformal(last) {
			if !seen[w] && len(out) < maxQueryWords {
				seen[w] = true
				out = append(out, queryWord{text: w})
			}
		}
		return len(out) < maxQueryWords
	})
	// The word being typed is a prefix only as typed: "u" is "you", not
	// the start of "upset".
	if len(out) > 0 && endsInWord(text) && len(out) < maxQueryWords && out[len(out)-1].text == last {
		out[len(out)-1].partial = true
	}
	return out
}

// buildPlan analyses the words against the index: stems, typo fixes from
// the index's own vocabulary, synonym expansion, and the query itself.
func (e *Index) buildPlan(text string) (*plan, error) {
	p := &plan{words: parseWords(text)}
	if len(p.words) == 0 {
		return p, nil
	}
	r, err := e.reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()

	docs, _ := r.DocCount()
	var stems []string
	for i := range p.words {
		w := &p.words[i]
		if st := stemsOf(e.en, w.text); len(st) > 0 {
			// A word the analyser splits (digits and letters mixed) is
			// looked up by its first part.
			w.stem = st[0]
		}
		if w.stem != "" {
			stems = append(stems, w.stem)
		}
		if w.partial && utf8.RuneCountInString(w.text) >= minBodyPrefix {
			w.bodyPrefix, w.bodyCount = bodyPrefixTerms(r, truncRunes(w.text, maxBodyPrefix))
		}
		if w.partial && utf8.RuneCountInString(w.text) > prefixLetters {
			w.head = headStartOf(r, w.text, docs)
		}
		w.bodyBoost = bodyPrefixBoosts(w.bodyCount, w.head.df, docs)
		c := e.fixes.get(r, w, e.corrections)
		w.fixes, w.shown = c.stems, c.shown
		w.weight = wordWeight(r, *w, docs)
	}
	filler := map[string]bool{}
	for _, w := range p.words {
		if fillerWords[w.text] && w.stem != "" {
			filler[w.stem] = true
		}
	}
	words := make([]string, len(p.words))
	for i, w := range p.words {
		words[i] = w.text
	}
	p.ex = e.syn.expand(stems, words, filler)
	p.q = e.textQuery(p)
	return p, nil
}

// bodyPrefixTerms expands the word being typed into the most frequent body
// stems it starts. Bodies carry no edge n-grams (they would triple the
// index and its build time), so this bounded expansion stands in: the
// dictionary walk is cheap, and only maxPrefixTerms terms are searched.
// It returns the terms and how many documents hold each.
func bodyPrefixTerms(r index.IndexReader, prefix string) ([]string, []uint64) {
	dict, err := r.FieldDictPrefix(fBody, []byte(prefix))
	if err != nil {
		return nil, nil
	}
	defer dict.Close()
	var all []index.DictEntry
	counts := newTermCounter(r, fBody) // the walk's counts are wrong on disk
	for de, err := dict.Next(); err == nil && de != nil && len(all) < maxPrefixScan; de, err = dict.Next() {
		all = append(all, index.DictEntry{Term: de.Term, Count: counts.count(de)})
	}
	// Most frequent first, ties by term: the choice must not depend on the
	// order segments happen to list terms in.
	slices.SortFunc(all, func(a, b index.DictEntry) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Term, b.Term))
	})
	var terms []string
	var held []uint64
	for _, de := range all[:min(len(all), maxPrefixTerms)] {
		terms = append(terms, de.Term)
		held = append(held, de.Count)
	}
	return terms, held
}

// bodyPrefixBoosts is the boost of each body term the word being typed
// starts, held by counts documents each: boostBPrefix, scaled down for a
// term rarer than what the start matches in titles, signals and tags
// (headDF documents; 0 when unknown) and than the commonest of the terms.
// Bleve scores a term by its IDF squared, so a rare body word the start
// begins ("settinggroup", in one release note, for "setti") outranked
// every page titled with the word meant ("Settings"): bodies are stemmed,
// so "settings" itself is not among the terms. Scaled, a body match
// counts at most as much as a common word's would.
func bodyPrefixBoosts(counts []uint64, headDF, docs uint64) []float64 {
	if len(counts) == 0 {
		return nil
	}
	ref := slices.Max(counts)
	if headDF > ref {
		ref = headDF
	}
	out := make([]float64, len(counts))
	for i, n := range counts {
		f := min(1, tfidf(docs, min(ref, docs))/tfidf(docs, n))
		out[i] = boostBPrefix * f * f
	}
	return out
}

// textQuery is the scoring part of a query: one clause per informative
// word, weighted by how informative it is, and one for all filler words
// together (each word's clause holds its stem
// in every text field, its typo fixes, and for the word being typed its
// prefix), the words as a phrase in titles and signals, a bonus for titles
// that hold (nearly) all the words, and synonym phrases.
func (e *Index) textQuery(p *plan) query.Query {
	var should, weak []query.Query
	content := 0
	for _, w := range p.words {
		var alts []query.Query
		if w.stem != "" {
			content++
			alts = append(alts, stemClauses(w.stem, 1)...)
		}
		// The word as each language present analyses it, so an agent can
		// type in their own language and find their pack.
		for _, lf := range e.langs {
			if t := lf.term(w.text); t != "" {
				alts = append(alts, term(lf.field, t, boostBody))
			}
		}
		for _, f := range w.fixes {
			alts = append(alts, stemClauses(f, factorCorrected)...)
		}
		if w.partial && utf8.RuneCountInString(w.text) >= minPrefixLetter {
			if q := headPrefixQuery(w, boostHPrefix); q != nil {
				alts = append(alts, q)
			}
			for i, t := range w.bodyPrefix {
				if t != w.stem {
					alts = append(alts, term(fBody, t, w.bodyBoost[i]))
				}
			}
		}
		if len(alts) == 0 {
			continue
		}
		dq := query.NewDisjunctionQuery(alts)
		scaleBoost(dq, w.weight)
		if w.weight < informative {
			weak = append(weak, dq)
			continue
		}
		should = append(should, dq)
	}
	if len(weak) > 0 {
		// Filler words share one clause: Bleve scales a disjunction by
		// the share of its clauses matched, and four filler words in a
		// title must not count four times as much as the one word that
		// says what the query is about.
		should = append(should, query.NewDisjunctionQuery(weak))
	}
	if n := len(p.words); n >= 2 && n <= maxPhraseWords {
		// The words as said, stop words included, in a title or signal:
		// the strongest sign the customer is saying exactly this.
		should = append(should, matchPhrase(fHWords, phraseText(p.words), boostPhraseHead))
		// Part of what a customer says, as said: any three words in a
		// row that a title or signal holds ("ending it all" in "talking
		// about ending it all").
		// hwords keeps stop words, so a window needs only one word that
		// is not a stop word: "ending it all" matches those three words
		// in a row, where "ending" alone would match "Ending the call".
		// A window of stop words only ("I want to") says nothing.
		for i := 0; n > 3 && i+3 <= n; i++ {
			if win := p.words[i : i+3]; contentWords(win) >= 1 && !p.inLead(i, i+3) {
				should = append(should, matchPhrase(fHWords, phraseText(win), boostPhrasePart))
			}
		}
		// Two words in a row too, once the query is longer than two
		// (two words are the whole phrase above): "my details" in "who
		// have you shared my details with" meets a signal that says
		// "given my details to", where no three words agree.
		for i := 0; n > 2 && i+2 <= n; i++ {
			if win := p.words[i : i+2]; contentWords(win) >= 1 && !p.inLead(i, i+2) {
				should = append(should, matchPhrase(fHWords, phraseText(win), boostPhrasePart*windowWeight(win)))
			}
		}
	}
	if content >= 2 {
		// (Nearly) every word in the title: the document is about what was typed.
		// Only informative words count: "customer" and "call" in a
		// title say nothing about which item is meant.
		var all []query.Query
		for _, w := range p.words {
			if w.stem != "" && w.weight >= informative {
				all = append(all, term(fTitle, w.stem, w.weight))
			}
		}
		if len(all) >= 2 {
			tq := query.NewDisjunctionQuery(all)
			tq.SetMin(float64(max(2, len(all)-1)))
			scaleBoost(tq, boostTitleAll) // a disjunction's own boost is ignored
			should = append(should, tq)
		}
	}
	should = append(should, e.synonymClauses(p)...)
	if len(should) == 0 {
		return nil
	}
	return query.NewDisjunctionQuery(should)
}

// phraseText is the words as typed, joined, for a phrase lookup: the field
// analyser then removes stop words and keeps their positions.
func phraseText(ws []queryWord) string {
	parts := make([]string, 0, len(ws))
	for _, w := range ws {
		parts = append(parts, w.text)
	}
	return strings.Join(parts, " ")
}

func stemClauses(stem string, factor float64) []query.Query {
	return []query.Query{
		term(fTitle, stem, boostTitle*factor),
		term(fSignals, stem, boostSignals*factor),
		term(fMeta, stem, boostMeta*factor),
		term(fBody, stem, boostBody*factor),
	}
}

func term(field, t string, boost float64) query.Query {
	q := bleve.NewTermQuery(t)
	q.SetField(field)
	q.SetBoost(boost)
	return q
}

// matchPhrase looks text up as a phrase of words in field (hwords, the
// only field with positions). The text is analysed into words only: the
// field's own analyser adds each word's gram at its position, which
// would let any word of the same start stand in for it.
func matchPhrase(field, text string, boost float64) query.Query {
	q := bleve.NewMatchPhraseQuery(text)
	q.SetField(field)
	q.SetBoost(boost)
	q.Analyzer = analyzerWords
	return q
}

// corrected is the query as the search understood it, each corrected
// word replaced by the likeliest intended one ("really furious" for
// "really furous"), or "" when no word was corrected.
func (p *plan) corrected() string {
	any := false
	parts := make([]string, 0, len(p.words))
	for _, w := range p.words {
		if w.shown != "" {
			any = true
			parts = append(parts, w.shown)
			continue
		}
		parts = append(parts, w.text)
	}
	if !any {
		return ""
	}
	return strings.Join(parts, " ")
}

// scaleBoost multiplies the boosts of q's leaf queries by f: Bleve
// ignores the boost of a disjunction or conjunction itself.
func scaleBoost(q query.Query, f float64) {
	switch q := q.(type) {
	case *query.DisjunctionQuery:
		for _, c := range q.Disjuncts {
			scaleBoost(c, f)
		}
	case *query.ConjunctionQuery:
		for _, c := range q.Conjuncts {
			scaleBoost(c, f)
		}
	case query.BoostableQuery:
		q.SetBoost(q.Boost() * f)
	}
}

// contentWords counts the words that are not stop words.
func contentWords(ws []queryWord) int {
	n := 0
	for _, w := range ws {
		if w.stem != "" {
			n++
		}
	}
	return n
}

// windowWeight is how much a run of words says about which item is meant:
// the weight of its most informative word, so "my details" counts and
// "made a" (as in "made a mistake") hardly does.
func windowWeight(ws []queryWord) float64 {
	w := 0.0
	for _, q := range ws {
		if q.stem != "" {
			w = max(w, q.weight)
		}
	}
	return math.Pow(w, windowPower)
}
