package mdparse

import (
	"strings"
	"sync"
	"unsafe"

	"github.com/yuin/goldmark/ast"
)

// How block texts are made without a string for each piece of each block.
//
// Every text is written into d.buf, a buffer lent to the Doc while its
// blocks are made. For a Doc of Parse a text is copied out of it when made
// (lists' items and tables' cells are kept). For a note (textOnly) only
// the top-level blocks' texts are kept: the texts of the pieces a block is
// made of (a list's items, a quote's paragraphs) are read from d.buf where
// they were written, and d.buf is not written over until the block's text
// is kept. It is then copied into d.kept after the texts before it, a
// blank line apart, and once every block is made, d.kept into d.text,
// made at its size, so the text of blocks in a row, which each of the
// note's items is (Text), is a slice of it rather than another copy: the
// copies were a tenth of what loading a vault allocated.

// bufs lends the buffers blocks are written in.
var bufs = sync.Pool{New: func() any { return new([]byte) }}

// take is the text written to d.buf since start.
func (d *Doc) take(start int) string {
	b := d.buf[start:]
	if len(b) == 0 {
		return ""
	}
	if d.textOnly {
		// Read where it is: d.buf is written over only once the block's
		// text is kept (keep), and then goes on from where it is.
		return unsafe.String(&b[0], len(b))
	}
	s := string(b)
	d.buf = d.buf[:start]
	return s
}

// joinParts is d.parts[base:] written one after another; they are taken
// off d.parts.
func (d *Doc) joinParts(base int) string {
	start := len(d.buf)
	for _, p := range d.parts[base:] {
		d.buf = append(d.buf, p...)
	}
	clear(d.parts[base:])
	d.parts = d.parts[:base]
	return d.take(start)
}

// fillBlocks makes d.Blocks of the top-level blocks of root.
func (d *Doc) fillBlocks(root ast.Node) {
	// Blocks are large: sized once, not grown by doubling (a tenth of
	// what parsing a large library allocated was their copies).
	d.Blocks = d.blocksRoom(root.ChildCount())
	lent := bufs.Get().(*[]byte)
	d.buf = (*lent)[:0]
	var kept *[]byte
	if d.textOnly {
		kept = bufs.Get().(*[]byte)
		d.kept = (*kept)[:0]
	}
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		b := d.block(n)
		if d.textOnly {
			b.Text = d.keep(b.Text, b.Kind == Heading)
			d.buf = d.buf[:0]
		}
		d.Blocks = append(d.Blocks, b)
	}
	if d.textOnly {
		d.placeKept()
		if cap(d.kept) <= maxLentBuf { // one very long note must not make every later one hold its memory
			*kept = d.kept[:0]
			bufs.Put(kept)
		}
		d.kept = nil
	}
	*lent = d.buf[:0]
	d.buf = nil
	bufs.Put(lent)
}

// maxLentBuf bounds the buffers fillBlocks gives back to bufs.
const maxLentBuf = 1 << 20

// keep is the text s of a top-level block of a note, copied out of d.buf:
// a heading's into a string of its own (an item's title, which outlives
// its text when a library sheds its bodies), any other's into d.kept
// after the last block's, a blank line apart. Only the length of what it
// returns for such a block may be read until placeKept makes it the
// text's place in d.text.
func (d *Doc) keep(s string, heading bool) string {
	if s == "" {
		return ""
	}
	if heading {
		return strings.Clone(s)
	}
	if len(d.kept) > 0 {
		d.kept = append(d.kept, '\n', '\n')
	}
	d.kept = append(d.kept, s...)
	return s
}

// placeKept copies the texts kept into d.text, made at their size, and
// makes each block's Text its place there. The texts were gathered in a
// buffer lent note after note: d.text made as large as the rest of the
// note whenever it was full held a sixth more than the texts (5 of the
// 32 MB a vault's texts took).
func (d *Doc) placeKept() {
	if len(d.kept) == 0 {
		return
	}
	if len(d.text) > 0 {
		d.older = append(d.older, d.text)
	}
	d.text = append([]byte(nil), d.kept...)
	off := 0
	for i := range d.Blocks {
		b := &d.Blocks[i]
		if b.Kind == Heading || b.Text == "" {
			continue
		}
		b.Text = unsafe.String(&d.text[off], len(b.Text))
		off += len(b.Text) + 2
	}
}

// Text is the plain text of blocks of d, a paragraph apart: their Texts
// that are not empty, joined with a blank line. For blocks of a note in a
// row it is a slice of the texts kept (keep), when they are there one
// after another a blank line apart; else they are joined.
func (d *Doc) Text(blocks []Block) string {
	var chunk []byte
	first, end := 0, 0
	for _, b := range blocks {
		if b.Text == "" {
			continue
		}
		c, off := d.keptIn(b.Text)
		switch {
		case c == nil:
			return joinText(blocks)
		case chunk == nil:
			chunk, first = c, off
		case unsafe.SliceData(c) != unsafe.SliceData(chunk) || off != end+2 || chunk[end] != '\n' || chunk[end+1] != '\n':
			return joinText(blocks)
		}
		end = off + len(b.Text)
	}
	if chunk == nil {
		return ""
	}
	return unsafe.String(&chunk[first], end-first)
}

// keptIn is the buffer of kept texts s is in, and where in it, nil when s
// is in none of them.
func (d *Doc) keptIn(s string) ([]byte, int) {
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	for i := len(d.older); i >= 0; i-- {
		c := d.text
		if i < len(d.older) {
			c = d.older[i]
		}
		if len(c) == 0 {
			continue
		}
		if base := uintptr(unsafe.Pointer(&c[0])); p >= base && p+uintptr(len(s)) <= base+uintptr(len(c)) {
			return c, int(p - base)
		}
	}
	return nil, 0
}

// Own is s, copied when it is part of the texts kept for the note's
// blocks: a summary, kept when a library sheds its bodies, must not keep
// the whole note's text.
func (d *Doc) Own(s string) string {
	if c, _ := d.keptIn(s); c != nil {
		return strings.Clone(s)
	}
	return s
}

// joinText is the non-empty Texts of blocks, a blank line apart.
func joinText(blocks []Block) string {
	n, parts := 0, 0
	for _, b := range blocks {
		if b.Text != "" {
			n += len(b.Text) + 2
			parts++
		}
	}
	if parts == 0 {
		return ""
	}
	var sb strings.Builder
	sb.Grow(n - 2)
	for _, b := range blocks {
		if b.Text != "" {
			if sb.Len() > 0 {
				sb.WriteString("\n\n")
			}
			sb.WriteString(b.Text)
		}
	}
	return sb.String()
}
