package parser

// poise patch 1: an Arena the nodes of a parse are taken from, so that a
// caller parsing file after file reuses the memory of the trees it is done
// with instead of allocating every node afresh. Without an arena (SetArena
// never called on the context) parsing allocates as upstream does.

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// arenaChunk is how many nodes of a kind one allocation holds.
const arenaChunk = 256

// arenaKeptChunks bounds the chunks of a kind an Arena keeps across Reset:
// one very large file must not make every later parse hold its memory.
const arenaKeptChunks = 64

// An Arena holds the nodes that parses made with it (SetArena) are made
// of: texts, paragraphs, headings, lists and their items, code spans,
// emphasis, and the delimiters and link labels used while parsing. It is
// not safe for concurrent use: one parse at a time.
type Arena struct {
	texts     slab[ast.Text]
	paras     slab[ast.Paragraph]
	heads     slab[ast.Heading]
	lists     slab[ast.List]
	items     slab[ast.ListItem]
	spans     slab[ast.CodeSpan]
	emphasis  slab[ast.Emphasis]
	delims    slab[Delimiter]
	linkLabel slab[linkLabelState]
	// lines is where paragraphs' and headings' lines start: growing each
	// block's from nothing was a fifth of the allocations of loading a
	// vault of notes.
	lines lineChunks
}

// paragraphLines is the room for lines a paragraph starts with: most
// have fewer.
const paragraphLines = 8

// lineChunks hands out room for lines from chunks kept across Reset. A
// segment holds no pointer: what a reset chunk still holds is
// overwritten before it is read (a block's lines start empty).
type lineChunks struct {
	chunks [][]text.Segment
	c, i   int // the next room starts at chunks[c][i]
}

// room is an empty text.Segments with room for n lines.
func (l *lineChunks) room(n int) text.Segments {
	if l.c < len(l.chunks) && l.i+n > len(l.chunks[l.c]) {
		l.c, l.i = l.c+1, 0
	}
	if l.c == len(l.chunks) {
		l.chunks = append(l.chunks, make([]text.Segment, arenaChunk*paragraphLines))
	}
	buf := l.chunks[l.c][l.i : l.i+n : l.i+n]
	l.i += n
	return text.NewSegmentsIn(buf)
}

func (l *lineChunks) reset() {
	if len(l.chunks) > arenaKeptChunks {
		l.chunks = l.chunks[:arenaKeptChunks]
	}
	l.c, l.i = 0, 0
}

// NewArena returns an empty Arena.
func NewArena() *Arena { return &Arena{} }

// Reset makes the memory of every node made with a since the last Reset
// available to the next parse. Nothing may use those nodes any longer.
func (a *Arena) Reset() {
	a.texts.reset()
	a.paras.reset()
	a.heads.reset()
	a.lists.reset()
	a.items.reset()
	a.spans.reset()
	a.emphasis.reset()
	a.delims.reset()
	a.linkLabel.reset()
	a.lines.reset()
}

var arenaKey = NewContextKey()

// SetArena makes the parse using pc take its nodes from a.
func SetArena(pc Context, a *Arena) { pc.Set(arenaKey, a) }

func arenaOf(pc Context) *Arena {
	if pc == nil {
		return nil
	}
	a, _ := pc.Get(arenaKey).(*Arena)
	return a
}

// slab hands out zeroed T's from chunks, kept and cleared by reset.
type slab[T any] struct {
	chunks [][]T
	c, i   int // the next T is chunks[c][i]
}

func (s *slab[T]) new() *T {
	if s.c == len(s.chunks) {
		s.chunks = append(s.chunks, make([]T, arenaChunk))
	}
	p := &s.chunks[s.c][s.i]
	if s.i++; s.i == arenaChunk {
		s.c, s.i = s.c+1, 0
	}
	return p
}

// reset clears what was handed out (so nothing it points to stays
// reachable, and new hands out zeroed T's) and starts again.
func (s *slab[T]) reset() {
	for c := 0; c < s.c && c < len(s.chunks); c++ {
		clear(s.chunks[c])
	}
	if s.c < len(s.chunks) {
		clear(s.chunks[s.c][:s.i])
	}
	if len(s.chunks) > arenaKeptChunks {
		clear(s.chunks[arenaKeptChunks:])
		s.chunks = s.chunks[:arenaKeptChunks]
	}
	s.c, s.i = 0, 0
}

// The constructors below make what ast's do, from pc's arena when it has
// one.

func newTextSegment(pc Context, v text.Segment) *ast.Text {
	a := arenaOf(pc)
	if a == nil {
		return ast.NewTextSegment(v)
	}
	t := a.texts.new()
	t.Segment = v
	return t
}

func newRawTextSegment(pc Context, v text.Segment) *ast.Text {
	a := arenaOf(pc)
	if a == nil {
		return ast.NewRawTextSegment(v)
	}
	t := a.texts.new()
	t.Segment = v
	t.SetRaw(true)
	return t
}

func newParagraph(pc Context) *ast.Paragraph {
	if a := arenaOf(pc); a != nil {
		p := a.paras.new()
		lines := a.lines.room(paragraphLines)
		p.SetLines(&lines)
		return p
	}
	return ast.NewParagraph()
}

func newHeading(pc Context, level int) *ast.Heading {
	a := arenaOf(pc)
	if a == nil {
		return ast.NewHeading(level)
	}
	h := a.heads.new()
	h.Level = level
	lines := a.lines.room(1)
	h.SetLines(&lines)
	return h
}

func newList(pc Context, marker byte) *ast.List {
	a := arenaOf(pc)
	if a == nil {
		return ast.NewList(marker)
	}
	l := a.lists.new()
	l.Marker, l.IsTight = marker, true
	return l
}

func newListItem(pc Context, offset int) *ast.ListItem {
	a := arenaOf(pc)
	if a == nil {
		return ast.NewListItem(offset)
	}
	it := a.items.new()
	it.Offset = offset
	return it
}

func newCodeSpan(pc Context) *ast.CodeSpan {
	if a := arenaOf(pc); a != nil {
		return a.spans.new()
	}
	return ast.NewCodeSpan()
}

func newLinkLabelStateIn(pc Context, segment text.Segment, isImage bool) *linkLabelState {
	a := arenaOf(pc)
	if a == nil {
		return newLinkLabelState(segment, isImage)
	}
	s := a.linkLabel.new()
	s.Segment, s.IsImage = segment, isImage
	return s
}

// newDelimiterIn is NewDelimiter from a's memory when a is not nil.
func newDelimiterIn(a *Arena, canOpen, canClose bool, length int, char byte, processor DelimiterProcessor) *Delimiter {
	if a == nil {
		return NewDelimiter(canOpen, canClose, length, char, processor)
	}
	d := a.delims.new()
	d.CanOpen, d.CanClose, d.Length, d.OriginalLength, d.Char, d.Processor = canOpen, canClose, length, length, char, processor
	return d
}

// onMatch is processor.OnMatch(consumes), with emphasis from pc's arena.
func onMatch(pc Context, processor DelimiterProcessor, consumes int) ast.Node {
	if a := arenaOf(pc); a != nil && processor == defaultEmphasisDelimiterProcessor {
		e := a.emphasis.new()
		e.Level = consumes
		return e
	}
	return processor.OnMatch(consumes)
}

// mergeOrAppendTextSegment is ast.MergeOrAppendTextSegment with a new
// Text from pc's arena.
func mergeOrAppendTextSegment(pc Context, parent ast.Node, s text.Segment) {
	last := parent.LastChild()
	t, ok := last.(*ast.Text)
	if ok && t.Segment.Stop == s.Start && !t.SoftLineBreak() {
		t.Segment = t.Segment.WithStop(s.Stop)
	} else {
		parent.AppendChild(parent, newTextSegment(pc, s))
	}
}

// mergeOrReplaceTextSegment is ast.MergeOrReplaceTextSegment with a new
// Text from pc's arena.
func mergeOrReplaceTextSegment(pc Context, parent ast.Node, n ast.Node, s text.Segment) {
	prev := n.PreviousSibling()
	if t, ok := prev.(*ast.Text); ok && t.Segment.Stop == s.Start && !t.SoftLineBreak() {
		t.Segment = t.Segment.WithStop(s.Stop)
		parent.RemoveChild(parent, n)
	} else {
		parent.ReplaceChild(parent, n, newTextSegment(pc, s))
	}
}
