package mdparse

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// inline is the plain text of a block's inline content.
func (d *Doc) inline(n ast.Node) string {
	var sb strings.Builder
	// The text is about as long as the block's source lines: room for it
	// at once rather than grown by doubling.
	if n.Type() != ast.TypeInline && n.Lines().Len() > 0 {
		lines := n.Lines()
		sb.Grow(lines.At(lines.Len()-1).Stop - lines.At(0).Start)
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		d.writeInline(&sb, c)
	}
	return strings.TrimSpace(sb.String())
}

// inlineText is the plain text of one inline node and its children.
func (d *Doc) inlineText(n ast.Node) string {
	var sb strings.Builder
	d.writeInline(&sb, n)
	return sb.String()
}

// writeInline writes n as plain text: emphasis and links become their words,
// code spans their code, <br> a newline; soft line breaks become spaces so
// wrapped prose copies as one line.
func (d *Doc) writeInline(sb *strings.Builder, n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		seg := n.Segment
		if e := d.calloutMarker(n); e != nil {
			if seg.Start == e.Start {
				sb.WriteString(e.marker)
			}
			seg.Start = min(max(seg.Start, e.titleAt), seg.Stop)
		}
		v := seg.Value(d.Source)
		if !n.IsRaw() {
			v = util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(v)))
		}
		sb.Write(v)
		switch {
		case n.HardLineBreak():
			sb.WriteByte('\n')
		case n.SoftLineBreak():
			sb.WriteByte(' ')
		}
		return
	case *ast.String:
		sb.Write(n.Value)
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
			sb.WriteByte('\n')
		}
		return
	case *ast.AutoLink:
		sb.Write(n.URL(d.Source))
		return
	case *ast.Image:
		// An image's words are its alt text: its children, as for a link.
	case *wikilinkNode:
		if e := d.editAt(n.link.Start); e != nil {
			sb.WriteString(e.Text)
			return
		}
		sb.WriteString(n.link.Display())
		return
	case *tagNode:
		sb.WriteString("#" + n.tag)
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		d.writeInline(sb, c)
	}
}

func isBreak(tag string) bool {
	t := strings.ToLower(strings.ReplaceAll(tag, " ", ""))
	return t == "<br>" || t == "<br/>"
}
