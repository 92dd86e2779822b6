package search

import (
	"strings"

	"github.com/poisehq/poise/kb"
)

// itemDocument turns an item into what the index sees. Titles and what
// customers say rank above tags, and tags above body text.
func itemDocument(it *kb.Item) document {
	title := it.Title
	if it.Category != "" && (it.Kind == kb.KindStatement || it.Kind == kb.KindPhrase) {
		// A bank's title ("When the customer is grieving") names what
		// each of its short statements is for.
		title = joinText(it.Title, it.Category)
	}
	signals := joinText(joinText(it.Signals...), joinText(it.Situations...))
	meta := joinText(joinText(it.Tags...), joinText(it.Emotions...))
	if it.Kind != kb.KindStatement && it.Kind != kb.KindPhrase {
		meta = joinText(meta, it.Category)
	}
	text := plainText(it.Text)
	body := plainText(it.Body)
	if body == text {
		body = ""
	}
	var extra []string
	if it.Phrase != nil {
		extra = append(extra, it.Phrase.InsteadOf)
		extra = append(extra, it.Phrase.Try...)
		extra = append(extra, it.Phrase.Why)
	}
	if it.Body == "" {
		// Kinds whose body the loader leaves empty still carry their words.
		for _, o := range it.Options {
			extra = append(extra, o.Title, plainText(o.Say))
		}
		for _, s := range it.Steps {
			extra = append(extra, s.Text)
		}
	}
	return document{
		Doc:      "y",
		Title:    title,
		Signals:  signals,
		Meta:     meta,
		Body:     joinText(it.Summary, text, body, joinText(extra...)),
		Head:     joinText(title, signals, meta),
		Kind:     string(it.Kind),
		Pack:     it.Pack,
		Emotions: lowerAll(it.Emotions),
		Tags:     lowerAll(it.Tags),
	}
}

func lowerAll(ss []string) []string {
	if len(ss) == 0 {
		return nil
	}
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if s = strings.ToLower(strings.TrimSpace(s)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// plainText strips the markdown that would otherwise be indexed or shown as
// noise: link targets, emphasis, code ticks, heading marks, list and table
// punctuation, <br> and placeholder braces. It is deliberately forgiving:
// the output is for matching and snippets, not for display as markdown.
func plainText(md string) string {
	if md == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(md))
	lines := strings.Split(md, "\n")
	for _, line := range lines {
		l := strings.TrimSpace(line)
		if l == "" || strings.HasPrefix(l, "---") || strings.HasPrefix(l, "|---") || strings.HasPrefix(l, "|:-") {
			continue
		}
		l = strings.TrimLeft(l, "#>")
		l = strings.TrimSpace(l)
		for _, p := range []string{"- [ ] ", "- [x] ", "- [X] ", "- ", "* ", "+ "} {
			if strings.HasPrefix(l, p) {
				l = l[len(p):]
				break
			}
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		writeInline(&b, l)
	}
	return b.String()
}

// writeInline writes one line without inline markdown.
func writeInline(b *strings.Builder, l string) {
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch c {
		case '*', '`', '|':
			if c == '|' && b.Len() > 0 {
				b.WriteByte(' ')
			}
			continue
		case '_':
			// Emphasis underscores sit at word edges; placeholder names keep theirs.
			if (i == 0 || l[i-1] == ' ') || (i+1 == len(l) || l[i+1] == ' ') {
				continue
			}
		case '{', '}':
			continue
		case '<':
			if strings.HasPrefix(l[i:], "<br>") {
				b.WriteByte(' ')
				i += len("<br>") - 1
				continue
			}
			if strings.HasPrefix(l[i:], "<br/>") {
				b.WriteByte(' ')
				i += len("<br/>") - 1
				continue
			}
		case ']':
			// [text](target): keep text, drop target.
			if i+1 < len(l) && l[i+1] == '(' {
				if end := strings.IndexByte(l[i+1:], ')'); end >= 0 {
					i += end + 1
					continue
				}
			}
			continue
		case '[':
			continue
		case '\\':
			if i+1 < len(l) {
				i++
				b.WriteByte(l[i])
			}
			continue
		}
		b.WriteByte(c)
	}
}
