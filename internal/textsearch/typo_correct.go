package textsearch

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"unicode/utf8"

	index "github.com/blevesearch/bleve_index_api"
)

// corrections finds what a word the index does not know was probably meant
// to be, within edit distance 1 from 4 letters and 2 from 7, first among
// the surface words of titles, signals and tags, then among body stems.
// Two neighbouring letters swapped, the commonest slip when typing fast,
// counts as one edit and is tried first: it needs only exact lookups,
// while a Levenshtein automaton for distance 2 is the costliest step of a
// query.
func (e *Index) corrections(r index.IndexReader, w *queryWord) []string {
	n := utf8.RuneCountInString(w.text)
	if n < minFuzzyLen || e.known[w.text] {
		return nil
	}
	if w.partial && (len(w.bodyPrefix) > 0 || hasPrefix(r, fHPrefix, truncRunes(w.text, prefixMax))) {
		return nil // a word still being typed, and a known start of one
	}
	if w.stem != "" && hasTerm(r, fBody, w.stem) {
		return nil
	}
	if hasTerm(r, fHWords, w.text) {
		return nil
	}
	stemAll := func(words []string) []string {
		var fixes []string
		for _, c := range words {
			if st := stemsOf(e.en, c); len(st) == 1 && st[0] != w.stem && !slices.Contains(fixes, st[0]) {
				fixes = append(fixes, st[0])
			}
		}
		return fixes
	}
	if fixes := stemAll(swapped(r, fHWords, w.text)); len(fixes) > 0 {
		return fixes
	}
	if w.stem != "" {
		if fixes := swapped(r, fBody, w.stem); len(fixes) > 0 {
			return fixes
		}
	}
	for fuzz := 1; fuzz <= fuzziness(n); fuzz++ {
		cands, _ := fuzzyTerms(r, fHWords, w.text, fuzz)
		if fixes := stemAll(cands); len(fixes) > 0 {
			return fixes
		}
		if w.stem != "" {
			// Body words are only indexed as stems; a typo in one is
			// corrected against them.
			if fixes, _ := fuzzyTerms(r, fBody, w.stem, min(fuzz, fuzziness(utf8.RuneCountInString(w.stem)))); len(fixes) > 0 {
				return fixes
			}
		}
	}
	return nil
}

// swapped lists the terms of field that are t with two neighbouring
// letters swapped.
func swapped(r index.IndexReader, field, t string) []string {
	rs := []rune(t)
	has := termChecker(r, field)
	var out []string
	for i := 0; i+1 < len(rs) && len(out) < maxCorrections; i++ {
		if rs[i] == rs[i+1] {
			continue
		}
		rs[i], rs[i+1] = rs[i+1], rs[i]
		if c := string(rs); has(c) && !slices.Contains(out, c) {
			out = append(out, c)
		}
		rs[i], rs[i+1] = rs[i+1], rs[i]
	}
	return out
}

func fuzziness(n int) int {
	if n >= minFuzzy2Len {
		return 2
	}
	return 1
}

// fuzzyTerms lists the terms of field closest to t (at most
// maxCorrections, most frequent first), or reports that t itself is there.
func fuzzyTerms(r index.IndexReader, field, t string, fuzz int) (terms []string, exact bool) {
	fr, ok := r.(index.IndexReaderFuzzy)
	if !ok {
		return nil, false
	}
	dict, err := fr.FieldDictFuzzy(field, t, fuzz, "")
	if err != nil {
		return nil, false
	}
	defer dict.Close()
	var cands []index.DictEntry
	for de, err := dict.Next(); err == nil && de != nil; de, err = dict.Next() {
		if de.EditDistance == 0 {
			return nil, true
		}
		cands = append(cands, *de)
	}
	slices.SortFunc(cands, func(a, b index.DictEntry) int {
		if c := cmp.Compare(a.EditDistance, b.EditDistance); c != 0 {
			return c
		}
		return cmp.Compare(b.Count, a.Count)
	})
	for _, c := range cands {
		if c.EditDistance > cands[0].EditDistance || len(terms) == maxCorrections {
			break
		}
		terms = append(terms, c.Term)
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
	m    map[string][]string
}

const fixCacheMax = 4096

func (c *fixCache) get(r index.IndexReader, w *queryWord, find func(index.IndexReader, *queryWord) []string) []string {
	key := w.text
	if w.partial {
		key += "\x00"
	}
	c.mu.Lock()
	if c.snap != snapshotOf(r) || len(c.m) >= fixCacheMax {
		c.snap, c.m = snapshotOf(r), map[string][]string{}
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
