package mdparse

import (
	"strings"
	"testing"
)

// checkBlockText fails t when a note's blocks, or the text of any run of
// them, read other than they should: the blocks as Parse's blocks (which
// are copied out one by one), runs as their texts joined; and when parsing
// another note changes them (the buffer they were written in is lent to
// it).
func checkBlockText(t *testing.T, src, other string) {
	t.Helper()
	d := ParseNotes([]byte(src))
	full := parseDoc([]byte(src), notesParsers, true, false, nil)
	if len(full.Blocks) != len(d.Blocks) {
		t.Fatalf("%q: %d blocks, %d with items", src, len(d.Blocks), len(full.Blocks))
	}
	texts := make([]string, len(d.Blocks))
	for i, b := range d.Blocks {
		if b.Text != full.Blocks[i].Text {
			t.Fatalf("%q: block %d reads %q, with items %q", src, i, b.Text, full.Blocks[i].Text)
		}
		texts[i] = strings.Clone(b.Text)
	}
	runs := map[[2]int]string{}
	for i := range d.Blocks {
		for j := i; j <= len(d.Blocks); j++ {
			got, want := d.Text(d.Blocks[i:j]), joinText(d.Blocks[i:j])
			if got != want {
				t.Fatalf("%q: blocks %d to %d read %q, want %q", src, i, j, got, want)
			}
			runs[[2]int{i, j}] = got
			if own := d.Own(got); own != got {
				t.Fatalf("Own(%q) = %q", got, own)
			}
		}
	}
	ParseNotes([]byte(other))
	for i, b := range d.Blocks {
		if b.Text != texts[i] {
			t.Fatalf("%q: block %d read %q, after another note %q", src, i, texts[i], b.Text)
		}
	}
	for r, s := range runs {
		if want := joinText(d.Blocks[r[0]:r[1]]); s != want {
			t.Fatalf("%q: blocks %d to %d read %q after another note, want %q", src, r[0], r[1], s, want)
		}
	}
}

func TestBlockText(t *testing.T) {
	for _, src := range []string{
		"# Title\n\nIntro *words* and [[Note]].\n\n- a\n- b\n  - c\n\n  more\n\n> quote\n>\n> two\n\n| h | i |\n|---|---|\n| x<br>y | z |\n\n```\ncode\n```\n\n## Part\n\ntext\n\n---\n\nend\n",
		"> [!tip] Be kind\n> body [[Note|x]]\n\n1. one\n2. [ ] two\n\n    indented code\n\n<div>html</div>\n\nafter\n",
		"", "just text", "# only a heading\n", "---\ntitle: x\n---\nbody\n",
	} {
		checkBlockText(t, src, strings.Repeat("Other note's words. ", 50)+"\n\n- list\n- items\n")
	}
}

// FuzzBlockText checks any note's blocks and runs of them, and that
// parsing another note leaves them as they were.
func FuzzBlockText(f *testing.F) {
	for _, s := range []string{
		"a\n\nb\n\n- c\n- d\n", "> q\n>\n> - r\n\n| a |\n|---|\n| b |\n", "# h\n\np\n\n## i\n\n```\nx\n```\n",
		"- [ ] a\n  - [x] b\n\n    c\n", "[[a]] *b* `c` <br> &amp; \\*\n", "> [!note] T\n> [[x]]\n",
	} {
		f.Add(s, "other\n\n- x\n")
	}
	f.Fuzz(func(t *testing.T, src, other string) {
		if len(src) > 2048 || len(other) > 2048 || strings.ContainsRune(src, '\r') {
			return
		}
		checkBlockText(t, src, other)
	})
}

// Entities and escapes are resolved, in the order goldmark resolves them:
// an entity that makes a backslash escapes what follows it.
func TestBlockTextEntities(t *testing.T) {
	for src, want := range map[string]string{
		"a &amp; b &eacute; \\* c":        "a & b é * c",
		"&bsol;* and \\\\ and &unknown;":  "* and \\ and &unknown;",
		"plain words, nothing to resolve": "plain words, nothing to resolve",
		"`&amp; \\*` in code":             "&amp; \\* in code",
	} {
		if got := ParseNotes([]byte(src)).Blocks[0].Text; got != want {
			t.Errorf("%q reads %q, want %q", src, got, want)
		}
	}
}
