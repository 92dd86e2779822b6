package textsearch

import (
	"context"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	index "github.com/blevesearch/bleve_index_api"
)

// correction is what a typed word was probably meant to be.
type correction struct {
	stems []string // searched in its place, best first
	shown string   // the word to show in "Showing results for"; "" if unsure
}

// corrections finds what a word the index does not know was probably meant
// to be, within edit distance 1 from 4 letters and 2 from 7, among the
// surface words of titles, signals and tags and the body stems. A known
// English word is never corrected: "weeping" is not a typo of "keeping".
// Candidates are ranked by how common they are in the content and by how
// likely the slip is (a neighbouring key, two letters swapped), so a typo
// of a common word of the domain finds it rather than a rare lookalike.
// Two neighbouring letters swapped is tried first: it needs only exact
// lookups, while a Levenshtein automaton for distance 2 is the costliest
// step of a query.
func (e *Index) corrections(r index.IndexReader, w *queryWord) correction {
	n := utf8.RuneCountInString(w.text)
	if n < minFuzzyLen || e.known[w.text] {
		return correction{}
	}
	if strings.ContainsRune(w.text, '\'') {
		// A contraction ("he'd", "won't") is a word the person meant, and
		// the English list has none to recognise it by: "he'd" must not
		// become "held".
		return correction{}
	}
	if w.partial && (len(w.bodyPrefix) > 0 || hasPrefix(r, fHWords, w.text)) {
		return correction{} // a word still being typed, and a known start of one
	}
	if w.stem != "" && hasTerm(r, fBody, w.stem) {
		return correction{}
	}
	if hasTerm(r, fHWords, w.text) || isEnglish(w.text, w.stem) {
		return correction{}
	}
	rare := isRareEnglish(w.text)
	var cands []typoCand
	addWords := func(des []index.DictEntry) {
		for _, de := range des {
			if de.Count == 0 { // fuzzy dictionaries leave counts out
				de.Count = termCount(r, fHWords, de.Term)
			}
			if st := stemsOf(e.en, de.Term); len(st) == 1 && st[0] != w.stem {
				cands = append(cands, typoCand{stem: st[0], shown: de.Term, count: de.Count, cost: typoCost(w.text, de.Term)})
			}
		}
	}
	addStems := func(des []index.DictEntry) {
		for _, de := range des {
			if de.Count == 0 {
				de.Count = termCount(r, fBody, de.Term)
			}
			c := typoCand{stem: de.Term, count: de.Count, cost: typoCost(w.stem, de.Term)}
			if isEnglish(de.Term, "") {
				c.shown = de.Term
			}
			cands = append(cands, c)
		}
	}
	addWords(swapped(r, fHWords, w.text))
	addWords(doubled(r, fHWords, w.text))
	if w.stem != "" {
		addStems(swapped(r, fBody, w.stem))
		addStems(doubled(r, fBody, w.stem))
	}
	if len(cands) == 0 {
		fuzz := fuzziness(n)
		des, _ := fuzzyTerms(r, fHWords, w.text, fuzz)
		addWords(des)
		if w.stem != "" {
			// Body words are only indexed as stems; a typo in one is
			// corrected against them.
			des, _ := fuzzyTerms(r, fBody, w.stem, min(fuzz, fuzziness(utf8.RuneCountInString(w.stem))))
			addStems(des)
		}
	}
	if rare {
		// A real but less common word is kept unless it is a word of
		// the content with one letter dropped, or its other spelling
		// ("apologising", "apologizing").
		cands = slices.DeleteFunc(cands, func(c typoCand) bool {
			return !oneDropped(w.text, c.shown) && !otherSpelling(w.text, c.shown) &&
				(w.stem == "" || !oneDropped(w.stem, c.stem) && !otherSpelling(w.stem, c.stem))
		})
	}
	best := bestTypoCands(cands)
	if len(best) == 0 {
		return correction{}
	}
	var c correction
	for _, b := range best {
		c.stems = append(c.stems, b.stem)
	}
	c.shown = e.shownWord(r, w.text, best)
	return c
}

// shownWord is the word to show for a typo among the words searched in its
// place: a real word of the content (the commonest form of its stem, never
// the stem itself), the one nearest what was typed. Body stems are compared
// with the typed word's stem, which hides a dropped suffix: "threatning"
// searches both "threat" and "threaten", and means "threatening".
func (e *Index) shownWord(r index.IndexReader, typed string, best []typoCand) string {
	shown, cost := "", 0.0
	for _, b := range best {
		word := b.shown
		if word == "" {
			word = e.surfaceOf(r, b.stem)
		}
		if word == "" {
			continue
		}
		if c := typoCost(typed, word); shown == "" || c < cost {
			shown, cost = word, c
		}
	}
	return shown
}

// surfaceOf finds a word of titles, signals or tags whose stem is stem,
// to show instead of the stem ("furious", not "furiou"); "" if none is.
func (e *Index) surfaceOf(r index.IndexReader, stem string) string {
	dict, err := r.FieldDictPrefix(fHWords, []byte(stem))
	if err != nil {
		return ""
	}
	defer dict.Close()
	best, count := "", uint64(0)
	for i, de := 0, (*index.DictEntry)(nil); i < maxTypoScan; i++ {
		if de, err = dict.Next(); err != nil || de == nil {
			break
		}
		if st := stemsOf(e.en, de.Term); len(st) == 1 && st[0] == stem && de.Count > count {
			best, count = de.Term, de.Count
		}
	}
	if best == "" && isEnglish(stem, "") {
		return stem
	}
	return best
}

// swapped lists the terms of field that are t with two neighbouring
// letters swapped, with how many documents hold each.
func swapped(r index.IndexReader, field, t string) []index.DictEntry {
	rs := []rune(t)
	var out []index.DictEntry
	for i := 0; i+1 < len(rs) && len(out) < maxCorrections; i++ {
		if rs[i] == rs[i+1] {
			continue
		}
		rs[i], rs[i+1] = rs[i+1], rs[i]
		c := string(rs)
		if n := termCount(r, field, c); n > 0 && !slices.ContainsFunc(out, func(de index.DictEntry) bool { return de.Term == c }) {
			out = append(out, index.DictEntry{Term: c, Count: n})
		}
		rs[i], rs[i+1] = rs[i+1], rs[i]
	}
	return out
}

// doubled lists the terms of field that are t with one of its letters
// typed twice ("acused" → "accused"), the commonest spelling slip; like
// swapped it needs only exact lookups.
func doubled(r index.IndexReader, field, t string) []index.DictEntry {
	rs := []rune(t)
	var out []index.DictEntry
	for i := 0; i < len(rs) && len(out) < maxCorrections; i++ {
		if i > 0 && rs[i] == rs[i-1] {
			continue // the same word as doubling the letter before
		}
		c := string(rs[:i+1]) + string(rs[i:])
		if n := termCount(r, field, c); n > 0 {
			out = append(out, index.DictEntry{Term: c, Count: n})
		}
	}
	return out
}

// termCount is how many documents hold term t in field.
func termCount(r index.IndexReader, field, t string) uint64 {
	tfr, err := r.TermFieldReader(context.Background(), []byte(t), field, false, false, false)
	if err != nil {
		return 0
	}
	defer tfr.Close()
	return tfr.Count()
}

func fuzziness(n int) int {
	if n >= minFuzzy2Len {
		return 2
	}
	return 1
}

// fuzzyTerms lists the terms of field within fuzz edits of t, with their
// document counts, or reports that t itself is there. A word longer than
// maxFuzzyLen letters lists none: vellum's Levenshtein automaton grows
// with the word (a pasted 4,000-letter token made one of 285 MB), and no
// word a person types is that long.
func fuzzyTerms(r index.IndexReader, field, t string, fuzz int) (terms []index.DictEntry, exact bool) {
	fr, ok := r.(index.IndexReaderFuzzy)
	if !ok || utf8.RuneCountInString(t) > maxFuzzyLen {
		return nil, false
	}
	dict, err := fr.FieldDictFuzzy(field, t, fuzz, "")
	if err != nil {
		return nil, false
	}
	defer dict.Close()
	for de, err := dict.Next(); err == nil && de != nil; de, err = dict.Next() {
		if de.EditDistance == 0 {
			return nil, true
		}
		if len(terms) < maxTypoScan && !isHeadGram(de.Term) {
			terms = append(terms, *de)
		}
	}
	return terms, false
}

// hasPrefix reports whether any term of field starts with prefix.
func hasPrefix(r index.IndexReader, field, prefix string) bool {
	dict, err := r.FieldDictPrefix(field, []byte(prefix))
	if err != nil {
		return false
	}
	defer dict.Close()
	de, err := dict.Next()
	return err == nil && de != nil
}

// hasTerm reports whether field holds the term t.
func hasTerm(r index.IndexReader, field, t string) bool {
	return termChecker(r, field)(t)
}

// termChecker returns a test for terms of field, opening the field's
// dictionaries once for many lookups.
func termChecker(r index.IndexReader, field string) func(string) bool {
	if rc, ok := r.(index.IndexReaderContains); ok {
		if dc, err := rc.FieldDictContains(field); err == nil {
			return func(t string) bool {
				found, err := dc.Contains([]byte(t))
				return err == nil && found
			}
		}
	}
	return func(t string) bool {
		tfr, err := r.TermFieldReader(context.Background(), []byte(t), field, false, false, false)
		if err != nil {
			return false
		}
		defer tfr.Close()
		return tfr.Count() > 0
	}
}

// fixCache remembers corrections for the current snapshot: as a person
// types, every keystroke sends the earlier words again, and building a
// Levenshtein automaton for each was a third of a query.
type fixCache struct {
	mu   sync.Mutex
	snap index.IndexReader
	m    map[string]correction
}

const fixCacheMax = 4096

func (c *fixCache) get(r index.IndexReader, w *queryWord, find func(index.IndexReader, *queryWord) correction) correction {
	key := w.text
	if w.partial {
		key += "\x00"
	}
	c.mu.Lock()
	if c.snap != snapshotOf(r) || len(c.m) >= fixCacheMax {
		c.snap, c.m = snapshotOf(r), map[string]correction{}
	}
	fixes, ok := c.m[key]
	c.mu.Unlock()
	if ok {
		return fixes
	}
	fixes = find(r, w)
	c.mu.Lock()
	if c.snap == snapshotOf(r) {
		c.m[key] = fixes
	}
	c.mu.Unlock()
	return fixes
}
