package pattern

import (
	"errors"
	"fmt"
	"strings"
)

// Elem is one word of a compiled pattern.
type Elem struct {
	Word string
	// Wild is true for a word written with *: it matches any word that starts
	// with Word and ends with Suffix ("unfortunate*", "authori*ed").
	Wild   bool
	Suffix string
}

// Match reports whether the normalised word w matches e.
func (e Elem) Match(w string) bool {
	if !e.Wild {
		return w == e.Word
	}
	return len(w) >= len(e.Word)+len(e.Suffix) && strings.HasPrefix(w, e.Word) && strings.HasSuffix(w, e.Suffix)
}

// Seq is one way a pattern can match: its words in order.
type Seq []Elem

// MaxSeqs bounds how many word sequences one pattern may expand to, so a
// pattern full of choices cannot make the checker slow.
const MaxSeqs = 1024

// ErrPattern is wrapped by every Compile error.
var ErrPattern = errors.New("bad pattern")

// Split splits a Match cell into its ;-separated patterns, dropping empty ones.
func Split(cell string) []string {
	var out []string
	for _, p := range strings.Split(cell, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Compile expands a pattern into every word sequence it matches.
func Compile(p string) ([]Seq, error) {
	c := &compiler{src: p}
	seqs, err := c.alts(0)
	if err != nil {
		return nil, err
	}
	if c.pos < len(c.src) {
		return nil, fmt.Errorf("%w: %q has a %q with no opening bracket", ErrPattern, p, c.src[c.pos:c.pos+1])
	}
	var out []Seq
	for _, s := range seqs {
		if len(s) > 0 {
			out = append(out, s)
		}
	}
	if len(out) < len(seqs) || len(out) == 0 {
		return nil, fmt.Errorf("%w: %q can match nothing at all; it needs at least one word that is not optional", ErrPattern, p)
	}
	return out, nil
}

type compiler struct {
	src string
	pos int
}

// alts parses alternatives separated by | until a closing bracket or the end.
func (c *compiler) alts(depth int) ([]Seq, error) {
	var all []Seq
	for {
		seqs, err := c.seq(depth)
		if err != nil {
			return nil, err
		}
		all = append(all, seqs...)
		if len(all) > MaxSeqs {
			return nil, fmt.Errorf("%w: %q has too many combinations of choices; split it into several patterns with ;", ErrPattern, c.src)
		}
		if c.pos < len(c.src) && c.src[c.pos] == '|' {
			c.pos++
			continue
		}
		return all, nil
	}
}

// seq parses words and groups up to a |, a closing bracket or the end.
func (c *compiler) seq(depth int) ([]Seq, error) {
	seqs := []Seq{nil}
	for c.pos < len(c.src) {
		ch := c.src[c.pos]
		var next []Seq
		switch {
		case ch == ' ' || ch == '\t':
			c.pos++
			continue
		case ch == '|':
			return seqs, nil
		case ch == ')' || ch == ']':
			if depth == 0 {
				return nil, fmt.Errorf("%w: %q has a %q with no opening bracket", ErrPattern, c.src, string(ch))
			}
			return seqs, nil
		case ch == '(' || ch == '[':
			closer := map[byte]byte{'(': ')', '[': ']'}[ch]
			c.pos++
			inner, err := c.alts(depth + 1)
			if err != nil {
				return nil, err
			}
			if c.pos >= len(c.src) || c.src[c.pos] != closer {
				return nil, fmt.Errorf("%w: %q opens %q but never closes it with %q", ErrPattern, c.src, string(ch), string(closer))
			}
			c.pos++
			for _, s := range inner {
				if len(s) == 0 && ch == '(' {
					return nil, fmt.Errorf("%w: %q has an empty choice in ( ); use [ ] for optional words", ErrPattern, c.src)
				}
			}
			next = inner
			if ch == '[' {
				next = append([]Seq{nil}, inner...)
			}
		default:
			w, err := c.word()
			if err != nil {
				return nil, err
			}
			next = []Seq{w}
		}
		if len(seqs)*len(next) > MaxSeqs {
			return nil, fmt.Errorf("%w: %q has too many combinations of choices; split it into several patterns with ;", ErrPattern, c.src)
		}
		var joined []Seq
		for _, a := range seqs {
			for _, b := range next {
				s := make(Seq, 0, len(a)+len(b))
				joined = append(joined, append(append(s, a...), b...))
			}
		}
		seqs = joined
	}
	return seqs, nil
}

// word reads one written word and turns it into its normalised words.
func (c *compiler) word() (Seq, error) {
	start := c.pos
	for c.pos < len(c.src) && !strings.ContainsRune(" \t|()[]", rune(c.src[c.pos])) {
		c.pos++
	}
	raw := c.src[start:c.pos]
	if strings.Count(raw, "*") > 1 {
		return nil, fmt.Errorf("%w: %q has more than one * in a word; use one, as in unfortunate* or authori*ed", ErrPattern, c.src)
	}
	pre, suf, wild := strings.Cut(raw, "*")
	toks := Tokenize(pre)
	if wild && len(toks) == 0 {
		return nil, fmt.Errorf("%w: %q has a * with no word before it; * stands for the end of a word, as in unfortunate*", ErrPattern, c.src)
	}
	seq := make(Seq, len(toks))
	for i, t := range toks {
		seq[i] = Elem{Word: t.Word}
	}
	if wild {
		last := &seq[len(seq)-1]
		last.Wild = true
		if suf != "" {
			st := Tokenize(suf)
			if len(st) != 1 || st[0].Start != 0 || st[0].End != len(suf) {
				return nil, fmt.Errorf("%w: %q has letters after * that are not one plain word ending", ErrPattern, c.src)
			}
			last.Suffix = st[0].Word
		}
	}
	return seq, nil
}
