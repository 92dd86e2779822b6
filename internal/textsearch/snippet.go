package textsearch

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// Snippets are cut from the caller's own texts rather than from stored
// fields, so the index stores nothing and highlighting costs only the top
// hits.
const (
	snippetLen  = 180 // bytes, about two lines of a result list
	snippetLead = 40  // bytes of context kept before the first match
	ellipsis    = "…"
)

// Span is a byte range [Start, End) of a Snippet to show highlighted.
type Span struct {
	Start, End int
}

// marker decides which words of a text to highlight: those whose stem is
// one the query looked up, and those starting with the word being typed.
type marker struct {
	stems  map[string]bool
	prefix string
	words  int // query words that can be highlighted
	cache  *stemCache
	// firsts holds the first two bytes of every stem, to skip stemming
	// words that cannot match (stemming only rewrites endings).
	firsts map[string]bool
}

func newMarker(p *plan, syn *synonyms, cache *stemCache) *marker {
	m := &marker{stems: map[string]bool{}, firsts: map[string]bool{}, cache: cache}
	add := func(st string) {
		if st == "" {
			return
		}
		m.stems[st] = true
		m.firsts[first2(st)] = true
	}
	for _, w := range p.words {
		for _, st := range syn.related(w.stem) {
			add(st)
		}
		for _, f := range w.fixes {
			for _, st := range syn.related(f) {
				add(st)
			}
		}
		if w.partial && utf8.RuneCountInString(w.text) >= minPrefixLetter {
			m.prefix = w.text
		}
		if w.stem != "" || w.partial {
			m.words++
		}
	}
	for _, st := range p.ex.stems {
		add(st)
	}
	return m
}

func first2(s string) string {
	if len(s) > 2 {
		return s[:2]
	}
	return s
}

func (m *marker) empty() bool { return len(m.stems) == 0 && m.prefix == "" }

// spans lists the byte ranges of text to highlight. Most words are
// rejected on their first two letters, without lower-casing or stemming.
func (m *marker) spans(text string) []Span {
	var out []Span
	eachWord(text, func(s, e int) bool {
		raw := text[s:e]
		if m.prefix != "" && len(raw) >= len(m.prefix) && strings.EqualFold(raw[:len(m.prefix)], m.prefix) {
			out = append(out, Span{s, e})
			return true
		}
		if !m.firsts[lowerFirst2(raw)] {
			return true
		}
		if m.stems[m.cache.stem(normWord(raw))] {
			out = append(out, Span{s, e})
		}
		return true
	})
	return out
}

// lowerFirst2 is first2 of the lower-cased word, without allocating for
// ASCII words.
func lowerFirst2(w string) string {
	if len(w) >= 2 && w[0] < utf8.RuneSelf && w[1] < utf8.RuneSelf {
		a, b := w[0], w[1]
		if 'A' <= a && a <= 'Z' || 'A' <= b && b <= 'Z' {
			return first2(strings.ToLower(w[:2]))
		}
		return w[:2]
	}
	return first2(normWord(w))
}

// snippet picks the part of the candidate texts that best shows why an
// document matched, and where in it the matched words are. Candidates are in
// order of preference and made only when looked at; the search stops at
// the first that holds every word of the query. With no match anywhere the
// first non-empty candidate is shown from its start.
func (m *marker) snippet(cands ...func() string) (string, []Span) {
	bestText, bestSpans, bestScore := "", []Span(nil), -1
	for _, cand := range cands {
		c := oneLine(cand())
		if c == "" {
			continue
		}
		if bestText == "" {
			bestText = c
		}
		if m.empty() {
			break
		}
		sp := m.spans(c)
		if score := distinct(c, sp); score > bestScore && len(sp) > 0 {
			bestText, bestSpans, bestScore = c, sp, score
			if score >= m.words {
				break
			}
		}
	}
	return cut(bestText, bestSpans)
}

// oneLine makes text one line for a result list: tables reach here as
// cells joined by tabs and rows by newlines. Each is one byte, as is the
// space that replaces it, so spans stay put.
var oneLine = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace

// distinct counts the different words highlighted, so one text with three
// query words beats another with one word three times.
func distinct(text string, sp []Span) int {
	seen := map[string]bool{}
	for _, s := range sp {
		seen[strings.ToLower(text[s.Start:s.End])] = true
	}
	return len(seen)
}

// cut trims text to about snippetLen bytes around the densest run of
// spans, on word boundaries, and shifts the spans to match.
func cut(text string, sp []Span) (string, []Span) {
	if len(text) <= snippetLen {
		return text, sp
	}
	start := 0
	if len(sp) > 0 {
		// The window start that covers the most spans.
		best, bestN := sp[0].Start, 0
		for i, s := range sp {
			n := 0
			for _, t := range sp[i:] {
				if t.End-s.Start > snippetLen-snippetLead {
					break
				}
				n++
			}
			if n > bestN {
				best, bestN = s.Start, n
			}
		}
		start = max(0, best-snippetLead)
	}
	start = wordStart(text, start)
	end := wordEnd(text, min(len(text), start+snippetLen))
	out := strings.TrimLeft(text[start:end], " ")
	shift := start + (end - start - len(out))
	out = strings.TrimRight(out, " ")
	prefix := ""
	if start > 0 {
		prefix = ellipsis
	}
	var spans []Span
	for _, s := range sp {
		a, b := s.Start-shift, s.End-shift
		if a < 0 || b > len(out) {
			continue
		}
		spans = append(spans, Span{a + len(prefix), b + len(prefix)})
	}
	out = prefix + out
	if end < len(text) {
		out += ellipsis
	}
	return out, spans
}

// wordStart moves i back to just after a space close before it (to 0
// within the text's first word), or to the start of the rune it falls in
// when a word is too long.
func wordStart(s string, i int) int {
	if i <= 0 {
		return 0
	}
	if j := strings.LastIndexByte(s[:i], ' '); j >= 0 && i-j <= 20 {
		return j + 1
	} else if j < 0 && i <= 20 {
		return 0 // i is inside the text's first word: keep it whole
	}
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}

// wordEnd moves i back to a space close before it, or to the start of the
// rune it falls in when a word is too long.
func wordEnd(s string, i int) int {
	if i >= len(s) {
		return len(s)
	}
	if j := strings.LastIndexByte(s[:i], ' '); j > 0 && i-j <= 20 {
		return j
	}
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// stemCache remembers the stems of words seen in snippets: stemming is the
// costly step of highlighting, and an agent's results reuse few words.
type stemCache struct {
	an analysis.Analyzer
	mu sync.RWMutex
	m  map[string]string
}

const stemCacheMax = 50000

func newStemCache(an analysis.Analyzer) *stemCache {
	return &stemCache{an: an, m: map[string]string{}}
}

func (c *stemCache) stem(w string) string {
	c.mu.RLock()
	st, ok := c.m[w]
	c.mu.RUnlock()
	if ok {
		return st
	}
	if sts := stemsOf(c.an, w); len(sts) > 0 {
		st = sts[0]
	}
	c.mu.Lock()
	if len(c.m) >= stemCacheMax {
		clear(c.m)
	}
	c.m[strings.Clone(w)] = st
	c.mu.Unlock()
	return st
}

// plainCache remembers the plain text of markdown recently shown in
// snippets: the same documents come back keystroke after keystroke.
type plainCache struct {
	mu sync.Mutex
	m  map[string]string
}

const plainCacheMax = 2048

func (c *plainCache) get(md string) string {
	if len(md) < 256 {
		return PlainText(md) // cheaper than a lookup
	}
	c.mu.Lock()
	p, ok := c.m[md]
	c.mu.Unlock()
	if ok {
		return p
	}
	p = PlainText(md)
	c.mu.Lock()
	if c.m == nil || len(c.m) >= plainCacheMax {
		c.m = map[string]string{}
	}
	c.m[md] = p
	c.mu.Unlock()
	return p
}
