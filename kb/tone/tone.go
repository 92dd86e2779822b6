// Package tone finds phrases to avoid in a draft reply, using the Match
// patterns of the library's positive-language chart, and offers the chart's
// rewrites. It works on words, not characters, so "can't", "cannot",
// "can not" and "can’t" are the same to it.
package tone

import (
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/internal/pattern"
)

// Finding is one phrase to avoid found in a draft.
type Finding struct {
	// Start and End are the byte span of the phrase in the draft as given.
	Start, End int
	Matched    string // draft[Start:End]
	ItemID     string // the positive-language row that matched
	Try        []string
	Why        string
	// Clause is the part of the draft a rewrite replaces: the clause or
	// sentence the phrase sits in, without its final punctuation.
	Clause Span
}

// Checker holds the compiled patterns of a library. It is safe for use by
// several goroutines at once.
type Checker struct {
	root  *node
	rules []rule
}

type rule struct {
	id  string
	try []string
	why string
}

// node is a step of the word trie every pattern sequence is stored in.
type node struct {
	next map[string]*node
	wild []wildEdge
	// rule is the index+1 of the rule whose sequence ends here; 0 for none.
	rule int
}

type wildEdge struct {
	elem pattern.Elem
	to   *node
}

// NewChecker compiles the patterns of every phrase item in lib. Patterns that
// do not compile are skipped; "poise pack lint" reports them.
func NewChecker(lib *kb.Library) *Checker {
	c := &Checker{root: &node{}}
	if lib == nil {
		return c
	}
	lib.Items(func(it *kb.Item) {
		if it.Kind != kb.KindPhrase || it.Phrase == nil {
			return
		}
		c.rules = append(c.rules, rule{id: it.ID, try: it.Phrase.Try, why: it.Phrase.Why})
		for _, p := range it.Phrase.Patterns {
			seqs, err := pattern.Compile(p)
			if err != nil {
				continue
			}
			for _, s := range seqs {
				c.add(s, len(c.rules))
			}
		}
	})
	return c
}

func (c *Checker) add(s pattern.Seq, rule int) {
	n := c.root
	for _, e := range s {
		var to *node
		if e.Wild {
			for _, w := range n.wild {
				if w.elem == e {
					to = w.to
				}
			}
			if to == nil {
				to = &node{}
				n.wild = append(n.wild, wildEdge{elem: e, to: to})
			}
		} else {
			if n.next == nil {
				n.next = map[string]*node{}
			}
			if to = n.next[e.Word]; to == nil {
				to = &node{}
				n.next[e.Word] = to
			}
		}
		n = to
	}
	if n.rule == 0 { // the first rule to claim a sequence keeps it
		n.rule = rule
	}
}

// Check returns the phrases to avoid in draft, in order, never overlapping:
// where two patterns overlap, the one that starts first wins, then the longer.
// Quoted text (an e-mail's "> " lines, words in double quotes) is someone
// else's and is not checked.
func (c *Checker) Check(draft string) []Finding {
	if c == nil || len(c.rules) == 0 {
		return nil
	}
	toks := pattern.Tokenize(draft)
	var out []Finding
	var l *layout
	var sentBody Span
	var sentClauses []clause
	for i := 0; i < len(toks); {
		if i > 0 && toks[i-1].Start == toks[i].Start {
			i++ // a match starts at a written word, not inside "can't"
			continue
		}
		end, r := c.longest(toks, i)
		if r == 0 {
			i++
			continue
		}
		ru := c.rules[r-1]
		f := Finding{Start: toks[i].Start, End: toks[end].End, ItemID: ru.id, Try: ru.try, Why: ru.why}
		f.Matched = draft[f.Start:f.End]
		i = end + 1
		if l == nil {
			lo := layOut(draft)
			l = &lo
		}
		sp := Span{f.Start, f.End}
		if l.inQuote(sp) {
			continue
		}
		// Findings come in order, so one sentence's clauses serve all of
		// its findings: a long one-sentence draft stays linear.
		if sent := l.sentenceAround(sp); sent.Body != sentBody {
			sentBody, sentClauses = sent.Body, clauses(draft, sent.Body)
		}
		cls, k := clauseAt(sentClauses, sp)
		f.Clause = cls[k].Span
		out = append(out, f)
	}
	return out
}

// longest finds the longest sequence matching from token i. It returns the
// index of its last token and its rule (0 when nothing matches).
func (c *Checker) longest(toks []pattern.Token, i int) (end, rule int) {
	m := matcher{toks: toks, start: i}
	m.walk(c.root, i)
	return m.end, m.rule
}

// matcher is the state of one longest-match search.
type matcher struct {
	toks      []pattern.Token
	start     int
	end, rule int
}

func (m *matcher) walk(n *node, j int) {
	toks := m.toks
	// A match ends on a whole written word: not after "can" of "can't".
	if n.rule != 0 && j > m.start && (j == len(toks) || toks[j].Start != toks[j-1].Start) {
		if m.rule == 0 || j-1 > m.end {
			m.end, m.rule = j-1, n.rule
		}
	}
	if j == len(toks) || (j > m.start && toks[j].Break) {
		return
	}
	if to := n.next[toks[j].Word]; to != nil {
		m.walk(to, j+1)
	}
	for _, w := range n.wild {
		if w.elem.Match(toks[j].Word) {
			m.walk(w.to, j+1)
		}
	}
}
