package app

import (
	"regexp"
	"sort"
	"strings"

	"github.com/poisehq/poise/kb/search"
	"github.com/poisehq/poise/kb/template"
)

// Search indexes a template's text without its braces, so a snippet read
// "Hi supervisor_name, could you…". Rows show the placeholder in brackets,
// [supervisor_name], as the preview shows it and as a blank copies.
// Only keys no sentence would hold (with _ or +, or a digit) are
// bracketed: "date" or "amount" may be the plain word.

// placeholderKeys are the keys of it's placeholders worth bracketing.
func (p *poise) placeholderKeys(id string) []string {
	it, ok := p.item(id)
	if !ok {
		return nil
	}
	texts := []string{it.Text}
	for _, o := range it.Options {
		texts = append(texts, o.Say)
	}
	seen := map[string]bool{}
	var keys []string
	for _, t := range texts {
		for _, f := range template.Fields(t, it.Fields...) {
			if !seen[f.Name] && strings.ContainsAny(f.Name, "_+0123456789") {
				seen[f.Name] = true
				keys = append(keys, f.Name)
			}
		}
	}
	return keys
}

// bracketKeys puts every whole-word key in text in brackets, moving the
// highlight spans with the text.
func bracketKeys(text string, spans []search.Span, keys []string) (string, []search.Span) {
	if len(keys) == 0 {
		return text, spans
	}
	sort.Slice(keys, func(i, j int) bool { return len(keys[i]) > len(keys[j]) }) // longest first
	quoted := make([]string, len(keys))
	for i, k := range keys {
		quoted[i] = regexp.QuoteMeta(k)
	}
	re := regexp.MustCompile(`(?:^|[^\w\[])(` + strings.Join(quoted, "|") + `)(?:$|[^\w\]])`)
	var at [][2]int // the keys' byte ranges in text
	for start := 0; start < len(text); {
		m := re.FindStringSubmatchIndex(text[start:])
		if m == nil {
			break
		}
		at = append(at, [2]int{start + m[2], start + m[3]})
		start += m[3] // the next key may begin right after this one's end
	}
	if len(at) == 0 {
		return text, spans
	}
	var b strings.Builder
	last := 0
	for _, r := range at {
		b.WriteString(text[last:r[0]])
		b.WriteString("[" + text[r[0]:r[1]] + "]")
		last = r[1]
	}
	b.WriteString(text[last:])
	// A position moves by two for each key wholly before it, and by one
	// inside a key, after its opening bracket.
	move := func(pos int, end bool) int {
		shift := 0
		for _, r := range at {
			switch {
			case r[1] < pos || (!end && r[1] == pos):
				shift += 2
			case r[0] < pos || (!end && r[0] == pos):
				shift++
			}
		}
		return pos + shift
	}
	out := make([]search.Span, len(spans))
	for i, s := range spans {
		out[i] = search.Span{Start: move(s.Start, false), End: move(s.End, true)}
	}
	return b.String(), out
}
