package mdparse

import (
	"slices"

	"github.com/yuin/goldmark/ast"
)

// Scratch is the memory of the parts of a Doc that its caller is done
// with once it has built the note's items: its line starts, blocks,
// wikilinks, the nodes Rewrite reads and the code spans. A caller
// scanning note after note (ScanNotesWith) lends each Doc the same
// Scratch, rather than making them afresh for every note (a fifteenth of
// what loading a vault allocated). The zero Scratch is ready to use.
type Scratch struct {
	lines     []int
	blocks    []Block
	wikilinks []Wikilink
	marks     []ast.Node
	code      [][2]int
}

// ScanNotesWith is ScanNotes making the Doc's line starts, blocks,
// wikilinks and code spans in s. The Doc, its Blocks and Wikilinks may
// be used until the next ScanNotesWith with s, which writes over them;
// its Links, Source, texts and tags are its own.
func ScanNotesWith(src []byte, s *Scratch) *Doc {
	if s.lines == nil {
		s.lines = make([]int, 0, 256)
	}
	// What the last note's parts point to is let go: the tails its
	// entries leave are not written over by this note's.
	clear(s.blocks[:cap(s.blocks)])
	clear(s.wikilinks[:cap(s.wikilinks)])
	clear(s.marks[:cap(s.marks)])
	d := parseDocWith(src, notesParsers, false, true, s)
	s.lines = d.lineStarts
	return d
}

// blocksRoom is an empty slice with room for n blocks, from d's Scratch
// when it has one.
func (d *Doc) blocksRoom(n int) []Block {
	if d.scratch == nil {
		return make([]Block, 0, n)
	}
	d.scratch.blocks = slices.Grow(d.scratch.blocks[:0], n)
	return d.scratch.blocks
}

// wikilinksRoom is an empty slice with room for n wikilinks, from d's
// Scratch when it has one.
func (d *Doc) wikilinksRoom(n int) []Wikilink {
	if d.scratch == nil {
		return make([]Wikilink, 0, n)
	}
	d.scratch.wikilinks = slices.Grow(d.scratch.wikilinks[:0], n)
	return d.scratch.wikilinks
}

// keepScratch gives d's Scratch the marks and code spans d grew, for
// the next note.
func (d *Doc) keepScratch() {
	if s := d.scratch; s != nil {
		if cap(d.marks) > cap(s.marks) {
			s.marks = d.marks[:0]
		}
		if cap(d.code) > cap(s.code) {
			s.code = d.code[:0]
		}
	}
}
