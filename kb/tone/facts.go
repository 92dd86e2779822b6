package tone

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/poisehq/poise/kb/internal/placeholder"
)

// A rewrite must never say more than the agent did: a day, a time, an amount
// or a length of time the draft does not mention is a promise nobody has
// checked. Such words in a suggestion become placeholders the agent fills,
// named here. None of them is a computed placeholder, which Poise would fill
// with today's date on its own.
const (
	whenField    = "when"
	howLongField = "how_long"
	amountField  = "amount"
)

// dayWords are words that name a day or a date.
var dayWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "tonight": true, "tomorrow": true,
	"yesterday": true, "weekend": true, "midday": true, "noon": true, "midnight": true,
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mon": true, "tue": true, "tues": true, "thu": true, "thur": true, "thurs": true, "fri": true,
}

// counts and units make a length of time: "two minutes", "a few days".
var (
	counts = map[string]bool{"a": true, "an": true, "one": true, "two": true, "three": true, "four": true,
		"five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true, "few": true,
		"couple": true, "several": true, "half": true, "fifteen": true, "twenty": true, "thirty": true}
	units = map[string]bool{"second": true, "seconds": true, "sec": true, "secs": true, "minute": true,
		"minutes": true, "min": true, "mins": true, "hour": true, "hours": true, "day": true, "days": true,
		"week": true, "weeks": true, "month": true, "months": true, "year": true, "years": true}
)

// word is one word of a text with its byte span.
type word struct {
	Span
	lower string
}

// factWords splits s into words and numbers (digits with currency signs
// and the marks inside numbers), leaving out {{placeholders}}.
func factWords(s string) []word {
	toks, _ := placeholder.Scan(s, false)
	var out []word
	for i := 0; i < len(s); {
		if len(toks) > 0 && i >= toks[0].Start {
			i = max(i, toks[0].End)
			toks = toks[1:]
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		num := numberRune(r)
		if !num && !letterRune(r) {
			i += size
			continue
		}
		j := i + size
		for j < len(s) && (len(toks) == 0 || j < toks[0].Start) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if num && numberRune(r) || !num && letterRune(r) {
				j += size
				continue
			}
			next, _ := utf8.DecodeRuneInString(s[j+size:])
			inner := j+size < len(s) && (num && strings.ContainsRune(".,:/", r) && unicode.IsDigit(next) ||
				!num && strings.ContainsRune("'’-", r) && letterRune(next))
			if !inner {
				break
			}
			j += size
		}
		out = append(out, word{Span: Span{i, j}, lower: strings.ToLower(s[i:j])})
		i = j
	}
	return out
}

func letterRune(r rune) bool { return unicode.IsLetter(r) }

func numberRune(r rune) bool { return unicode.IsDigit(r) || strings.ContainsRune("$£€¥%", r) }

// isFact reports whether w states a day, date, time or amount, and which
// placeholder stands for it.
func isFact(w string) (string, bool) {
	if strings.ContainsFunc(w, unicode.IsDigit) || strings.ContainsAny(w, "$£€¥") {
		if strings.Contains(w, ":") || strings.HasSuffix(w, "am") || strings.HasSuffix(w, "pm") {
			return whenField, true
		}
		return amountField, true
	}
	if dayWords[w] {
		return whenField, true
	}
	return "", false
}

// Invented lists the words of text that state a day, a date, a time, an
// amount or a length of time the draft does not: what a rewrite must never
// add. Placeholders are not facts; they are gaps the agent fills.
func Invented(text, draft string) []string {
	var out []string
	for _, f := range invented(text, draft) {
		out = append(out, text[f.Start:f.End])
	}
	return out
}

// fact is a run of text that states something, with the placeholder that
// stands for it.
type fact struct {
	Span
	field string
}

func invented(text, draft string) []fact {
	return inventedGiven(text, knownFacts(draft))
}

// facts is what a draft states: its words and lengths of time, in lower
// case. Only these may appear in a rewrite.
type facts map[string]bool

func knownFacts(draft string) facts {
	known := facts{}
	dws := factWords(draft)
	for i, w := range dws {
		known[w.lower] = true
		if i+1 < len(dws) && counts[w.lower] && units[dws[i+1].lower] {
			known[w.lower+" "+dws[i+1].lower] = true
		}
	}
	return known
}

func inventedGiven(text string, known facts) []fact {
	ws := factWords(text)
	var out []fact
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if i+1 < len(ws) && counts[w.lower] && units[ws[i+1].lower] && !known[w.lower+" "+ws[i+1].lower] {
			out = append(out, fact{Span{w.Start, ws[i+1].End}, howLongField})
			i++
			continue
		}
		if i+2 < len(ws) && counts[w.lower] && ws[i+1].lower == "of" && units[ws[i+2].lower] {
			out = append(out, fact{Span{w.Start, ws[i+2].End}, howLongField})
			i += 2
			continue
		}
		if field, ok := isFact(w.lower); ok && !known[w.lower] {
			out = append(out, fact{w.Span, field})
		}
	}
	return out
}

// guardFacts turns every fact of text the draft does not state into a
// placeholder, so a suggestion written for one case never promises
// something untrue in another.
func guardFacts(text string, known facts) string {
	fs := inventedGiven(text, known)
	if len(fs) == 0 {
		return text
	}
	var sb strings.Builder
	last := 0
	for _, f := range fs {
		sb.WriteString(text[last:f.Start])
		sb.WriteString("{{" + f.field + "}}")
		last = f.End
	}
	sb.WriteString(text[last:])
	return sb.String()
}

// gapFields names the placeholder a "…" gap in a suggestion becomes, by
// the word before it.
var gapFields = map[string]string{
	"is": "next_step", "are": "next_step", "be": "next_step", "was": "next_step",
	"because": "reason", "since": "reason", "as": "reason", "so": "reason",
	"by": whenField, "on": whenField, "until": whenField, "before": whenField, "after": whenField,
	"offer": "offer", "of": "details",
}

// fillGaps turns each "…" (or "...") of a suggestion into a placeholder,
// so what is copied asks for the missing words instead of sending dots.
func fillGaps(try string) string {
	var sb strings.Builder
	for {
		i, n := gapAt(try)
		if i < 0 {
			sb.WriteString(try)
			return sb.String()
		}
		before := strings.TrimRightFunc(try[:i], unicode.IsSpace)
		field := "details"
		if k := strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) }); true {
			if f, ok := gapFields[strings.ToLower(before[k+1:])]; ok {
				field = f
			}
		}
		sb.WriteString(before)
		if before != "" {
			sb.WriteString(" ")
		}
		sb.WriteString("{{" + field + "}}")
		try = try[i+n:]
	}
}

// gapAt finds the first gap of s: "…" or three or more full stops.
func gapAt(s string) (int, int) {
	e := strings.Index(s, "…")
	d := strings.Index(s, "...")
	switch {
	case e < 0 && d < 0:
		return -1, 0
	case d < 0 || (e >= 0 && e < d):
		return e, len("…")
	}
	n := 3
	for d+n < len(s) && s[d+n] == '.' {
		n++
	}
	return d, n
}
