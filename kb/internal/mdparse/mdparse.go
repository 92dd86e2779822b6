// Package mdparse turns a markdown file into the plain blocks that kb builds
// items from. It is the only place that knows goldmark: callers see headings,
// paragraphs, lists and tables with their line numbers, never an AST node.
package mdparse

import (
	"bytes"
	"sort"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"go.abhg.dev/goldmark/frontmatter"
)

// Kind says what sort of block a Block is.
type Kind uint8

// The block kinds a pack file is made of.
const (
	Heading Kind = iota
	Paragraph
	List
	Table
	Code
	Quote
	Other // thematic breaks and raw HTML
)

// Doc is one parsed markdown file.
type Doc struct {
	Source []byte
	// Front is the raw front matter, without its --- lines; nil when absent.
	Front []byte
	// FrontLine is the file line of Front's first line.
	FrontLine int
	// BodyStart is the byte offset where the markdown after the front matter starts.
	BodyStart int
	Blocks    []Block
	Links     []Link

	// Wikilinks, Tags and Callouts are the note-app syntax ParseNotes
	// reads; Parse leaves them empty.
	Wikilinks []Wikilink
	Tags      []string
	Callouts  []Callout

	lineStarts []int
	scratch    *Scratch    // where the parts its caller is done with are made, when lent one
	code       [][2]int    // byte spans of code (ParseNotes)
	root       ast.Node    // the tree, until FillBlocks or Rewrite makes Blocks of it (ScanNotes)
	mem        *treeMemory // what the tree is made in, until then (tree_memory.go)
	// marks are the tree's links, wikilinks and callouts' blockquotes,
	// in the tree's order, while root is kept: Rewrite reads them instead
	// of walking the whole tree twice more (ScanNotes).
	marks []ast.Node
	refs  bool // the source defines link references
	// textOnly leaves lists' Items and tables' Header and Rows empty: a
	// folder of notes makes its items of the blocks' text alone.
	textOnly bool
	parts    []string // texts to join, a stack shared by nested blocks

	// While blocks are made, the buffer their texts are written in; and
	// the texts of a note's blocks (block_text.go).
	buf   []byte
	kept  []byte // the texts of the blocks made so far (keep), a blank line apart
	text  []byte
	older [][]byte

	// While Rewrite makes blocks: the edits made on the tree's Source,
	// and shift[i], how far the first i edits move what follows them.
	edits []Edit
	shift []int
	// blockHas's answer for the last block it read (canRewrite).
	hasBlock ast.Node
	hasByte  byte
	has      bool
}

// Block is one top-level block of the body.
type Block struct {
	Kind    Kind
	ordered bool
	Level   int // headings
	Start   int // byte offset of the block's first character
	Line    int
	// Text is the block as plain text: inline markup removed, escapes and
	// entities resolved, list items prefixed with "- ".
	Text string
	// parts are a list's items or a table's cells, nil for other blocks
	// and for every block of a note (ScanNotes, ParseNotes): held apart,
	// a block is 56 bytes rather than 128, and a vault of notes has
	// 170,000 of them.
	parts *parts
}

type parts struct {
	items  []ListItem
	header []Cell
	rows   []Row
}

// Items are a list's items (Parse only).
func (b *Block) Items() []ListItem {
	if b.parts == nil {
		return nil
	}
	return b.parts.items
}

// Ordered reports whether a list is numbered.
func (b *Block) Ordered() bool { return b.ordered }

// Header is a table's header row (Parse only).
func (b *Block) Header() []Cell {
	if b.parts == nil {
		return nil
	}
	return b.parts.header
}

// Rows are a table's body rows (Parse only).
func (b *Block) Rows() []Row {
	if b.parts == nil {
		return nil
	}
	return b.parts.rows
}

// ListItem is one bullet of a list.
type ListItem struct {
	Start int
	Line  int
	// Text is the item's plain text; nested lists follow on their own lines.
	Text string
	// Lead is the text of the item's first paragraph without the inline code
	// spans at its end, which are returned in Tail (statement channel tags).
	Lead    string
	Tail    []string
	Task    bool
	Checked bool
}

// Row is one body row of a table.
type Row struct {
	Line  int
	Cells []Cell
}

// Cell is one table cell.
type Cell struct {
	// Text is the plain text, with <br> as a newline.
	Text string
	// Raw is the cell's markdown source with \| unescaped, for cells whose
	// punctuation matters (tone patterns).
	Raw string
}

// Link is a markdown link in the body.
type Link struct {
	Dest string
	Line int
}

// parsers hands each goroutine its own goldmark instance: goldmark does not
// promise that one may parse several documents at once.
var parsers = newParsers()

// newParsers is a pool of goldmark instances with the extra inline parsers.
func newParsers(inline ...util.PrioritizedValue) *sync.Pool {
	return &sync.Pool{New: func() any {
		// GFM without Linkify: bare URLs need no parsing here, and its regular
		// expressions were a tenth of the load time.
		return newMarkdown(newParser(inline...))
	}}
}

// newMarkdown is goldmark with p as its parser and the extensions packs use.
func newMarkdown(p parser.Parser) goldmark.Markdown {
	return goldmark.New(goldmark.WithParser(p), goldmark.WithExtensions(extension.Table, extension.TaskList, extension.Strikethrough, &frontmatter.Extender{
		Formats: []frontmatter.Format{frontmatter.YAML},
	}))
}

// Parse parses src. It never fails: markdown has no syntax errors, and front
// matter is returned raw for the caller to decode and report on.
func Parse(src []byte) *Doc {
	return parse(src, parsers)
}

func parse(src []byte, pool *sync.Pool) *Doc {
	return parseDoc(src, pool, true, pool == notesParsers, nil)
}

// parseDoc parses src, making its blocks now or leaving its tree for
// FillBlocks. Its line starts are written in lines when not nil.
func parseDoc(src []byte, pool *sync.Pool, blocks, textOnly bool, lines []int) *Doc {
	if lines != nil {
		return parseDocWith(src, pool, blocks, textOnly, &Scratch{lines: lines})
	}
	return parseDocWith(src, pool, blocks, textOnly, nil)
}

// parseDocWith is parseDoc making the Doc's parts in s when not nil
// (ScanNotesWith).
func parseDocWith(src []byte, pool *sync.Pool, blocks, textOnly bool, s *Scratch) *Doc {
	d := &Doc{textOnly: textOnly}
	if s != nil {
		d.scratch = s
		d.lineStarts = lineStarts(src, s.lines)
		d.marks, d.code = s.marks[:0], s.code[:0]
	} else {
		d.lineStarts = lineStarts(src, nil)
	}
	d.Source = src
	ctx := parser.NewContext()
	if pool == parsers || pool == notesParsers { // not tests' stand-ins for goldmark's own
		d.mem = lend(ctx)
	}
	md := pool.Get().(goldmark.Markdown)
	root := md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	pool.Put(md)
	if fm := frontmatter.Get(ctx); fm != nil {
		d.Front, d.FrontLine, d.BodyStart = splitFront(src)
	}
	d.refs = len(ctx.References()) > 0
	if blocks {
		d.fillBlocks(root)
	} else {
		d.root = root
	}
	// pool != parsers: the notes' pool, or a test's stand-in for it.
	d.note(root, blocks, pool != parsers)
	d.keepScratch()
	if blocks {
		d.giveBack()
	}
	return d
}

// note records the links of n and the nodes under it, and with notes
// set their note syntax (notes), in the order ast.Walk visits them. Its
// own walk: most of a tree is text, which has neither children nor
// anything to note, and ast.Walk's two calls of a closure for every node
// were a seventh of parsing a note.
func (d *Doc) note(n ast.Node, blocks, notes bool) {
	switch n.(type) {
	case *ast.Text:
		return
	case *ast.Link:
		if blocks {
			d.Links = append(d.Links, d.link(n))
		} else {
			d.marks = append(d.marks, n) // its Link is made by FillBlocks, unless Rewrite makes another
		}
	}
	if notes {
		d.notes(n)
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		d.note(c, blocks, notes)
	}
}

// link is the Link of the link n.
func (d *Doc) link(n ast.Node) Link {
	return Link{Dest: string(n.(*ast.Link).Destination), Line: d.Line(d.start(n))}
}

// FillBlocks makes the blocks and links of a Doc from ScanNotes; it does
// nothing on a Doc whose blocks are made.
func (d *Doc) FillBlocks() {
	if d.root != nil {
		d.fillBlocks(d.root)
		for _, n := range d.marks {
			if _, ok := n.(*ast.Link); ok {
				d.Links = append(d.Links, d.link(n))
			}
		}
		d.root, d.marks = nil, nil
		d.giveBack()
	}
}

// splitFront finds the front matter the extension accepted: the lines between
// the first line (---) and the next line of exactly as many dashes.
func splitFront(src []byte) (front []byte, line, bodyStart int) {
	first := bytes.IndexByte(src, '\n')
	if first < 0 {
		return []byte{}, 2, len(src)
	}
	delim := strings.TrimRight(string(src[:first]), "\r")
	start := first + 1
	for off := start; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		next := len(src)
		if end >= 0 {
			next = off + end + 1
		}
		if strings.TrimRight(string(src[off:next]), "\r\n") == delim {
			return src[start:off], 2, next
		}
		off = next
	}
	return src[start:], 2, len(src)
}

// lineStarts are the offsets where the lines of src start, written in
// buf when it is not nil (grown as need be), else in a slice of their
// number.
func lineStarts(src []byte, buf []int) []int {
	var starts []int
	if buf != nil {
		starts = append(buf[:0], 0)
	} else {
		starts = make([]int, 1, 1+bytes.Count(src, []byte{'\n'}))
	}
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return starts
		}
		off += i + 1
		starts = append(starts, off)
	}
}

// Line returns the 1-based line of byte offset off.
func (d *Doc) Line(off int) int {
	return sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > off })
}

// start is the byte offset where n begins in the source. Container blocks
// have no position of their own in some goldmark versions, so it falls back
// to their first descendant that has one.
func (d *Doc) start(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	if n.Type() != ast.TypeInline && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if s := d.start(c); s >= 0 {
			return s
		}
	}
	return -1
}

func (d *Doc) block(n ast.Node) Block {
	start := max(d.start(n), d.BodyStart)
	b := Block{Start: d.at(start), Line: d.Line(start)}
	switch n := n.(type) {
	case *ast.Heading:
		b.Kind, b.Level = Heading, n.Level
		b.Text = d.inline(n)
	case *ast.Paragraph, *ast.TextBlock:
		b.Kind = Paragraph
		b.Text = d.inline(n)
	case *ast.List:
		b.Kind, b.ordered = List, n.IsOrdered()
		if d.textOnly {
			b.Text = d.listOnlyText(n)
			break
		}
		b.parts = &parts{items: d.listItems(n)}
		b.Text = listText(b.parts.items, n.IsOrdered(), n.Start)
	case *east.Table:
		b.Kind = Table
		if d.textOnly {
			b.Text = d.tableOnlyText(n)
			break
		}
		b.parts = &parts{}
		b.parts.header, b.parts.rows = d.table(n)
		b.Text = tableText(b.parts.header, b.parts.rows)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		b.Kind = Code
		b.Text = strings.TrimRight(d.lines(n), "\n")
	case *ast.Blockquote:
		b.Kind = Quote
		b.Text = d.children(n)
	default:
		b.Kind = Other
	}
	return b
}

// lines is the source of n's lines, with Rewrite's edits made.
func (d *Doc) lines(n ast.Node) string {
	start := len(d.buf)
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		d.buf = d.appendRewritten(d.buf, seg.Start, seg.Stop)
	}
	return d.take(start)
}

// children is the plain text of a container's blocks, one paragraph apart.
func (d *Doc) children(n ast.Node) string {
	base := len(d.parts)
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t := d.block(c).Text; t != "" {
			if len(d.parts) > base {
				d.parts = append(d.parts, "\n\n")
			}
			d.parts = append(d.parts, t)
		}
	}
	return d.joinParts(base)
}

func (d *Doc) listItems(l *ast.List) []ListItem {
	var items []ListItem
	for c := l.FirstChild(); c != nil; c = c.NextSibling() {
		it := ListItem{Start: d.start(c)}
		if it.Start < 0 {
			it.Start = d.start(l)
		}
		it.Line = d.Line(it.Start)
		it.Start = d.at(it.Start)
		var parts []string
		for b := c.FirstChild(); b != nil; b = b.NextSibling() {
			if b == c.FirstChild() {
				if cb, ok := b.FirstChild().(*east.TaskCheckBox); ok {
					it.Task, it.Checked = true, cb.IsChecked
				}
				if _, ok := b.(*ast.List); !ok {
					it.Lead, it.Tail = d.leadTail(b)
				}
			}
			blk := d.block(b)
			if blk.Kind == List {
				parts = append(parts, indent(blk.Text))
			} else if blk.Text != "" {
				parts = append(parts, blk.Text)
			}
		}
		it.Text = strings.Join(parts, "\n")
		items = append(items, it)
	}
	return items
}

// leadTail splits a paragraph into its text and the code spans that end it.
func (d *Doc) leadTail(p ast.Node) (string, []string) {
	last := p.LastChild()
	var tail []string
	for last != nil {
		if cs, ok := last.(*ast.CodeSpan); ok {
			tail = append([]string{d.inlineText(cs)}, tail...)
			last = last.PreviousSibling()
			continue
		}
		if t, ok := last.(*ast.Text); ok && len(bytes.TrimSpace(t.Segment.Value(d.Source))) == 0 && len(tail) > 0 {
			last = last.PreviousSibling()
			continue
		}
		break
	}
	start := len(d.buf)
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		d.writeInline(c)
		if c == last {
			break
		}
	}
	if last == nil {
		d.buf = d.buf[:start]
	}
	return strings.TrimSpace(d.take(start)), tail
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

func listText(items []ListItem, ordered bool, start int) string {
	var sb strings.Builder
	n := 0
	for _, it := range items {
		n += len(it.Text) + len("- [ ] \n")
	}
	sb.Grow(n)
	for i, it := range items {
		if i > 0 {
			sb.WriteByte('\n')
		}
		switch {
		case it.Task && it.Checked:
			sb.WriteString("- [x] ")
		case it.Task:
			sb.WriteString("- [ ] ")
		case ordered:
			sb.WriteString(orderedMarker(start + i))
		default:
			sb.WriteString("- ")
		}
		sb.WriteString(it.Text)
	}
	return sb.String()
}

func tableText(header []Cell, rows []Row) string {
	var lines []string
	line := func(cells []Cell) string {
		var s []string
		for _, c := range cells {
			s = append(s, strings.ReplaceAll(c.Text, "\n", " / "))
		}
		return strings.Join(s, "\t")
	}
	lines = append(lines, line(header))
	for _, r := range rows {
		lines = append(lines, line(r.Cells))
	}
	return strings.Join(lines, "\n")
}

// listOnlyText is listText(d.listItems(l), …) without the items. Its
// parts are gathered first (on d.parts, which nested lists share as a
// stack), so the text is made at its size rather than grown by doubling.
func (d *Doc) listOnlyText(l *ast.List) string {
	base := len(d.parts)
	i := 0
	for c := l.FirstChild(); c != nil; c = c.NextSibling() {
		if i > 0 {
			d.parts = append(d.parts, "\n")
		}
		var cb *east.TaskCheckBox
		if b := c.FirstChild(); b != nil {
			cb, _ = b.FirstChild().(*east.TaskCheckBox)
		}
		switch {
		case cb != nil && cb.IsChecked:
			d.parts = append(d.parts, "- [x] ")
		case cb != nil:
			d.parts = append(d.parts, "- [ ] ")
		case l.IsOrdered():
			d.parts = append(d.parts, orderedMarker(l.Start+i))
		default:
			d.parts = append(d.parts, "- ")
		}
		first := true
		for b := c.FirstChild(); b != nil; b = b.NextSibling() {
			blk := d.block(b)
			part := blk.Text
			if blk.Kind == List {
				part = indent(part)
			} else if part == "" {
				continue
			}
			if !first {
				d.parts = append(d.parts, "\n")
			}
			first = false
			d.parts = append(d.parts, part)
		}
		i++
	}
	return d.joinParts(base)
}

// tableOnlyText is tableText(d.table(t)) without the cells.
func (d *Doc) tableOnlyText(t *east.Table) string {
	base := len(d.parts)
	row := func(r ast.Node) {
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			if c != r.FirstChild() {
				d.parts = append(d.parts, "\t")
			}
			d.parts = append(d.parts, strings.ReplaceAll(strings.TrimSpace(d.inline(c)), "\n", " / "))
		}
	}
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		if _, ok := r.(*east.TableHeader); ok {
			row(r)
			break
		}
	}
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		if _, ok := r.(*east.TableHeader); !ok {
			d.parts = append(d.parts, "\n")
			row(r)
		}
	}
	return d.joinParts(base)
}

func (d *Doc) table(t *east.Table) (header []Cell, rows []Row) {
	for r := t.FirstChild(); r != nil; r = r.NextSibling() {
		var cells []Cell
		for c := r.FirstChild(); c != nil; c = c.NextSibling() {
			raw := strings.TrimSpace(d.lines(c))
			cells = append(cells, Cell{
				Text: strings.TrimSpace(d.inline(c)),
				Raw:  strings.ReplaceAll(raw, `\|`, "|"),
			})
		}
		if _, ok := r.(*east.TableHeader); ok {
			header = cells
			continue
		}
		rows = append(rows, Row{Line: d.Line(max(d.start(r), 0)), Cells: cells})
	}
	return header, rows
}

// orderedMarker is "n. ", the marker of item n of a numbered list.
func orderedMarker(n int) string {
	if n >= 0 && n < len(orderedMarkers) {
		return orderedMarkers[n]
	}
	return itoa(n) + ". "
}

// orderedMarkers are the markers of the first items, made once rather
// than for every item of every numbered list.
var orderedMarkers = func() (m [100]string) {
	for i := range m {
		m[i] = itoa(i) + ". "
	}
	return m
}()

func itoa(i int) string {
	if i < 0 {
		return "-" + itoa(-i)
	}
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
