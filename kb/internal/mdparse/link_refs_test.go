package mdparse

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// goldmarkNotes is goldmark's own parser, with its own link reference
// transformer, and the note syntax: what linkRefsFirst stands in for.
var goldmarkNotes = &sync.Pool{New: func() any {
	p := goldmark.DefaultParser()
	p.AddOptions(parser.WithInlineParsers(notesInline...))
	return newMarkdown(p)
}}

var notesInline = []util.PrioritizedValue{util.Prioritized(wikilinkParser{}, 199), util.Prioritized(hashtagParser{}, 999)}

// linkRefsOnly is the notes' parser's setup: its trees are goldmark's own.
var linkRefsOnly = &sync.Pool{New: func() any {
	return newMarkdown(parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(append(parser.DefaultInlineParsers(), notesInline...)...),
		parser.WithParagraphTransformers(util.Prioritized(linkRefsFirst{}, 100))))
}}

// tree writes the tree goldmark makes of src with md, node by node, with
// everything about each node that blocks and links are made of.
func tree(md goldmark.Markdown, src []byte) string {
	return treeLent(md, src, false)
}

// treeLent is tree, with the nodes made in lent memory when lent is set.
func treeLent(md goldmark.Markdown, src []byte, lent bool) string {
	ctx := parser.NewContext()
	if lent {
		defer lend(ctx).giveBack()
	}
	root := md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	var refs []string // in no order: goldmark keeps them in a map
	for _, r := range ctx.References() {
		refs = append(refs, fmt.Sprintf("ref %q %q %q\n", r.Label(), r.Destination(), r.Title()))
	}
	slices.Sort(refs)
	var sb strings.Builder
	sb.WriteString(strings.Join(refs, ""))
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			sb.WriteString(")\n")
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(&sb, "(%s pos %d", n.Kind(), n.Pos())
		if n.Type() != ast.TypeInline {
			fmt.Fprintf(&sb, " blank %v", n.HasBlankPreviousLines())
			for i := range n.Lines().Len() {
				fmt.Fprintf(&sb, " %+v", n.Lines().At(i))
			}
		}
		switch n := n.(type) {
		case *ast.Text:
			fmt.Fprintf(&sb, " %+v soft %v hard %v raw %v", n.Segment, n.SoftLineBreak(), n.HardLineBreak(), n.IsRaw())
		case *ast.String:
			fmt.Fprintf(&sb, " %q", n.Value)
		case *ast.Link:
			fmt.Fprintf(&sb, " %q %q", n.Destination, n.Title)
		case *ast.Image:
			fmt.Fprintf(&sb, " %q %q", n.Destination, n.Title)
		case *ast.Heading:
			fmt.Fprintf(&sb, " level %d", n.Level)
		case *ast.List:
			fmt.Fprintf(&sb, " %c start %d tight %v", n.Marker, n.Start, n.IsTight)
		case *ast.ListItem:
			fmt.Fprintf(&sb, " offset %d", n.Offset)
		case *ast.Emphasis:
			fmt.Fprintf(&sb, " level %d", n.Level)
		case *ast.AutoLink:
			fmt.Fprintf(&sb, " %q", n.URL(src))
		case *ast.RawHTML:
			for i := range n.Segments.Len() {
				fmt.Fprintf(&sb, " %+v", n.Segments.At(i))
			}
		case *east.Table:
			fmt.Fprintf(&sb, " %v", n.Alignments)
		case *east.TaskCheckBox:
			fmt.Fprintf(&sb, " %v", n.IsChecked)
		case *wikilinkNode:
			fmt.Fprintf(&sb, " %+v", n.link)
		case *tagNode:
			fmt.Fprintf(&sb, " %q", n.tag)
		}
		sb.WriteByte('\n')
		return ast.WalkContinue, nil
	})
	return sb.String()
}

// sameAsGoldmark fails t when src parses to another tree with
// linkRefsFirst than with goldmark's own transformer, or to other blocks,
// links or note syntax with notesParsers than with goldmark's own parser.
func sameAsGoldmark(t *testing.T, name string, src []byte) {
	t.Helper()
	ours, theirs := linkRefsOnly.Get().(goldmark.Markdown), goldmarkNotes.Get().(goldmark.Markdown)
	got, want := tree(ours, src), tree(theirs, src)
	linkRefsOnly.Put(ours)
	goldmarkNotes.Put(theirs)
	if got != want {
		t.Fatalf("%s: tree differs from goldmark's:\n got %s\nwant %s", name, got, want)
	}
	// Made in memory lent by the last parse (poise patch 1's Arena and
	// the note syntax's slabs), the notes' tree is the one made without.
	notes := notesParsers.Get().(goldmark.Markdown)
	got, want = treeLent(notes, src, true), treeLent(notes, src, false)
	notesParsers.Put(notes)
	if got != want {
		t.Fatalf("%s: tree made in lent memory differs:\n got %s\nwant %s", name, got, want)
	}
	// The links, wikilinks and tags are those ast.Walk finds, in its
	// order (Doc.note walks the tree its own way).
	var walked struct {
		links     []string
		wikilinks []int
		tags      []string
	}
	theirs = goldmarkNotes.Get().(goldmark.Markdown)
	_ = ast.Walk(theirs.Parser().Parse(text.NewReader(src)), func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Link:
			if entering {
				walked.links = append(walked.links, string(n.Destination))
			}
		case *wikilinkNode:
			if entering {
				walked.wikilinks = append(walked.wikilinks, n.link.Start)
			}
		case *tagNode:
			if entering {
				walked.tags = append(walked.tags, n.tag)
			}
		}
		return ast.WalkContinue, nil
	})
	goldmarkNotes.Put(theirs)
	notesDoc := parseDoc(src, notesParsers, true, true, nil)
	var found struct {
		links     []string
		wikilinks []int
		tags      []string
	}
	for _, l := range notesDoc.Links {
		found.links = append(found.links, l.Dest)
	}
	for _, w := range notesDoc.Wikilinks {
		found.wikilinks = append(found.wikilinks, w.Start)
	}
	found.tags = notesDoc.Tags
	if !reflect.DeepEqual(found, walked) {
		t.Fatalf("%s: %q: links and note syntax differ from ast.Walk's:\n got %+v\nwant %+v", name, src, found, walked)
	}
	for _, textOnly := range []bool{false, true} {
		g, w := parseDoc(src, notesParsers, true, textOnly, nil), parseDoc(src, goldmarkNotes, true, textOnly, nil)
		for _, f := range []struct {
			what      string
			got, want any
		}{
			{"blocks", g.Blocks, w.Blocks}, {"links", g.Links, w.Links}, {"references", g.refs, w.refs},
			{"wikilinks", g.Wikilinks, w.Wikilinks}, {"tags", g.Tags, w.Tags}, {"callouts", g.Callouts, w.Callouts},
			{"code", g.code, w.code},
		} {
			if !reflect.DeepEqual(f.got, f.want) {
				t.Fatalf("%s: %q: %s differ from goldmark's:\n got %+v\nwant %+v", name, src, f.what, f.got, f.want)
			}
		}
	}
}

// Every markdown file of the repository (bundled content, test packs),
// and the files of POISE_VAULT_DIR when it is set (a real vault), parse
// as goldmark's own parser parses them.
func TestLinkRefsFirstAsGoldmark(t *testing.T) {
	roots := []string{"../../.."}
	if v := os.Getenv("POISE_VAULT_DIR"); v != "" {
		roots = append(roots, v)
	}
	n := 0
	for _, root := range roots {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
				return err
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sameAsGoldmark(t, p, src)
			n++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if n < 100 {
		t.Fatalf("only %d markdown files compared", n)
	}
}

// FuzzLinkRefsFirst checks that any markdown parses as goldmark's own
// parser parses it.
func FuzzLinkRefsFirst(f *testing.F) {
	for _, s := range []string{
		"[a]: /url\n\n[a]\n", "  [a]: <b> 'c'\n[d]: e\npara [a]\n", "\t\n [x]:\n/y\n", "text\n[a]: /b\n",
		"- [a]: /b\n- [a]\n", "> [ref]:  /x \"t\"\n> [ref]\n", "| [a] | b |\n|---|---|\n\n[a]: /c\n",
		"[[wiki]]: not a ref\n", "[a]:\n\n[a]\n", "   [a]: /b\n    [c]: /d\n",
		"plain words\nand more  \nhard break\n\n- item one\n- item two\n\n  loose\n", "  lead\n   trail   \n", "Title\n===\n\nText\n---\n",
		"> quoted plain\n> lines\n\n1. one\n   two\n", "a\n\n    code\n\nb\u00a0c  \n", "x |\n|-|\n| y |\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4096 {
			return
		}
		sameAsGoldmark(t, "fuzz", []byte(src))
	})
}
