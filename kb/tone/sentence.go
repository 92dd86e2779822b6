package tone

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a byte range of a draft.
type Span struct{ Start, End int }

// Text is the part of s the span covers, or "" when it does not fit s.
func (sp Span) Text(s string) string {
	if sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End {
		return ""
	}
	return s[sp.Start:sp.End]
}

// sentence is one sentence of a draft. Body is the words, without list
// markers, the brackets or quote marks around it, its final punctuation or
// spaces; End is where the final punctuation ends. A rewrite replaces
// Body.Start..End and leaves everything around it byte for byte.
type sentence struct {
	Body Span
	End  int
}

// layout is what the rewriter knows about a draft: its sentences, and the
// parts that quote someone else (an e-mail's "> " lines, text in double
// quotes), which are never checked or rewritten.
type layout struct {
	sentences []sentence
	quoted    []Span
}

// abbreviations end in a full stop without ending a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "vs": true, "no": true,
	"e.g": true, "i.e": true, "etc": true, "approx": true, "a.m": true, "p.m": true, "ref": true,
}

// layOut splits draft into sentences. A line break ends a sentence unless
// the line runs on in lower case (a hard-wrapped e-mail); a blank line, a
// list item and a quoted line always start afresh.
func layOut(draft string) layout {
	var l layout
	var run []Span // the lines of the paragraph being read
	flush := func() {
		if len(run) > 0 {
			l.sentences = appendSentences(l.sentences, draft, run[0].Start, run[len(run)-1].End)
			run = run[:0]
		}
	}
	for start := 0; start <= len(draft); {
		end := strings.IndexByte(draft[start:], '\n')
		if end < 0 {
			end = len(draft)
		} else {
			end += start
		}
		body := lineBody(draft, start, end)
		switch {
		case body.Start < 0: // a quoted line: someone else's words
			flush()
			l.quoted = append(l.quoted, Span{start, end})
		case body.Start == body.End:
			flush()
		case body.Start > start && strings.TrimSpace(draft[start:body.Start]) != "": // a list item
			flush()
			run = append(run, body)
		case len(run) > 0 && runsOn(draft[run[len(run)-1].Start:run[len(run)-1].End], draft[body.Start:body.End]):
			run = append(run, body)
		default:
			flush()
			run = append(run, body)
		}
		start = end + 1
	}
	flush()
	l.quoted = union(append(l.quoted, inlineQuotes(draft)...))
	return l
}

// union sorts spans and merges the ones that overlap, so a lookup can
// search them.
func union(spans []Span) []Span {
	slices.SortFunc(spans, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	var out []Span
	for _, sp := range spans {
		if n := len(out); n > 0 && sp.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, sp.End)
			continue
		}
		out = append(out, sp)
	}
	return out
}

// lineBody is the line start..end without its spaces and list marker; Start
// is -1 for a quoted line ("> ").
func lineBody(s string, start, end int) Span {
	i := start
	for i < end && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
		i++
	}
	if i < end && s[i] == '>' {
		return Span{-1, -1}
	}
	if n := listMarker(s[i:end]); n > 0 {
		i += n
	}
	j := end
	for j > i && (s[j-1] == ' ' || s[j-1] == '\t' || s[j-1] == '\r') {
		j--
	}
	return Span{i, j}
}

// listMarker is the length of a list marker ("- ", "• ", "2. ", "b) ") at
// the start of line, spaces after it included; 0 for none.
func listMarker(line string) int {
	n := 0
	switch {
	case strings.HasPrefix(line, "- "), strings.HasPrefix(line, "* "), strings.HasPrefix(line, "+ "):
		n = 2
	case strings.HasPrefix(line, "• "):
		n = len("• ")
	default:
		d := 0
		for d < len(line) && d < 3 && line[d] >= '0' && line[d] <= '9' {
			d++
		}
		if d == 0 || d+1 >= len(line) || (line[d] != '.' && line[d] != ')') || line[d+1] != ' ' {
			return 0
		}
		n = d + 2
	}
	for n < len(line) && line[n] == ' ' {
		n++
	}
	return n
}

// runsOn reports whether next continues the sentence of prev across a line
// break: prev stops mid-sentence and next starts in lower case.
func runsOn(prev, next string) bool {
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(next)
	return !strings.ContainsRune(".!?…:,;\"”’)", last) && unicode.IsLower(first)
}

// appendSentences splits the paragraph start..end at sentence ends.
func appendSentences(out []sentence, s string, start, end int) []sentence {
	from := start
	for i := start; i < end; {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !strings.ContainsRune(".!?…", r) {
			i += size
			continue
		}
		j := i
		for j < end {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !strings.ContainsRune(".!?…", r) {
				break
			}
			j += size
		}
		k := j
		for k < end {
			r, size := utf8.DecodeRuneInString(s[k:])
			if !strings.ContainsRune("\"'”’)]", r) {
				break
			}
			k += size
		}
		if k < end && !unicode.IsSpace(rune(s[k])) || r == '.' && j-i == 1 && abbreviated(s[from:i], s[k:end]) {
			i = j
			continue
		}
		out = appendSentence(out, s, from, i, k)
		from = k
		i = k
	}
	if strings.TrimSpace(s[from:end]) != "" {
		out = appendSentence(out, s, from, end, end)
	}
	return out
}

// appendSentence adds the sentence whose words run from..stop and whose
// final punctuation and closing marks end at end.
func appendSentence(out []sentence, s string, from, stop, end int) []sentence {
	b := Span{from, stop}
	for b.Start < b.End {
		r, size := utf8.DecodeRuneInString(s[b.Start:])
		if !unicode.IsSpace(r) && !strings.ContainsRune("\"“‘(['", r) {
			break
		}
		b.Start += size
	}
	for b.End > b.Start {
		r, size := utf8.DecodeLastRuneInString(s[:b.End])
		if !unicode.IsSpace(r) {
			break
		}
		b.End -= size
	}
	if b.Start == b.End {
		return out
	}
	// A sentence that ends inside its brackets keeps the closing bracket
	// out of what a rewrite replaces.
	punct := stop
	for punct < end {
		r, size := utf8.DecodeRuneInString(s[punct:])
		if !strings.ContainsRune(".!?…", r) {
			break
		}
		punct += size
	}
	return append(out, sentence{Body: b, End: punct})
}

// abbreviated reports whether the full stop after before belongs to an
// abbreviation ("Mr.", "e.g.", "J.") rather than ending the sentence. A
// lower-case word after it is no sign: chat replies often start sentences
// in lower case.
func abbreviated(before, after string) bool {
	i := strings.LastIndexFunc(before, func(r rune) bool { return unicode.IsSpace(r) || r == '(' })
	word := strings.ToLower(before[i+1:])
	if word == "" {
		return false
	}
	next, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(after, unicode.IsSpace))
	single := utf8.RuneCountInString(word) == 1 && unicode.IsLetter([]rune(word)[0])
	dotted := strings.Contains(word, ".") // e.g, i.e, a.m
	switch {
	case word == "etc" || word == "a.m" || word == "p.m":
		return unicode.IsLower(next) || unicode.IsDigit(next) // may end a sentence
	case abbreviations[word], dotted, single && word != "i":
		return true
	}
	return false
}

// inlineQuotes finds the text inside double quotes on each line: words the
// reply quotes are someone else's, so they are neither flagged nor changed.
func inlineQuotes(s string) []Span {
	var out []Span
	open := -1
	var closer rune
	for i, r := range s {
		switch {
		case r == '\n':
			open = -1
		case open < 0 && (r == '"' || r == '“'):
			open, closer = i, map[rune]rune{'"': '"', '“': '”'}[r]
		case open >= 0 && r == closer:
			out = append(out, Span{open, i + utf8.RuneLen(r)})
			open = -1
		}
	}
	return out
}

// inQuote reports whether span sp lies in quoted text.
func (l layout) inQuote(sp Span) bool {
	i := sort.Search(len(l.quoted), func(i int) bool { return l.quoted[i].End > sp.Start })
	return i < len(l.quoted) && l.quoted[i].Start < sp.End
}

// sentenceOf is the sentence holding the byte span sp.
func (l layout) sentenceOf(sp Span) (sentence, bool) {
	i := sort.Search(len(l.sentences), func(i int) bool { return l.sentences[i].End >= sp.End })
	if i < len(l.sentences) && sp.Start >= l.sentences[i].Body.Start {
		return l.sentences[i], true
	}
	return sentence{}, false
}
