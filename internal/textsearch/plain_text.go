package textsearch

import (
	"strings"
	"unsafe"
)

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
//
// It works line by line, each line on its own: the plain text of the
// first lines of md is the start of md's (what lets a caller needing only
// the start of a long text make only that plain; see AppendPlainText).
func PlainText(md string) string {
	if md == "" {
		return ""
	}
	b := AppendPlainText(make([]byte, 0, len(md)), md)
	// b is never written again: the string may share its bytes, as
	// strings.Builder's does.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// AppendPlainText appends PlainText(md) to dst, so that a caller joining
// several texts makes them plain into one buffer it may reuse. The plain
// text is never longer than md.
func AppendPlainText(dst []byte, md string) []byte {
	start := len(dst)
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
		if len(dst) > start {
			dst = append(dst, ' ')
		}
		dst = appendInline(dst, start, l)
	}
	return dst
}

// inlineMark marks the bytes appendInline may drop or change.
var inlineMark = [256]bool{'*': true, '`': true, '|': true, '_': true, '{': true, '}': true, '<': true, ']': true, '[': true, '\\': true}

// appendInline appends one line without inline markdown to b, whose
// plain text began at start.
func appendInline(b []byte, start int, l string) []byte {
	for i := 0; i < len(l); i++ {
		c := l[i]
		if !inlineMark[c] {
			// A run of bytes no case below looks at is kept as it is, in
			// one copy: byte by byte, this was a build's largest share of
			// making items plain.
			j := i + 1
			for j < len(l) && !inlineMark[l[j]] {
				j++
			}
			b = append(b, l[i:j]...)
			i = j - 1
			continue
		}
		switch c {
		case '*', '`', '|':
			if c == '|' && len(b) > start {
				b = append(b, ' ')
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
				b = append(b, ' ')
				i += len("<br>") - 1
				continue
			}
			if strings.HasPrefix(l[i:], "<br/>") {
				b = append(b, ' ')
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
					b = appendInline(b, start, inner)
					i += 2 + end + 1
					continue
				}
			}
			continue
		case '\\':
			if i+1 < len(l) {
				i++
				b = append(b, l[i])
			}
			continue
		}
		b = append(b, c)
	}
	return b
}
