package summary

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/poisehq/poise/journal"
)

// Thresholds for a word to stand out: in enough entries this month, and
// used by a far larger share of this month's entries than of the others'.
const (
	minWordEntries = 3
	minWordShare   = 0.1
	minWordRatio   = 3.0
	maxWords       = 8
	// wordWindow is how many months either side a month is compared with:
	// what stood out is news against the agent's recent months, and the
	// cost stays the same however long the journal grows.
	wordWindow = 12
)

var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the and for are but not you your yours with this that these those was were
		have has had they them their there then than what when where which who whom why how all any can could
		would should will just also into from out about over under again more most some such only own same too
		very she her hers him his its our ours ourselves itself myself yourself been being did does doing done
		because while until each few both other off once here after before above below between through during
		get got getting let said say says told tell asked ask one two three said yes yeah okay well still even
		back like know think want wanted need needed going went come came make made really much many`) {
		stopWords[w] = true
	}
}

// terms walks free text word by word. It lowers each word into a buffer
// it reuses, so scanning a ten-year journal allocates almost nothing; the
// text is only read in memory, while a summary is computed.
type terms struct {
	word, prev, pair []byte
	// known, when set, skips the stop-word check: the caller looks words
	// up in a map that holds no stop word anyway.
	known bool
}

// each calls fn with every word of three letters or more in text that is
// not a stop word, lower-cased, and the two-word phrase it ends when the
// word before it was one too (pair is empty otherwise). The slices are
// valid only during the call.
func (t *terms) each(text string, fn func(word, pair []byte)) {
	t.prev = t.prev[:0]
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		t.word = appendLower(t.word[:0], text[start:end])
		start = -1
		if len(t.word) < 3 || !t.known && (utf8.RuneCount(t.word) < 3 || stopWords[string(t.word)]) {
			t.prev = t.prev[:0]
			return
		}
		t.pair = t.pair[:0]
		if len(t.prev) > 0 {
			t.pair = append(append(append(t.pair, t.prev...), ' '), t.word...)
		}
		fn(t.word, t.pair)
		t.prev = append(t.prev[:0], t.word...)
	}
	for i, r := range text {
		if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') || r >= utf8.RuneSelf && unicode.IsLetter(r) || r == '\'' && start >= 0 {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
		if r != ' ' && !unicode.IsSpace(r) {
			t.prev = t.prev[:0] // a phrase does not run over punctuation
		}
	}
	flush(len(text))
}

func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(dst, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

func freeText(e *journal.Entry) []string {
	return []string{e.WhatHappened, e.WhatITried, e.WhatWorked, e.WhatDidnt, e.Takeaway}
}

// termCount is how many entries use a term; last is the entry last
// counted, so an entry counts once however often it repeats the term.
type termCount struct {
	this, other int
	last        int
}

// words finds what stands out in m against the other months within
// wordWindow of it. Only the terms of m are kept, so the other months are
// scanned, not stored.
func (b *Book) words(m Month) []Word {
	out := []Word{}
	n := len(b.months[m])
	var near []Month
	others := 0
	for d := -wordWindow; d <= wordWindow; d++ {
		if mm := m.Add(d); d != 0 && len(b.months[mm]) > 0 {
			near = append(near, mm)
			others += len(b.months[mm])
		}
	}
	if n < minWordEntries || others == 0 {
		return out
	}
	var tt terms
	found := map[string]*termCount{}
	count := func(m map[string]*termCount, key []byte, i int, add bool) *termCount {
		c := m[string(key)]
		if c == nil && add {
			c = &termCount{last: -1}
			m[string(key)] = c
		}
		if c != nil && c.last != i {
			if add {
				c.this++
			} else {
				c.other++
			}
			c.last = i
		}
		return c
	}
	for i, p := range b.months[m] {
		for _, t := range freeText(p.e) {
			tt.each(t, func(w, pair []byte) {
				count(found, w, i, true)
				if len(pair) > 0 {
					count(found, pair, i, true)
				}
			})
		}
	}
	for k, c := range found {
		if c.this < minWordEntries {
			delete(found, k)
		}
	}
	if len(found) == 0 {
		return out
	}
	i := n
	tt.known = true
	for _, mm := range near {
		for _, p := range b.months[mm] {
			i++
			for _, t := range freeText(p.e) {
				tt.each(t, func(w, pair []byte) {
					// A phrase kept is in as many entries as each of its
					// words at least, so a word not kept ends the lookup.
					if count(found, w, i, false) != nil && len(pair) > 0 {
						count(found, pair, i, false)
					}
				})
			}
		}
	}
	for text, c := range found {
		if float64(c.this)/float64(n) < minWordShare {
			continue
		}
		ratio := (float64(c.this) / float64(n)) / ((float64(c.other) + 0.5) / float64(others+1))
		if ratio >= minWordRatio {
			out = append(out, Word{Text: text, Entries: c.this, Ratio: ratio})
		}
	}
	slices.SortFunc(out, func(a, b Word) int {
		return cmp.Or(cmp.Compare(b.Ratio, a.Ratio), cmp.Compare(b.Entries, a.Entries), strings.Compare(a.Text, b.Text))
	})
	// A phrase says more than its words: drop a word that only appears
	// inside a listed phrase as often.
	var kept []Word
	for _, w := range out {
		if !strings.Contains(w.Text, " ") && slices.ContainsFunc(out, func(p Word) bool {
			return strings.Contains(p.Text, " ") && p.Entries == w.Entries && slices.Contains(strings.Fields(p.Text), w.Text)
		}) {
			continue
		}
		kept = append(kept, w)
	}
	if kept == nil {
		kept = []Word{}
	}
	if len(kept) > maxWords {
		kept = kept[:maxWords]
	}
	return kept
}
