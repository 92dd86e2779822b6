package app

import (
	"regexp"
	"strings"
)

// tableRule is a markdown table's second line, "|---|:--:|".
var tableRule = regexp.MustCompile(`^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$`)

// tablesAsRows rewrites markdown tables as bullets, one row each, its cells
// named by their column ("Ask: refund · Say: sorry"): Fyne's markdown has
// no tables and showed one as raw pipes on a single line. Code is left as
// written.
func tablesAsRows(md string) string {
	if !strings.Contains(md, "|") {
		return md
	}
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	fence := false
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if strings.HasPrefix(l, "```") || strings.HasPrefix(l, "~~~") {
			fence = !fence
		}
		if fence || !strings.Contains(l, "|") || i+1 >= len(lines) || !tableRule.MatchString(strings.TrimSpace(lines[i+1])) {
			out = append(out, lines[i])
			continue
		}
		head := tableCells(l)
		i++ // the rule
		for i+1 < len(lines) && strings.Contains(lines[i+1], "|") && strings.TrimSpace(lines[i+1]) != "" {
			i++
			var parts []string
			for c, cell := range tableCells(strings.TrimSpace(lines[i])) {
				if cell == "" {
					continue
				}
				if c < len(head) && head[c] != "" {
					cell = head[c] + ": " + cell
				}
				parts = append(parts, cell)
			}
			out = append(out, "- "+strings.Join(parts, " · "))
		}
		out = append(out, "")
	}
	return strings.Join(out, "\n")
}

// tableCells splits a table line at its pipes, leaving out the outer ones
// and keeping escaped ones ("\|") in the cell.
func tableCells(l string) []string {
	l = strings.TrimSuffix(strings.TrimPrefix(l, "|"), "|")
	var cells []string
	var b strings.Builder
	for i := 0; i < len(l); i++ {
		switch {
		case l[i] == '\\' && i+1 < len(l) && l[i+1] == '|':
			b.WriteByte('|')
			i++
		case l[i] == '|':
			cells = append(cells, strings.TrimSpace(b.String()))
			b.Reset()
		default:
			b.WriteByte(l[i])
		}
	}
	return append(cells, strings.TrimSpace(b.String()))
}
