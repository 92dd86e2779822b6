package mdparse

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// inline is the plain text of a block's inline content.
func (d *Doc) inline(n ast.Node) string {
	start := len(d.buf)
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		d.writeInline(c)
	}
	return strings.TrimSpace(d.take(start))
}

// inlineText is the plain text of one inline node and its children.
func (d *Doc) inlineText(n ast.Node) string {
	start := len(d.buf)
	d.writeInline(n)
	return d.take(start)
}

// writeInline writes n as plain text: emphasis and links become their words,
// code spans their code, <br> a newline; soft line breaks become spaces so
// wrapped prose copies as one line.
func (d *Doc) writeInline(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		seg := n.Segment
		if e := d.calloutMarker(n); e != nil {
			if seg.Start == e.Start {
				d.buf = append(d.buf, e.marker...)
			}
			seg.Start = min(max(seg.Start, e.titleAt), seg.Stop)
		}
		v := seg.Value(d.Source)
		// Entities start with & and escapes with \: text with neither, most
		// of it, is as written (the three passes over every text were a
		// third of making a note's blocks).
		if !n.IsRaw() && (bytes.IndexByte(v, '&') >= 0 || bytes.IndexByte(v, '\\') >= 0) {
			v = util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(v)))
		}
		d.buf = append(d.buf, v...)
		switch {
		case n.HardLineBreak():
			d.buf = append(d.buf, '\n')
		case n.SoftLineBreak():
			d.buf = append(d.buf, ' ')
		}
		return
	case *ast.String:
		d.buf = append(d.buf, n.Value...)
		return
	case *east.TaskCheckBox:
		return
	case *ast.RawHTML:
		var raw strings.Builder
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			raw.Write(seg.Value(d.Source))
		}
		if isBreak(raw.String()) {
			d.buf = append(d.buf, '\n')
		}
		return
	case *ast.AutoLink:
		d.buf = append(d.buf, n.URL(d.Source)...)
		return
	case *ast.Image:
		// An image's words are its alt text: its children, as for a link.
	case *wikilinkNode:
		if e := d.editAt(n.link.Start); e != nil {
			d.buf = append(d.buf, e.Text...)
			return
		}
		d.buf = append(d.buf, n.link.Display()...)
		return
	case *tagNode:
		d.buf = append(append(d.buf, '#'), n.tag...)
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		d.writeInline(c)
	}
}

func isBreak(tag string) bool {
	t := strings.ToLower(strings.ReplaceAll(tag, " ", ""))
	return t == "<br>" || t == "<br/>"
}
