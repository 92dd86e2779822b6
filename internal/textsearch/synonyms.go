package textsearch

import (
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
)

// synonyms holds the synonym sets (a library's come from its packs) as
// analysed stems. Bleve's synonym support expands single words (refund ↔
// reimburse) at query time; it drops multi-word members ("money back",
// "close my account"), so those are expanded here, on the query side, into
// phrase lookups. A member of several words is a phrase even when all but
// one are stop words: "hanging myself" is not a synonym of every "hang"
// ("hung up on me"), nor "don't believe you" of every "believe", nor
// "say no" of every "say".
type synonyms struct {
	sets [][]synMember
	// byStem lists the sets a single-stem member belongs to.
	byStem map[string][]int
	// phrases are the multi-stem members, for spotting them in a query.
	phrases []synPhrase
}

type synMember struct {
	text  string   // as written
	stems []string // analysed
	words []string // as a query's words: lower case, stop words kept
}

// single reports whether m is one word, expanded by Bleve.
func (m synMember) single() bool { return len(m.stems) == 1 && len(m.words) == 1 }

type synPhrase struct {
	stems []string
	words []string
	set   int
	// negated is set when the phrase holds a negation the analyser drops
	// as a stop word ("tell the customer no"): its stems alone ("tell
	// customer") would match a query that says something else ("tell
	// the customer their refund is late"), so they count only in a query
	// that holds a negation too ("tell a customer we can't").
	negated bool
	// particle is a last word the analyser drops that carries the
	// meaning of a phrasal verb ("keeps cutting out" is a fault, "keeps
	// cutting me off" is being interrupted): its stems alone match only a
	// query that holds the particle too.
	particle string
}

// particles are the little words that turn a verb into another one.
var particles = map[string]bool{"out": true, "off": true, "up": true, "down": true, "in": true, "on": true, "over": true}

// particleOf is the last word of a phrase if it is a particle the
// analyser drops, else "".
func particleOf(an analysis.Analyzer, words []string) string {
	if len(words) < 2 {
		return ""
	}
	last := words[len(words)-1]
	if particles[last] && len(stemsOf(an, last)) == 0 {
		return last
	}
	return ""
}

// negated reports whether any of words is a negation ("no", "can't").
func negated(words []string) bool {
	return slices.ContainsFunc(words, func(w string) bool {
		switch w {
		case "no", "not", "never", "nothing", "none", "nobody", "nor":
			return true
		}
		return strings.HasSuffix(w, "n't")
	})
}

// newSynonyms analyses every set once. Sets with fewer than two usable
// members are dropped.
func newSynonyms(sets [][]string, an analysis.Analyzer) *synonyms {
	s := &synonyms{byStem: map[string][]int{}}
	for _, set := range sets {
		var members []synMember
		seen := map[string]bool{}
		for _, m := range set {
			m = strings.TrimSpace(m)
			st := stemsOf(an, m)
			key := strings.Join(st, " ")
			if len(st) == 0 || seen[key+"\x00"+m] {
				continue
			}
			seen[key+"\x00"+m] = true
			members = append(members, synMember{text: m, stems: st, words: memberWords(m)})
		}
		if len(members) < 2 {
			continue
		}
		i := len(s.sets)
		s.sets = append(s.sets, members)
		for _, m := range members {
			if m.single() {
				if !slices.Contains(s.byStem[m.stems[0]], i) {
					s.byStem[m.stems[0]] = append(s.byStem[m.stems[0]], i)
				}
			} else {
				s.phrases = append(s.phrases, synPhrase{stems: m.stems, words: m.words, set: i, negated: negated(m.words), particle: particleOf(an, m.words)})
			}
		}
	}
	return s
}

// definitions are the single-word groups handed to Bleve, one per set, as
// written (Bleve analyses them with the field analyser).
func (s *synonyms) definitions() [][]string {
	var defs [][]string
	for _, set := range s.sets {
		var words []string
		for _, m := range set {
			if m.single() {
				words = append(words, m.text)
			}
		}
		if len(words) >= 2 {
			defs = append(defs, words)
		}
	}
	return defs
}

// expansion is what a query's stems imply beyond what Bleve expands: whole
// sets opened by a phrase the customer used, and phrase members of sets
// opened by a single word, one group per set.
type expansion struct {
	groups []synGroup
	stems  []string // every stem involved, for highlighting
}

// synGroup is what one set adds to a query.
type synGroup struct {
	words   []string // single stems to look up
	phrases []string // members to look up as phrases, as written
	// whole is set when a phrase of the query opened the set: the phrase
	// is what the query means ("say no", "went quiet"), while its own
	// words are stop or filler words that count for little.
	whole bool
}

// expand finds the sets the query touches. stems is the query's stem
// sequence without stop words, words its words as typed (normalised, stop
// words kept): a phrase member matches either way ("say no", whose "no" is
// a stop word, only by its words).
func (s *synonyms) expand(stems, words []string, filler map[string]bool) expansion {
	var ex expansion
	if s == nil || len(stems)+len(words) == 0 {
		return ex
	}
	whole := map[int]bool{}
	queryNegated := negated(words)
	for _, p := range s.phrases {
		if len(p.stems) > 1 && (!p.negated || queryNegated) && (p.particle == "" || slices.Contains(words, p.particle)) && containsRun(stems, p.stems) || containsRun(words, p.words) {
			whole[p.set] = true
		}
	}
	phraseOnly := map[int]bool{}
	for _, st := range stems {
		// A filler word on its own ("customer") opens no set: its
		// synonyms ("account holder") would outweigh what was meant.
		if filler[st] {
			continue
		}
		for _, i := range s.byStem[st] {
			if !whole[i] {
				phraseOnly[i] = true
			}
		}
	}
	inQuery := func(m synMember) bool {
		return containsRun(words, m.words) || len(m.stems) > 1 && containsRun(stems, m.stems)
	}
	for i := range s.sets {
		if !whole[i] && !phraseOnly[i] {
			continue
		}
		g := synGroup{whole: whole[i]}
		for _, m := range s.sets[i] {
			switch {
			case m.single() && g.whole:
				if !slices.Contains(stems, m.stems[0]) && !slices.Contains(g.words, m.stems[0]) {
					g.words = append(g.words, m.stems[0])
					ex.stems = append(ex.stems, m.stems[0])
				}
			case !m.single() && !inQuery(m):
				g.phrases = append(g.phrases, m.text)
				ex.stems = append(ex.stems, m.stems...)
			}
		}
		if len(g.words)+len(g.phrases) > 0 {
			ex.groups = append(ex.groups, g)
		}
	}
	return ex
}

// related returns every single stem that means the same as st, st included,
// for highlighting what Bleve matched through synonyms.
func (s *synonyms) related(st string) []string {
	out := []string{st}
	if s == nil {
		return out
	}
	for _, i := range s.byStem[st] {
		for _, m := range s.sets[i] {
			if m.single() && !slices.Contains(out, m.stems[0]) {
				out = append(out, m.stems[0])
			}
		}
	}
	return out
}

// containsRun reports whether run occurs in seq as consecutive elements.
func containsRun(seq, run []string) bool {
	if len(run) == 0 || len(run) > len(seq) {
		return false
	}
	for i := 0; i+len(run) <= len(seq); i++ {
		if slices.Equal(seq[i:i+len(run)], run) {
			return true
		}
	}
	return false
}

// memberWords are a member's words as a query's would be (see parseWords).
func memberWords(text string) []string {
	var out []string
	eachWord(text, func(s, e int) bool {
		out = append(out, expandInformal(normWord(text[s:e]))...)
		return true
	})
	return out
}

// stemsOf analyses text into its stems, stop words dropped.
func stemsOf(an analysis.Analyzer, text string) []string {
	ts := an.Analyze([]byte(text))
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		out = append(out, string(t.Term))
	}
	return out
}
