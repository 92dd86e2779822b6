package textsearch

import (
	"strings"
	"unicode/utf8"
)

// Nearby is text with each word that nothing in the index holds replaced
// by the index's word closest to it in spelling, most common first; "" when
// no word could be replaced. It is looser than typo correction, which must
// never change what a person meant mid-search: it is for a query that found
// nothing, where any nearby word beats an empty list. It also looks past
// the known-English-word guard and two edits from four letters.
func (e *Index) Nearby(text string) (_ string, err error) {
	defer noticeDamage(&err)
	words := parseWords(text)
	if len(words) == 0 {
		return "", nil
	}
	r, err := e.reader()
	if err != nil {
		return "", err
	}
	defer r.Close()
	out := make([]string, 0, len(words))
	changed := false
	for _, w := range words {
		if st := stemsOf(e.en, w.text); len(st) > 0 && hasTerm(r, fBody, st[0]) || hasTerm(r, fHWords, w.text) {
			out = append(out, w.text)
			continue
		}
		n := utf8.RuneCountInString(w.text)
		fuzz := 1
		if n >= minFuzzyLen {
			fuzz = 2
		}
		// Hurried typing drops letters, vowels most ("rfnd", "mangr"): a
		// word holding every typed letter in order is the likeliest, then
		// the cheapest slip, then the commonest word.
		best, bestCount, bestCost, bestIn := "", uint64(0), 0.0, false
		if n >= 3 {
			des, _ := fuzzyTerms(r, fHWords, w.text, fuzz)
			for _, de := range des {
				if de.Count == 0 {
					de.Count = termCount(r, fHWords, de.Term)
				}
				cost, in := typoCost(w.text, de.Term), subsequence(w.text, de.Term)
				better := best == "" || in && !bestIn ||
					in == bestIn && (cost < bestCost || cost == bestCost && de.Count > bestCount)
				if better {
					best, bestCount, bestCost, bestIn = de.Term, de.Count, cost, in
				}
			}
		}
		if best == "" {
			out = append(out, w.text)
			continue
		}
		changed = true
		out = append(out, best)
	}
	if !changed {
		return "", nil
	}
	return strings.Join(out, " "), nil
}

// subsequence reports whether every letter of typed appears in word, in
// order.
func subsequence(typed, word string) bool {
	i := 0
	for _, r := range word {
		if i < len(typed) {
			c, size := utf8.DecodeRuneInString(typed[i:])
			if c == r {
				i += size
			}
		}
	}
	return i == len(typed)
}
