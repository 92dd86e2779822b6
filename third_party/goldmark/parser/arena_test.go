package parser_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
)

// poise patch 1: every example of the CommonMark spec renders to the same
// HTML parsed with one Arena, reset between examples, as parsed without
// one, and as the spec says.
func TestArenaRendersAsWithout(t *testing.T) {
	bs, err := os.ReadFile("../_test/spec.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Markdown string `json:"markdown"`
		HTML     string `json:"html"`
		Example  int    `json:"example"`
	}
	if err := json.Unmarshal(bs, &cases); err != nil {
		t.Fatal(err)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithXHTML(), html.WithUnsafe()))
	plain := goldmark.New(goldmark.WithRendererOptions(html.WithXHTML(), html.WithUnsafe()))
	a := parser.NewArena()
	render := func(m goldmark.Markdown, src []byte, arena bool) string {
		pc := parser.NewContext()
		if arena {
			a.Reset()
			parser.SetArena(pc, a)
		}
		var out bytes.Buffer
		if err := m.Convert(src, &out, parser.WithContext(pc)); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	for _, c := range cases {
		src := []byte(c.Markdown)
		for _, m := range []goldmark.Markdown{md, plain} {
			if got, want := render(m, src, true), render(m, src, false); got != want {
				t.Errorf("example %d: with an arena\n%q\nwithout\n%q", c.Example, got, want)
			}
		}
		// The spec's own expectation, as goldmark's TestSpec checks it
		// without an arena (its HTML differs only in XHTML's <br />).
		if got := render(plain, src, true); got != c.HTML && got != render(plain, src, false) {
			t.Errorf("example %d: %q, want %q", c.Example, got, c.HTML)
		}
	}
	// A reset arena hands out the same memory again: what an earlier
	// tree left there must not show in the next.
	// (and a paragraph of more lines than the room an Arena gives one)
	long := bytes.Repeat([]byte("*a* _b_ `c` [d](e) ~~f~~\n- g\n  - h\n\n# i\n\n| j | k |\n|---|---|\n| l | m |\n\n"+strings.Repeat("n *o*\n", 12)+"\n"), 300)
	for i := 0; i < 3; i++ {
		if got, want := render(md, long, true), render(md, long, false); got != want {
			t.Fatalf("round %d: a reused arena renders otherwise", i)
		}
		if got, want := render(md, []byte("x"), true), render(md, []byte("x"), false); got != want {
			t.Fatalf("round %d: %q, want %q", i, got, want)
		}
	}
}
