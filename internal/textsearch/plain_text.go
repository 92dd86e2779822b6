package textsearch

import "strings"

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

// PlainText strips the markdown that would otherwise be indexed or shown as
// noise: link targets, emphasis, code ticks, heading marks, list and table
// punctuation, <br> and placeholder braces. It is deliberately forgiving:
// the output is for matching and snippets, not for display as markdown.
func PlainText(md string) string {
	if md == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(md))
	for line := range strings.SplitSeq(md, "\n") {
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
			// [[Page|label]] or [[Page]]: keep what a reader sees.
			if strings.HasPrefix(l[i:], "[[") {
				if end := strings.Index(l[i+2:], "]]"); end >= 0 {
					inner := l[i+2 : i+2+end]
					if _, label, ok := strings.Cut(inner, "|"); ok {
						inner = label
					}
					writeInline(b, inner)
					i += 2 + end + 1
					continue
				}
			}
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
