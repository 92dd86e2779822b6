package mdparse

import (
	"bytes"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// Edit replaces Source[Start:End], a Wikilink or the marker of a Callout
// of a Doc from ScanNotes, with the markdown With.
type Edit struct {
	Start, End int
	With       string
	// Text is the plain text the caller means With to read as: a link's
	// or the words' text, or for a callout the words of its bold type.
	// Rewrite checks it against With and its place in the note, and parses
	// the rewritten note when it cannot be sure; "" always parses.
	Text string

	dest string // With is a link to dest
	// A callout's marker is Source[Start:titleAt], which reads as marker;
	// its title, after it, reads as it did.
	callout bool
	titleAt int
	marker  string
}

// Rewrite returns the Doc that ParseNotes makes of d's Source with edits
// made (sorted by Start, not overlapping): a note's wikilinks rewritten as
// markdown links. It reads the tree ScanNotes kept instead of parsing the
// note again when every edit is one whose plain text and place it can be
// sure of (almost all: plain words and links to notes); otherwise it parses
// the rewritten source. Edits never add or remove lines, so lines stay where
// the note has them. Tags stay those of d, the note as written. d is spent:
// only the Doc returned may be used.
func (d *Doc) Rewrite(edits []Edit) *Doc {
	src := apply(d.Source, edits)
	root := d.root
	d.root = nil
	if root == nil || !d.canRewrite(edits) {
		d.giveBack()
		nd := ParseNotes(src)
		nd.Tags = d.Tags
		return nd
	}
	// d is spent: it is made the Doc returned, every field as a new Doc's
	// would be, rather than another Doc made (a fiftieth of what
	// rewriting a vault's notes allocated).
	code, front, marks, bodyStart, mem := d.code, d.Front, d.marks, d.BodyStart, d.mem
	*d = Doc{Source: d.Source, lineStarts: d.lineStarts, FrontLine: d.FrontLine, BodyStart: d.BodyStart, Tags: d.Tags, edits: edits, textOnly: d.textOnly, scratch: d.scratch}
	nd := d
	nd.shift = make([]int, len(edits)+1)
	for i, e := range edits {
		nd.shift[i+1] = nd.shift[i] + len(e.With) - (e.End - e.Start)
	}
	nd.fillBlocks(root)
	nd.Links = make([]Link, 0, len(marks)) // room for all, not grown by doubling
	for _, n := range marks {
		switch n := n.(type) {
		case *ast.Link:
			nd.Links = append(nd.Links, nd.link(n))
		case *wikilinkNode:
			if e := nd.editAt(n.link.Start); e != nil && e.dest != "" {
				nd.Links = append(nd.Links, Link{Dest: e.dest, Line: nd.Line(n.link.Start)})
			}
		}
	}
	if len(nd.Links) == 0 {
		nd.Links = nil // as parsing gives
	}
	nd.mem = mem // no node of the tree is held past here
	nd.giveBack()
	if len(code) > 0 {
		nd.code = code // moved in place
		for i, c := range code {
			nd.code[i] = [2]int{nd.at(c[0]), nd.at(c[1])}
		}
	}
	nd.BodyStart = nd.at(bodyStart)
	if front != nil {
		nd.Front, _, _ = splitFront(src)
	}
	// Edits hold no line break, so the lines are the note's, moved in
	// place.
	for i, off := range nd.lineStarts {
		nd.lineStarts[i] = nd.at(off)
	}
	nd.Source, nd.edits, nd.shift = src, nil, nil
	return nd
}

// apply makes edits on src.
func apply(src []byte, edits []Edit) []byte {
	size := len(src) // exactly, so the copy is made once
	for _, e := range edits {
		size += len(e.With) - (e.End - e.Start)
	}
	out := make([]byte, 0, size)
	last := 0
	for _, e := range edits {
		out = append(out, src[last:e.Start]...)
		out = append(out, e.With...)
		last = e.End
	}
	return append(out, src[last:]...)
}

// at is where byte offset off of the source the tree was parsed from is in
// the rewritten source.
func (d *Doc) at(off int) int {
	if d.edits == nil {
		return off
	}
	i := sort.Search(len(d.edits), func(i int) bool { return d.edits[i].End > off })
	return off + d.shift[i]
}

// editAt is the edit starting at off, nil when none does.
func (d *Doc) editAt(off int) *Edit {
	i := sort.Search(len(d.edits), func(i int) bool { return d.edits[i].Start >= off })
	if i < len(d.edits) && d.edits[i].Start == off {
		return &d.edits[i]
	}
	return nil
}

// touchesEdit reports whether another edit ends where e starts or starts
// where e ends.
func (d *Doc) touchesEdit(e *Edit) bool {
	if d.editAt(e.End) != nil {
		return true
	}
	i := sort.Search(len(d.edits), func(i int) bool { return d.edits[i].End >= e.Start })
	return i < len(d.edits) && d.edits[i].End == e.Start
}

// appendRewritten appends src[start:end] of the tree's source with the
// edits inside it made to out.
func (d *Doc) appendRewritten(out []byte, start, end int) []byte {
	if d.edits == nil {
		return append(out, d.Source[start:end]...)
	}
	i := sort.Search(len(d.edits), func(i int) bool { return d.edits[i].End > start })
	last := start
	for ; i < len(d.edits) && d.edits[i].Start < end; i++ {
		e := d.edits[i]
		out = append(out, d.Source[last:e.Start]...)
		out = append(out, e.With...)
		last = e.End
	}
	return append(out, d.Source[last:end]...)
}

// calloutMarker is the callout whose marker a Text node of the tree
// starts in, nil when none: the node writes the marker's words in place of
// the marker (once, at the marker's first node), then what follows it.
func (d *Doc) calloutMarker(t *ast.Text) *Edit {
	if d.edits == nil {
		return nil
	}
	i := sort.Search(len(d.edits), func(i int) bool { return d.edits[i].End > t.Segment.Start })
	if i == len(d.edits) {
		return nil
	}
	if e := &d.edits[i]; e.callout && t.Segment.Start >= e.Start && t.Segment.Start < e.titleAt {
		return e
	}
	return nil
}

// canRewrite reports whether the blocks of the tree, with edits made as
// fillBlocks makes them, are what parsing the rewritten source gives.
func (d *Doc) canRewrite(edits []Edit) bool {
	if d.refs {
		return false // a word that became text could name a link reference
	}
	for i := range edits {
		if edits[i].Text == "" || i > 0 && edits[i].Start < edits[i-1].End {
			return false
		}
	}
	// The checks read the edits as d's own while they run.
	d.edits = edits
	defer func() { d.edits = nil }()
	ok, matched := true, 0
	for _, n := range d.marks {
		switch n := n.(type) {
		case *wikilinkNode:
			if e := d.editAt(n.link.Start); e != nil {
				ok = e.End == n.link.End && d.wikilinkEdit(e, n)
				matched++
			} else {
				// A wikilink in a callout's title is rewritten with it:
				// it stays a wikilink, and reads as one.
				i := sort.Search(len(edits), func(i int) bool { return edits[i].End >= n.link.End })
				ok = i < len(edits) && edits[i].callout && edits[i].titleAt <= n.link.Start
			}
		case *ast.Blockquote:
			if c, is := d.callout(n); is {
				e := d.editAt(c.Start)
				ok = e != nil && e.End == c.End && d.calloutEdit(e, n)
				matched++
			}
		}
		if !ok {
			break
		}
	}
	return ok && matched == len(edits)
}

// wikilinkEdit reports whether e, in place of the wikilink n, reads as its
// Text: a link to a destination, a picture's placeholder or plain words,
// not inside a link (a link inside a link is no link), and for words,
// with nothing next to them that would read differently next to a letter
// than next to a bracket.
func (d *Doc) wikilinkEdit(e *Edit, n *wikilinkNode) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch p.(type) {
		case *ast.Link, *ast.Image:
			return false
		}
	}
	if d.beforeDelimiterRow(n, e) {
		return false // the wikilink's | may be what keeps its line from being a table's header
	}
	with := e.With
	if strings.HasPrefix(with, "[") && strings.HasSuffix(with, ">)") {
		if e.Start > 0 && d.Source[e.Start-1] == '!' {
			return false // "!" and a link is a picture
		}
		i := strings.LastIndex(with, "](<")
		if i < 0 || !plainWords(with[1:i], e.Text) {
			return false
		}
		dest := with[i+3 : len(with)-2]
		if dest == "" || strings.ContainsAny(dest, "<>\\\n\r") {
			return false
		}
		e.dest = dest
		return true
	}
	if d.blockHas(n, '<') {
		return false // words could complete an HTML tag that a bracket broke
	}
	if d.touchesEdit(e) {
		// What is next to it is another edit's text, not the source's
		// ("![[a.png]][[B]]" gives "*[image: a.png]*B", whose last star
		// cannot close beside the B): parse the rewritten note instead.
		return false
	}
	prev, next := byte(' '), byte('\n')
	if e.Start > 0 {
		prev = d.Source[e.Start-1]
	}
	if e.End < len(d.Source) {
		next = d.Source[e.End]
	}
	if strings.HasPrefix(with, "*[") && strings.HasSuffix(with, "]*") && len(with) > 4 {
		// Emphasis, and only its own, when the first star follows a space
		// (so it cannot close an earlier one) and the last is followed by a
		// space or punctuation other than another delimiter.
		return (prev == ' ' || prev == '\t' || prev == '\n') && (next == ' ' || next == '\t' || next == '\n' ||
			next < utf8.RuneSelf && unicode.IsPunct(rune(next)) && strings.IndexByte("*_~\\`", next) < 0) &&
			strings.HasPrefix(e.Text, "[") && strings.HasSuffix(e.Text, "]") && plainWords(with[2:len(with)-2], e.Text[1:len(e.Text)-1])
	}
	r, _ := utf8.DecodeRuneInString(e.Text)
	return unicode.IsLetter(r) && !strings.ContainsRune(`\<&[!`+"`", rune(prev)) && !strings.ContainsRune(`>;]`+"`", rune(next)) &&
		d.delimiterApart(e.Start, -1) && d.delimiterApart(e.End-1, 1) && plainWords(with, e.Text) && !strings.Contains(with, ">")
}

// beforeDelimiterRow reports whether the wikilink n has a | and the next
// line of its block could be a table's delimiter row ("--|--").
func (d *Doc) beforeDelimiterRow(n ast.Node, e *Edit) bool {
	if bytes.IndexByte(d.Source[e.Start:e.End], '|') < 0 {
		return false
	}
	p := n.Parent()
	for p != nil && p.Type() != ast.TypeBlock {
		p = p.Parent()
	}
	if p == nil {
		return true
	}
	// The line holding the wikilink, found by halves: a paragraph of
	// many lines of aliased wikilinks read its lines from the first for
	// each of them, the square of its length.
	lines := p.Lines()
	i := sort.Search(lines.Len(), func(i int) bool { return lines.At(i).Stop > e.Start })
	if i+1 >= lines.Len() {
		return false
	}
	next := lines.At(i + 1)
	row := next.Value(d.Source)
	return bytes.IndexByte(row, '-') >= 0 && len(bytes.Trim(row, "|:- \t\n")) == 0
}

// blockHas reports whether the lines of the block holding n have c. The
// answer for the last block asked is kept: the wikilinks of a block are
// walked one after another, and reading its lines for each of them made a
// long paragraph of wikilinks cost the square of its length.
func (d *Doc) blockHas(n ast.Node, c byte) bool {
	p := n.Parent()
	for p != nil && p.Type() != ast.TypeBlock {
		p = p.Parent()
	}
	if p == nil {
		return true
	}
	if d.hasBlock == p && d.hasByte == c {
		return d.has
	}
	if blockScanned != nil {
		blockScanned()
	}
	has := false
	for i := 0; i < p.Lines().Len() && !has; i++ {
		seg := p.Lines().At(i)
		has = bytes.IndexByte(seg.Value(d.Source), c) >= 0
	}
	d.hasBlock, d.hasByte, d.has = p, c, has
	return has
}

// blockScanned, when set (by a test), is called whenever blockHas reads a
// block's lines.
var blockScanned func()

// delimiterApart reports whether a run of emphasis stars, underscores or
// tildes next to the byte at off (before it when dir is -1, after it when
// 1) has a space or the line's end on its other side: then the run opens
// or closes the same whether off is a bracket or a letter.
func (d *Doc) delimiterApart(off, dir int) bool {
	i := off + dir
	if i < 0 || i >= len(d.Source) || strings.IndexByte("*_~", d.Source[i]) < 0 {
		return true
	}
	c := d.Source[i]
	for i >= 0 && i < len(d.Source) && d.Source[i] == c {
		i += dir
	}
	return i < 0 || i >= len(d.Source) || strings.IndexByte(" \t\n", d.Source[i]) >= 0
}

// calloutEdit reports whether e, "**Type** title" in place of the marker
// of the callout q, reads as its Text: the marker line is text alone
// (no link, code or emphasis), with no spaces at its end to make a line
// break, and the title is plain words.
func (d *Doc) calloutEdit(e *Edit, q *ast.Blockquote) bool {
	line := string(d.Source[e.Start:e.End])
	if line == "" || e.End < len(d.Source) && d.Source[e.End] != '\n' || strings.HasSuffix(line, "  ") {
		return false // two spaces at its end break the line; the rewritten one has none
	}
	line = strings.TrimRight(line, " \t")
	with, ok := strings.CutPrefix(e.With, "**")
	if !ok {
		return false
	}
	kind, title, ok := strings.Cut(with, "**")
	if !ok || kind == "" || strings.TrimSpace(kind) != kind || e.Text != kind || !plainWords(kind, kind) {
		return false
	}
	e.titleAt, e.marker = e.End, kind
	if title != "" {
		t, ok := strings.CutPrefix(title, " ")
		if !ok || t == "" || strings.TrimSpace(t) != t || !strings.HasSuffix(line, " "+t) {
			return false
		}
		e.titleAt, e.marker = e.Start+len(line)-len(t), kind+" "
	}
	p := q.FirstChild()
	first, ok := p.FirstChild().(*ast.Text)
	if !ok || first.Segment.Start != e.Start {
		return false
	}
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok {
			if d.start(c) < e.titleAt {
				return false
			}
			break
		}
		if t.Segment.Start >= e.titleAt {
			break
		}
		if t.IsRaw() {
			return false
		}
	}
	e.callout = true
	return true
}

// plainWords reports whether the markdown md reads as text, with nothing
// in it markdown could take for syntax but the escaped \\, \[ and \].
func plainWords(md, text string) bool {
	return readsAs(md, text, "`*_&<~[]|#\n\r")
}

// readsAs reports whether md, where none of the bytes of active may stand
// unescaped, reads as text.
func readsAs(md, text, active string) bool {
	if text == "" || len(md) < len(text) {
		return false
	}
	j := 0
	for i := 0; i < len(md); i++ {
		c := md[i]
		if c == '\\' {
			if i+1 == len(md) || !strings.ContainsRune(`\[]`, rune(md[i+1])) {
				return false
			}
			i++
			c = md[i]
		} else if strings.IndexByte(active, c) >= 0 {
			return false
		}
		if j == len(text) || text[j] != c {
			return false
		}
		j++
	}
	return j == len(text)
}
