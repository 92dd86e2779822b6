package kb

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// quickFrontMatter reads front matter written the simple way nearly every
// note's is, keys at the start of their lines with one-line plain values
// or lists of them,
//
//	permalink: bases/create-base
//	aliases:
//	  - Create a base
//
// without yaml.Unmarshal, which allocated several times what a note's
// front matter says (a fourteenth of what loading a vault allocated). It
// answers false for anything else (quotes, flow lists, comments, tabs,
// blank or continued lines, fields:, which is decoded into Go values),
// which yaml.Unmarshal reads then. The tree it makes holds what
// parseFrontMatter reads, Kind, Value, Line and Content, as yaml.Unmarshal
// gives them: FuzzQuickFrontMatter checks that.
func quickFrontMatter(raw []byte) (*yaml.Node, bool) {
	if !quickText(raw) {
		return nil, false
	}
	type entry struct {
		key, value []byte
		line       int
		items      [][]byte // a list's, one a line after the key's
		flow       bool     // the list is [a, b] on the key's line
	}
	var entries []entry
	listIndent := -1
	for i, line := range bytes.Split(bytes.TrimSuffix(raw, []byte{'\n'}), []byte{'\n'}) {
		indent := len(line) - len(bytes.TrimLeft(line, " "))
		if len(entries) > 0 && entries[len(entries)-1].value == nil && !entries[len(entries)-1].flow {
			// A list's item: "- value", all of them as far in.
			last := &entries[len(entries)-1]
			if rest, ok := bytes.CutPrefix(line[indent:], []byte("- ")); ok && (len(last.items) == 0 || indent == listIndent) {
				v, ok := scalarValue(rest)
				if !ok {
					return nil, false
				}
				listIndent = indent
				last.items = append(last.items, v)
				continue
			}
			if len(last.items) == 0 {
				return nil, false // "key:" with nothing under it is null
			}
		}
		colon := bytes.IndexByte(line, ':')
		if indent > 0 || colon <= 0 || !plainKey(line[:colon]) {
			return nil, false
		}
		key := line[:colon]
		if len(entries) == maxQuickKeys {
			return nil, false // looking for repeated keys would cost the square of their number
		}
		for _, e := range entries {
			if bytes.Equal(e.key, key) {
				return nil, false
			}
		}
		if strings.EqualFold(string(key), "fields") {
			return nil, false
		}
		e := entry{key: key, line: i + 1}
		if after := line[colon+1:]; len(bytes.TrimRight(after, " ")) > 0 {
			if after[0] != ' ' {
				return nil, false
			}
			var ok bool
			if e.items, ok = flowList(after); ok {
				e.flow = true
			} else if e.value, ok = scalarValue(after); !ok {
				return nil, false
			}
		}
		entries = append(entries, e)
	}
	if last := len(entries) - 1; last < 0 || entries[last].value == nil && !entries[last].flow && len(entries[last].items) == 0 {
		return nil, false
	}
	// The nodes and their pointers in one allocation each.
	count := 2
	for _, e := range entries {
		count += 2 + len(e.items)
	}
	nodes := make([]yaml.Node, count)
	ptrs := make([]*yaml.Node, 0, count)
	next := 0
	node := func(kind yaml.Kind, value []byte, line int) *yaml.Node {
		n := &nodes[next]
		next++
		n.Kind, n.Line = kind, line
		if len(value) > 0 {
			n.Value = string(value)
		}
		return n
	}
	root := node(yaml.DocumentNode, nil, 1)
	doc := node(yaml.MappingNode, nil, 1)
	root.Content = append(ptrs, doc)[:1:1]
	ptrs = ptrs[1:1]
	for _, e := range entries {
		k := node(yaml.ScalarNode, e.key, e.line)
		if e.value != nil {
			ptrs = append(ptrs, k, node(yaml.ScalarNode, e.value, e.line))
			continue
		}
		first := e.line + 1 // the line of a list's first item
		if e.flow {
			first = e.line
		}
		seq := node(yaml.SequenceNode, nil, first)
		ptrs = append(ptrs, k, seq)
		for j, it := range e.items {
			line := first + j
			if e.flow {
				line = first
			}
			seq.Content = append(seq.Content, node(yaml.ScalarNode, it, line))
		}
	}
	doc.Content = ptrs
	return root, true
}

// maxQuickKeys is the most keys quickFrontMatter reads; front matter of
// more is yaml.Unmarshal's.
const maxQuickKeys = 64

// quickText reports whether raw has only characters that YAML reads as
// printable and that are not line breaks other than '\n': the others
// (tabs, controls, BOMs, U+2028 and U+2029) yaml.Unmarshal reads.
func quickText(raw []byte) bool {
	for i := 0; i < len(raw); {
		c := raw[i]
		if c < utf8.RuneSelf {
			if c < ' ' && c != '\n' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(raw[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1, r < 0xa0, r == 0x2028, r == 0x2029,
			r >= 0xd800 && r < 0xe000, r == 0xfeff, r == 0xfffe, r == 0xffff:
			return false
		}
	}
	return true
}

// plainKey reports whether key is a name YAML reads as itself: a letter
// or underscore, then letters, digits, _ and -, short of the 1,024
// characters past which YAML looks no further for a key's colon.
func plainKey(key []byte) bool {
	if len(key) > 64 {
		return false
	}
	for i, c := range key {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
		if !letter && (i == 0 || (c < '0' || c > '9') && c != '-') {
			return false
		}
	}
	return len(key) > 0
}

// plainValue is v without the spaces around it, when YAML reads it as
// that text: it does not start with a character that makes it something
// else (a quote, a list, an anchor…), holds no comment, no ": " and no
// tab, and does not end with ':'.
func plainValue(v []byte) ([]byte, bool) {
	v = bytes.Trim(v, " ")
	if len(v) == 0 || strings.IndexByte("-?:,[]{}#&*!|>'\"%@`", v[0]) >= 0 ||
		bytes.IndexByte(v, '#') >= 0 || bytes.Contains(v, []byte(": ")) || v[len(v)-1] == ':' {
		return nil, false
	}
	return v, true
}

// scalarValue is the text of a one-line scalar: plain (plainValue), or
// quoted in double quotes without escapes or in single quotes, with
// nothing but spaces after it.
func scalarValue(v []byte) ([]byte, bool) {
	v = bytes.Trim(v, " ")
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') {
		q := v[0]
		inner := v[1 : len(v)-1]
		if v[len(v)-1] != q || bytes.IndexByte(inner, q) >= 0 || q == '"' && bytes.IndexByte(inner, '\\') >= 0 {
			return nil, false
		}
		return inner, true
	}
	return plainValue(v)
}

// flowList is the items of a list written [a, b] on one line: plain
// words without the characters that mean something inside brackets.
func flowList(v []byte) ([][]byte, bool) {
	v = bytes.Trim(v, " ")
	if len(v) < 2 || v[0] != '[' || v[len(v)-1] != ']' {
		return nil, false
	}
	inner := v[1 : len(v)-1]
	if len(bytes.Trim(inner, " ")) == 0 {
		return [][]byte{}, true
	}
	items := bytes.Split(inner, []byte{','})
	for i, it := range items {
		it, ok := plainValue(it)
		if !ok || bytes.ContainsAny(it, "[]{}:?") {
			return nil, false
		}
		items[i] = it
	}
	return items, true
}
