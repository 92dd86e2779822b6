package tone

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/poisehq/poise/kb/template"
)

// LeaveOut is the suggestion that rewrites a finding by taking its words
// out and keeping the rest of the sentence ("Per my last email, the form
// is attached." becomes "The form is attached.").
const LeaveOut = "(leave it out)"

// Rewrite is one way to rewrite a finding: the clause or sentence it sits
// in, written again so that the reply still reads as whole sentences.
type Rewrite struct {
	Try  string // the chart's suggestion it is made from
	Span        // the part of the draft it replaces
	Text string // what goes there instead
	// Result is the whole reply after the rewrite: what a preview shows.
	Result string
	// Blanks are the placeholders of Text the agent must still fill, as
	// kb/template's Blanks lists them ("reason", "when").
	Blanks []string
}

// tryKind says how a suggestion fits into a sentence.
type tryKind int

const (
	// trySentence is one or more whole sentences; it replaces the clause
	// the finding sits in.
	trySentence tryKind = iota
	// tryLeadIn opens a sentence and the rest of the clause follows it
	// ("To recap," or "It helps us most if you"); it replaces only the
	// finding's words, and fits only where words follow them.
	tryLeadIn
	// tryLeaveOut takes the finding's words out.
	tryLeaveOut
)

// kindOf tells a suggestion's kind from how it is written: a suggestion
// that does not end a sentence (no . ! or ?) and has no gap is a lead-in.
func kindOf(try string) tryKind {
	t := strings.TrimSpace(try)
	if strings.EqualFold(t, LeaveOut) {
		return tryLeaveOut
	}
	if i, _ := gapAt(t); i >= 0 {
		return trySentence
	}
	t = strings.TrimRight(t, "\"'”’)")
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".!?", last) || strings.HasSuffix(t, "}}") {
		return trySentence
	}
	return tryLeadIn
}

// Rewrites lists the rewrites of f that fit where it sits in draft, one for
// each of its suggestions that fits, in the chart's order. When the draft
// has changed since it was checked, f is looked for where its words now are;
// there are no rewrites when they are gone or lie in quoted text.
func Rewrites(draft string, f Finding) []Rewrite {
	l := layOut(draft)
	sp, ok := locate(draft, l, f)
	if !ok {
		return nil
	}
	return rewritesAt(draft, l.sentenceAround(sp), sp, f.Try)
}

// rewritesAt lists the rewrites of the phrase at sp, in sentence sent.
func rewritesAt(draft string, sent sentence, sp Span, tries []string) []Rewrite {
	cls, k := clauseAt(clauses(draft, sent.Body), sp)
	var out []Rewrite
	seen := map[string]bool{}
	var known facts // what the draft states, read once the first suggestion needs it
	guard := func(text string) string {
		if len(inventedGiven(text, nil)) == 0 {
			return text // states nothing checkable, as most suggestions
		}
		if known == nil {
			known = knownFacts(draft)
		}
		return guardFacts(text, known)
	}
	for _, try := range tries {
		var rw Rewrite
		fits := true
		switch kindOf(try) {
		case trySentence:
			rw = sentenceRewrite(draft, sent, cls, k, guard(fillGaps(strings.TrimSpace(try))))
		case tryLeadIn:
			rw, fits = leadInRewrite(draft, cls, k, sp, guard(strings.TrimSpace(try)))
		case tryLeaveOut:
			rw, fits = leaveOutRewrite(draft, cls, k, sp)
		}
		if !fits || seen[rw.Text] {
			continue
		}
		seen[rw.Text] = true
		rw.Try = try
		rw.Result = draft[:rw.Start] + rw.Text + draft[rw.End:]
		for _, b := range template.Blanks(template.Fields(rw.Text), nil) {
			rw.Blanks = append(rw.Blanks, b.Name)
		}
		out = append(out, rw)
	}
	// Where a suggestion fits that keeps the rest of the agent's clause,
	// only those are offered: a whole-sentence one would throw away the
	// words after the phrase ("As I said, it is due on 3 March").
	if slices.ContainsFunc(out, func(rw Rewrite) bool { return keeps(rw.Try) }) {
		out = slices.DeleteFunc(out, func(rw Rewrite) bool { return !keeps(rw.Try) })
	}
	return out
}

// keeps reports whether try keeps the rest of the clause it goes in.
func keeps(try string) bool { return kindOf(try) != trySentence }

// Apply rewrites finding f of draft with its suggestion try and returns the
// new draft; draft unchanged when try does not fit there or f is gone.
func Apply(draft string, f Finding, try string) string {
	for _, rw := range Rewrites(draft, f) {
		if rw.Try == try {
			return rw.Result
		}
	}
	return draft
}

// RewriteAll applies the first rewrite of every finding: the reply the
// chart would write. Each round rewrites from the end of the draft back, so
// the sentences not yet reached keep their place, and checks again; a few
// rounds settle any sentence with two findings, and the bound keeps a chart
// whose suggestions flag each other from looping.
func (c *Checker) RewriteAll(draft string) string {
	for range 4 {
		fs := c.Check(draft)
		if len(fs) == 0 {
			break
		}
		l := layOut(draft)
		limit := len(draft) // the start of the last rewrite: the draft before it is as l describes
		changed := false
		for i := len(fs) - 1; i >= 0; i-- {
			sp := Span{fs[i].Start, fs[i].End}
			sent := l.sentenceAround(sp)
			if sent.End > limit {
				continue // its sentence was just rewritten; the next round sees it
			}
			if rws := rewritesAt(draft, sent, sp, fs[i].Try); len(rws) > 0 {
				draft, limit, changed = rws[0].Result, rws[0].Start, true
			}
		}
		if !changed {
			break // nothing fits the findings left; they are the agent's to change
		}
	}
	return draft
}

// locate is f's span in draft: where it was found, or where its words are
// now, outside quoted text.
func locate(draft string, l layout, f Finding) (Span, bool) {
	sp := Span{f.Start, f.End}
	if f.Matched == "" {
		return sp, false
	}
	if sp.Text(draft) != f.Matched {
		i := strings.Index(draft, f.Matched)
		if i < 0 {
			return sp, false
		}
		sp = Span{i, i + len(f.Matched)}
	}
	return sp, !l.inQuote(sp)
}

// sentenceAround is the sentence holding sp; when sp runs over the end of
// one (a match across a line break the layout split), the sentences it
// touches together.
func (l layout) sentenceAround(sp Span) sentence {
	if s, ok := l.sentenceOf(sp); ok {
		return s
	}
	out := sentence{Body: sp, End: sp.End}
	for _, s := range l.sentences {
		if s.End > sp.Start && s.Body.Start < sp.End {
			out.Body.Start = min(out.Body.Start, s.Body.Start)
			out.Body.End = max(out.Body.End, s.Body.End)
			out.End = max(out.End, s.End)
		}
	}
	return out
}

// clauseAt is the clause holding sp, with cls changed so that the clauses
// sp runs over are one.
func clauseAt(cls []clause, sp Span) ([]clause, int) {
	first, last := -1, -1
	for i, c := range cls {
		if c.End > sp.Start && c.Start < sp.End {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	switch {
	case first < 0:
		return cls, 0
	case last == first:
		return cls, first
	}
	merged := clause{Span: Span{cls[first].Start, cls[last].End}}
	out := append(append(append([]clause{}, cls[:first]...), merged), cls[last+1:]...)
	return out, first
}

// sentenceRewrite replaces the clause k of sentence sent with text (a
// suggestion with its gaps filled and facts guarded): the
// clauses before it end in a full stop, try follows as sentences of its
// own, and the clauses after it start a new sentence.
func sentenceRewrite(draft string, sent sentence, cls []clause, k int, text string) Rewrite {
	if last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text, "\"'”’)")); !strings.ContainsRune(".!?", last) {
		text += "." // a gap at the end, now a placeholder, or a team's suggestion written without one
	}
	var left string
	switch {
	case k == 1 && cls[0].greeting:
		left = draft[sent.Body.Start:cls[1].Start]
		text = lowerFirst(text)
	case k > 0:
		left = strings.TrimRight(draft[sent.Body.Start:cls[k-1].End], " ,;:—–-") + ". "
		text = upperFirst(text)
	default:
		text = upperFirst(text)
	}
	var right string
	if k+1 < len(cls) && cls[k+1].Start < sent.Body.End {
		right = upperFirst(draft[cls[k+1].Start:sent.End])
	}
	body := joinWords(left, text)
	if right != "" {
		body = joinWords(body+" ", right)
	}
	return Rewrite{Span: Span{sent.Body.Start, sent.End}, Text: body}
}

// leadInRewrite puts lead in place of the words of sp, which open clause k,
// and keeps the rest of the clause after it.
func leadInRewrite(draft string, cls []clause, k int, sp Span, lead string) (Rewrite, bool) {
	c := cls[k]
	rest := draft[sp.End:c.End]
	if sp.Start != c.Start || words(rest) == 0 {
		return Rewrite{}, false
	}
	if k == 0 {
		lead = upperFirst(lead)
	} else {
		lead = lowerFirst(lead)
	}
	trimmed := strings.TrimLeft(rest, " ,")
	sep := " "
	if !strings.HasSuffix(lead, ",") && !strings.HasSuffix(lead, ":") && strings.HasPrefix(rest, ",") {
		sep = ", "
	}
	return Rewrite{Span: c.Span, Text: joinWords(lead+sep, trimmed)}, true
}

// leaveOutRewrite takes the words of sp out of clause k, with the commas
// around them, when enough of the clause is left to stand on its own.
func leaveOutRewrite(draft string, cls []clause, k int, sp Span) (Rewrite, bool) {
	c := cls[k]
	left := strings.TrimRight(draft[c.Start:sp.Start], " ,")
	right := strings.TrimLeft(draft[sp.End:c.End], " ,")
	if w, n := nextWord(right); w == "that" && n == len("that ") && reporting[strings.ToLower(lastWord(draft[sp.Start:sp.End]))] {
		right = right[n:] // "Please note that the form is attached": the form is attached
	}
	if words(left)+words(right) < 2 {
		return Rewrite{}, false
	}
	var text string
	switch {
	case left == "":
		text = right
		if k == 0 {
			text = upperFirst(text)
		}
	case right == "":
		text = left
	default:
		text = joinWords(left+" ", right)
	}
	return Rewrite{Span: c.Span, Text: text}, true
}

// reporting are the words after which "that" only introduces what is said,
// so it goes when the words before it are left out.
var reporting = map[string]bool{
	"advised": true, "aware": true, "informed": true, "note": true, "know": true, "noted": true,
	"understand": true, "appreciate": true, "clear": true, "reference": true, "information": true,
}

// joinWords joins left and right, dropping the first word of right when it
// repeats the last word of left ("you you").
func joinWords(left, right string) string {
	lw := strings.ToLower(lastWord(left))
	rw, n := nextWord(right)
	if lw != "" && lw == rw && n > 0 && !strings.ContainsAny(right[:n], ",.;:") {
		right = right[n:]
	}
	return left + right
}

// lastWord is the last word of s when s ends in it or in spaces after it.
func lastWord(s string) string {
	t := strings.TrimRight(s, " ")
	i := strings.LastIndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	return t[i+1:]
}

// upperFirst gives s a capital first letter.
func upperFirst(s string) string {
	for i, r := range s {
		if unicode.IsLetter(r) {
			return s[:i] + string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
		}
		if r == '{' || unicode.IsDigit(r) {
			return s
		}
	}
	return s
}

// lowerFirst starts s in lower case, unless its first word is "I" (or
// "I'm", "I'll"), a placeholder, or a name or acronym (capitals inside).
func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return s
	}
	w, _ := nextWord(s)
	if w == "i" || strings.HasPrefix(s, "{{") {
		return s
	}
	for _, r2 := range s[size:] {
		if !unicode.IsLetter(r2) {
			break
		}
		if unicode.IsUpper(r2) {
			return s
		}
	}
	return string(unicode.ToLower(r)) + s[size:]
}
