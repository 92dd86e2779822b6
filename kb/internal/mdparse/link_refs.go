package mdparse

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkRefsFirst is goldmark's link reference transformer, asked only about
// paragraphs that can start with a definition. Goldmark's makes a block
// reader for every paragraph before it looks (a tenth of what parsing a
// vault allocated), and a definition is a paragraph whose first character
// other than white space is '[' (parseLinkReferenceDefinition gives up on
// anything else): other paragraphs it leaves as they are.
type linkRefsFirst struct{}

func (linkRefsFirst) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	if firstNonSpace(node.Lines(), reader.Source()) == '[' {
		parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
	}
}

// firstNonSpace is the first byte of lines that goldmark does not count
// as white space, 0 when there is none.
func firstNonSpace(lines *text.Segments, src []byte) byte {
	for i := range lines.Len() {
		seg := lines.At(i)
		for _, c := range seg.Value(src) {
			if !util.IsSpace(c) {
				return c
			}
		}
	}
	return 0
}

// newParser is goldmark's default parser with linkRefsFirst in place of
// its link reference transformer, keptParagraphs in place of its list
// parser, and the extra inline parsers.
func newParser(inline ...util.PrioritizedValue) parser.Parser {
	blocks := parser.DefaultBlockParsers()
	for i, b := range blocks {
		if b.Value == parser.NewListParser() {
			blocks[i].Value = keptParagraphs{parser.NewListParser()}
		}
	}
	return parser.NewParser(parser.WithBlockParsers(blocks...),
		parser.WithInlineParsers(append(parser.DefaultInlineParsers(), inline...)...),
		parser.WithParagraphTransformers(util.Prioritized(linkRefsFirst{}, 100)),
	)
}
