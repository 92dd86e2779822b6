package tone

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// clause is a part of a sentence that could stand as a sentence of its own,
// so a rewrite can replace it and leave the rest of the sentence standing.
type clause struct {
	Span
	// greeting is true for "Hi Sam," at the start of a sentence: it stays
	// as written and what follows it goes on in lower case.
	greeting bool
}

// joiners are the words after a comma that start a new main clause when a
// subject follows them: "…, but I can check".
var joiners = map[string]bool{"but": true, "and": true, "so": true, "yet": true}

// subjects start a main clause after a joiner. Without one ("…, and the
// tracking") the comma only separates items of a list.
var subjects = map[string]bool{
	"i": true, "we": true, "you": true, "it": true, "that": true, "this": true, "they": true,
	"he": true, "she": true, "there": true, "here": true, "someone": true, "nobody": true,
	"let": true, "your": true, "our": true, "my": true,
}

// greetings open a sentence that names the customer before a comma.
var greetings = map[string]bool{
	"hi": true, "hello": true, "hey": true, "dear": true, "thanks": true, "morning": true, "afternoon": true, "evening": true,
}

// clauses splits the sentence body b of s into clauses at semicolons,
// spaced dashes, colons and ", but I…"-style joins, and keeps a greeting
// apart. The separators between clauses belong to neither.
func clauses(s string, b Span) []clause {
	var out []clause
	from := b.Start
	if g := greetingEnd(s, b); g > 0 {
		out = append(out, clause{Span: Span{b.Start, g - 2}, greeting: true})
		from = g
	}
	text := s[:b.End]
	for i := from; i < b.End; {
		sep := 0
		switch {
		case strings.HasPrefix(text[i:], "; "), strings.HasPrefix(text[i:], ": "):
			sep = 2
		case strings.HasPrefix(text[i:], " — "), strings.HasPrefix(text[i:], " – "):
			sep = len(" — ")
		case strings.HasPrefix(text[i:], " -- "):
			sep = 4
		case strings.HasPrefix(text[i:], " - "):
			sep = 3
		case strings.HasPrefix(text[i:], ", "):
			if w, n := nextWord(text[i+2:]); joiners[w] {
				if subj, _ := nextWord(text[i+2+n:]); subjects[subj] {
					sep = 2 + n
				}
			}
		}
		if sep == 0 {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		if i > from {
			out = append(out, clause{Span: Span{from, i}})
		}
		i += sep
		for i < b.End && text[i] == ' ' {
			i++
		}
		from = i
	}
	if from < b.End {
		out = append(out, clause{Span: Span{from, b.End}})
	}
	if len(out) == 0 || out[len(out)-1].greeting {
		out = append(out, clause{Span: b})
	}
	return out
}

// greetingEnd is where the words after "Hi Sam, " start, or 0 when the
// sentence b does not open with a greeting.
func greetingEnd(s string, b Span) int {
	w, _ := nextWord(s[b.Start:b.End])
	if !greetings[w] && w != "good" {
		return 0
	}
	c := strings.Index(s[b.Start:b.End], ", ")
	if c < 0 || len(strings.Fields(s[b.Start:b.Start+c])) > 4 {
		return 0
	}
	return b.Start + c + 2
}

// nextWord is the first word of s in lower case, apostrophes and all, and
// how many bytes it and the spaces after it take.
func nextWord(s string) (string, int) {
	i := 0
	for i < len(s) && s[i] == ' ' {
		i++
	}
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && r != '\'' && r != '’' {
			break
		}
		j += size
	}
	word := strings.ToLower(s[i:j])
	for j < len(s) && s[j] == ' ' {
		j++
	}
	if k := strings.IndexAny(word, "'’"); k >= 0 {
		word = word[:k]
	}
	return word, j
}

// words counts the words of s.
func words(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w || (in && (r == '\'' || r == '’'))
	}
	return n
}
