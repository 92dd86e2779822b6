package mdparse

import (
	"sync"

	"github.com/yuin/goldmark/parser"
)

// How a tree's nodes are made without allocating them for every file.
//
// A tree is done with as soon as a Doc's blocks and links are made of it
// (parseDoc, FillBlocks, Rewrite), and loading parses file after file:
// the memory of one file's tree can hold the next one's. Its nodes are
// taken from a treeMemory (goldmark's with poise patch 1, its Arena, and
// the note syntax's own), lent to the Doc while it keeps its tree and
// given back when its blocks are made. Allocating every node afresh was
// two fifths of what loading a vault allocated, and a third of its CPU.

// treeMemory is the memory one tree at a time is made in.
type treeMemory struct {
	goldmark  *parser.Arena
	wikilinks slab[wikilinkNode]
	tags      slab[tagNode]
}

// treeMemories lends each parse a treeMemory.
var treeMemories = sync.Pool{New: func() any { return &treeMemory{goldmark: parser.NewArena()} }}

// treeMemoryKey is where a parse's context holds its treeMemory, for the
// note syntax's parsers.
var treeMemoryKey = parser.NewContextKey()

// lend makes the parse with pc take its nodes from a treeMemory, which it
// returns.
func lend(pc parser.Context) *treeMemory {
	m := treeMemories.Get().(*treeMemory)
	parser.SetArena(pc, m.goldmark)
	pc.Set(treeMemoryKey, m)
	return m
}

// memoryOf is the treeMemory the parse with pc takes its nodes from, nil
// when it has none.
func memoryOf(pc parser.Context) *treeMemory {
	m, _ := pc.Get(treeMemoryKey).(*treeMemory)
	return m
}

// giveBack returns the memory d's tree was made in, once nothing holds a
// node of it.
func (d *Doc) giveBack() {
	if d.mem != nil {
		d.mem.giveBack()
	}
	d.mem, d.root, d.marks, d.hasBlock = nil, nil, nil, nil
}

// giveBack makes m's memory that of the next tree lent it.
func (m *treeMemory) giveBack() {
	m.goldmark.Reset()
	m.wikilinks.reset()
	m.tags.reset()
	treeMemories.Put(m)
}

// slabChunk is how many nodes of a kind one allocation holds, and
// slabKeptChunks how many chunks a slab keeps when reset: a very large
// note must not make every later parse hold its memory.
const (
	slabChunk      = 256
	slabKeptChunks = 16
)

// slab hands out zeroed T's from chunks, cleared and kept by reset (as
// goldmark's Arena does for its own nodes).
type slab[T any] struct {
	chunks [][]T
	c, i   int // the next T is chunks[c][i]
}

func (s *slab[T]) new() *T {
	if s.c == len(s.chunks) {
		s.chunks = append(s.chunks, make([]T, slabChunk))
	}
	p := &s.chunks[s.c][s.i]
	if s.i++; s.i == slabChunk {
		s.c, s.i = s.c+1, 0
	}
	return p
}

func (s *slab[T]) reset() {
	for c := 0; c < s.c && c < len(s.chunks); c++ {
		clear(s.chunks[c])
	}
	if s.c < len(s.chunks) {
		clear(s.chunks[s.c][:s.i])
	}
	if len(s.chunks) > slabKeptChunks {
		clear(s.chunks[slabKeptChunks:])
		s.chunks = s.chunks[:slabKeptChunks]
	}
	s.c, s.i = 0, 0
}
