package mdparse

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Wikilink is an Obsidian [[link]] or ![[embed]] of the body: what it names
// and where it is written, so the caller can rewrite it once it knows what
// the target is.
type Wikilink struct {
	Start, End int    // byte span in Source, brackets (and the ! of an embed) included
	Line       int    // 1-based
	Target     string // the note or file named, as written: "Folder/Note" or "picture.png"; "" for [[#Heading]]
	Fragment   string // after the first #: a heading, or ^block-id; "" when none
	Label      string // after |: the words shown instead of the target; "" when none
	Embed      bool   // ![[…]]
	// Alone: the link is the only thing on its line, so an embed may be
	// shown as a block of its own.
	Alone bool
}

// Display is the words a wikilink shows: its label, else its target (and
// heading) as Obsidian writes them.
func (w Wikilink) Display() string {
	switch {
	case w.Label != "":
		return w.Label
	case w.Target == "":
		return strings.TrimPrefix(w.Fragment, "^")
	case w.Fragment != "":
		return w.Target + " > " + strings.TrimPrefix(w.Fragment, "^")
	}
	return w.Target
}

// Callout is the marker line of an Obsidian callout, "> [!warning] Title".
type Callout struct {
	Start, End int // byte span of the marker and title, without "> "
	Line       int
	Type       string // lower case: note, warning, tip…
	Title      string // "" when the callout has none
}

// ParseNotes parses src as Parse does, and also reads the syntax of note
// apps such as Obsidian that plain folders of notes use: wikilinks, embeds,
// inline #tags and callouts. Code spans and code blocks keep their text
// as written, so syntax shown in code is never read as syntax.
func ParseNotes(src []byte) *Doc {
	return parse(src, notesParsers)
}

// ScanNotes is ParseNotes leaving Blocks and Links empty until FillBlocks (or Rewrite): a note
// whose syntax is rewritten is parsed again, and the blocks of its first
// parse would be thrown away.
func ScanNotes(src []byte) *Doc {
	return parseDoc(src, notesParsers, false, true, nil)
}

// ScanNotesInto is ScanNotes writing the note's line starts in *lines,
// which it sets to the buffer written (grown when the note has more
// lines): a caller scanning note after note lends one buffer to each in
// turn, once it is done with the Doc before.
func ScanNotesInto(src []byte, lines *[]int) *Doc {
	s := Scratch{lines: *lines}
	d := ScanNotesWith(src, &s)
	*lines = s.lines
	return d
}

var notesParsers = newParsers(util.Prioritized(wikilinkParser{}, 199), util.Prioritized(hashtagParser{}, 999))

// wikilinkNode is a parsed [[…]]; its Wikilink is recorded as the document
// is walked.
type wikilinkNode struct {
	ast.BaseInline
	link Wikilink
}

var kindWikilink = ast.NewNodeKind("Wikilink")

func (n *wikilinkNode) Kind() ast.NodeKind { return kindWikilink }

func (n *wikilinkNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// wikilinkParser reads [[target#fragment|label]] and ![[…]] on one line.
type wikilinkParser struct{}

func (wikilinkParser) Trigger() []byte { return []byte{'!', '['} }

// maxWikilink bounds how far a [[ looks for its ]]: a note name is short,
// and a line of unclosed brackets must not make parsing quadratic.
const maxWikilink = 512

func (wikilinkParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	embed := bytes.HasPrefix(line, []byte("![["))
	open := 2
	if embed {
		open = 3
	} else if !bytes.HasPrefix(line, []byte("[[")) {
		return nil
	}
	rest := line[open:min(len(line), open+maxWikilink)]
	end := bytes.Index(rest, []byte("]]"))
	if end < 0 {
		return nil
	}
	inner := string(rest[:end])
	if strings.TrimSpace(inner) == "" || strings.ContainsAny(inner, "[]\n") {
		return nil
	}
	w := Wikilink{Start: seg.Start, End: seg.Start + open + end + 2, Embed: embed}
	target, label, _ := strings.Cut(inner, "|")
	// In a table the | before a label is written \|.
	target, w.Fragment, _ = strings.Cut(strings.TrimSuffix(target, `\`), "#")
	w.Target, w.Fragment, w.Label = strings.TrimSpace(target), strings.TrimSpace(w.Fragment), strings.TrimSpace(label)
	if w.Target == "" && w.Fragment == "" {
		return nil
	}
	block.Advance(open + end + 2)
	if m := memoryOf(pc); m != nil {
		n := m.wikilinks.new()
		n.link = w
		return n
	}
	return &wikilinkNode{link: w}
}

// tagNode is an inline #tag.
type tagNode struct {
	ast.BaseInline
	tag string
}

var kindTag = ast.NewNodeKind("Tag")

func (n *tagNode) Kind() ast.NodeKind { return kindTag }

func (n *tagNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// hashtagParser reads #tag as Obsidian does: after a space or at the start
// of a line, letters, digits, _, - and / with at least one that is not a
// digit, so "#1" and "issue #42" stay words.
type hashtagParser struct{}

func (hashtagParser) Trigger() []byte { return []byte{'#'} }

// maxTag bounds a tag's length in bytes.
const maxTag = 100

func (hashtagParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if prev := block.PrecendingCharacter(); prev != '\n' && !unicode.IsSpace(prev) && prev != utf8.RuneError && prev != '(' {
		return nil
	}
	line, _ := block.PeekLine()
	n, letter := 1, false
	for n < len(line) && n <= maxTag {
		r, size := utf8.DecodeRune(line[n:])
		if !tagRune(r) {
			break
		}
		letter = letter || !unicode.IsDigit(r)
		n += size
	}
	if !letter || n > maxTag {
		return nil
	}
	tag := strings.Trim(string(line[1:n]), "/")
	if tag == "" {
		return nil
	}
	block.Advance(n)
	if m := memoryOf(pc); m != nil {
		t := m.tags.new()
		t.tag = tag
		return t
	}
	return &tagNode{tag: tag}
}

func tagRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_' || r == '-' || r == '/'
}

// callout reads the marker of a blockquote that is an Obsidian callout.
func (d *Doc) callout(q *ast.Blockquote) (Callout, bool) {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return Callout{}, false
	}
	seg := p.Lines().At(0)
	if !bytes.HasPrefix(seg.Value(d.Source), []byte("[!")) {
		return Callout{}, false // what calloutRE would find first; most quotes are no callouts
	}
	line := strings.TrimRight(string(seg.Value(d.Source)), "\r\n")
	typ, title, ok := calloutMarker(line)
	if !ok {
		return Callout{}, false
	}
	return Callout{
		Start: seg.Start, End: seg.Start + len(line), Line: d.Line(seg.Start),
		Type: strings.ToLower(typ), Title: strings.TrimSpace(title),
	}, true
}

// calloutMarker reads a callout's marker line, "[!type]" with an
// optional + or -, then white space and the title: what the expression
// ^\[!([A-Za-z][\w-]*)\][+-]?[ \t]*(.*)$ matches, and its two groups
// (FuzzCalloutMarker compares them), byte by byte rather than with
// regexp, which was a twentieth of parsing a vault of notes.
func calloutMarker(line string) (typ, title string, ok bool) {
	rest, ok := strings.CutPrefix(line, "[!")
	if !ok || rest == "" || !asciiLetter(rest[0]) {
		return "", "", false
	}
	i := 1
	for i < len(rest) && (asciiLetter(rest[i]) || '0' <= rest[i] && rest[i] <= '9' || rest[i] == '_' || rest[i] == '-') {
		i++
	}
	if i == len(rest) || rest[i] != ']' {
		return "", "", false
	}
	typ, rest = rest[:i], rest[i+1:]
	if rest != "" && (rest[0] == '+' || rest[0] == '-') {
		rest = rest[1:]
	}
	rest = strings.TrimLeft(rest, " \t")
	if strings.IndexByte(rest, '\n') >= 0 {
		return "", "", false // . matches no line break, and $ is the end
	}
	return typ, rest, true
}

func asciiLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// notes records what ParseNotes reads as the tree is walked.
func (d *Doc) notes(n ast.Node) {
	switch n := n.(type) {
	case *wikilinkNode:
		if d.Wikilinks == nil {
			// Room for every [[ at once, not grown by doubling (a
			// fiftieth of what loading a vault allocated).
			d.Wikilinks = d.wikilinksRoom(bytes.Count(d.Source, []byte("[[")))
		}
		w := n.link
		w.Line = d.Line(w.Start)
		w.Alone = d.alone(w.Start, w.End)
		d.Wikilinks = append(d.Wikilinks, w)
		if d.root != nil {
			d.marks = append(d.marks, n)
		}
	case *tagNode:
		d.Tags = append(d.Tags, n.tag)
	case *ast.Blockquote:
		if c, ok := d.callout(n); ok {
			d.Callouts = append(d.Callouts, c)
			if d.root != nil {
				d.marks = append(d.marks, n)
			}
		}
	case *ast.CodeSpan:
		span := [2]int{-1, -1}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				if span[0] < 0 {
					span[0] = t.Segment.Start
				}
				span[1] = t.Segment.Stop
			}
		}
		if span[0] >= 0 {
			d.code = append(d.code, span)
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		if l := n.Lines(); l.Len() > 0 {
			d.code = append(d.code, [2]int{l.At(0).Start, l.At(l.Len() - 1).Stop})
		}
	}
}

// alone reports whether nothing but spaces (or a quote's >) shares the
// lines of src[start:end]. It reads outwards from the link only as far as
// the first thing beside it, so a line of many links costs its length
// once, not once per link.
func (d *Doc) alone(start, end int) bool {
	ls := d.lineStarts[d.Line(start)-1]
	for i := start - 1; i >= ls; i-- {
		if c := d.Source[i]; c != ' ' && c != '\t' && c != '>' {
			return false
		}
	}
	for rest := d.Source[end:]; len(rest) > 0; {
		r, n := utf8.DecodeRune(rest)
		if r == '\n' {
			return true
		}
		if !unicode.IsSpace(r) {
			return false
		}
		rest = rest[n:]
	}
	return true
}

// InCode reports whether byte offset off of Source is inside a code span or
// code block (ParseNotes only).
func (d *Doc) InCode(off int) bool {
	for _, c := range d.code {
		if off >= c[0] && off < c[1] {
			return true
		}
	}
	return false
}
