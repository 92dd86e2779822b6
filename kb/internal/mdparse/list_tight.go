package mdparse

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// keptParagraphs is goldmark's list parser, except that closing a tight
// list leaves its items' paragraphs as they are. Goldmark replaces each
// with a new TextBlock of the same lines, which renders without <p> but
// reads as the same text: the blocks made here treat both alike, and
// the copies were a fortieth of what loading a vault allocated.
type keptParagraphs struct{ parser.BlockParser }

func (p keptParagraphs) Close(node ast.Node, _ text.Reader, _ parser.Context) {
	// Whether the list is tight, as goldmark's Close decides it: no
	// blank line between its items, nor between the blocks of an item.
	list := node.(*ast.List)
	for c := node.FirstChild(); c != nil && list.IsTight; c = c.NextSibling() {
		if c.FirstChild() != nil && c.FirstChild() != c.LastChild() {
			for c1 := c.FirstChild().NextSibling(); c1 != nil; c1 = c1.NextSibling() {
				if c1.HasBlankPreviousLines() {
					list.IsTight = false
					break
				}
			}
		}
		if c != node.FirstChild() && c.HasBlankPreviousLines() {
			list.IsTight = false
		}
	}
}
