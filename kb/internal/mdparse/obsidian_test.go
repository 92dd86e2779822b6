package mdparse

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseNotesWikilinks(t *testing.T) {
	src := "See [[Refund policy]] and [[guides/Late delivery#When it is late|the late guide]].\n\n![[Diagram.png]]\n\n> ![[Shared note]]\n\nSame note: [[#Details]]. Not one: [[]] [[a\n`[[in code]]` and [link](x.md)\n"
	d := ParseNotes([]byte(src))
	type wl struct {
		Target, Fragment, Label string
		Embed, Alone            bool
		Line                    int
		Text                    string
	}
	var got []wl
	for _, w := range d.Wikilinks {
		got = append(got, wl{w.Target, w.Fragment, w.Label, w.Embed, w.Alone, w.Line, src[w.Start:w.End]})
	}
	want := []wl{
		{"Refund policy", "", "", false, false, 1, "[[Refund policy]]"},
		{"guides/Late delivery", "When it is late", "the late guide", false, false, 1, "[[guides/Late delivery#When it is late|the late guide]]"},
		{"Diagram.png", "", "", true, true, 3, "![[Diagram.png]]"},
		{"Shared note", "", "", true, true, 5, "![[Shared note]]"},
		{"", "Details", "", false, false, 7, "[[#Details]]"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("wikilinks:\n got %+v\nwant %+v", got, want)
	}
	if d.Blocks[0].Text != "See Refund policy and the late guide." {
		t.Errorf("plain text = %q", d.Blocks[0].Text)
	}
	if !reflect.DeepEqual(d.Links, []Link{{Dest: "x.md", Line: 8}}) {
		t.Errorf("links = %+v", d.Links)
	}
	if off := strings.Index(src, "in code"); !d.InCode(off) || d.InCode(0) {
		t.Errorf("InCode(%d) = %v, InCode(0) = %v", off, d.InCode(off), d.InCode(0))
	}
}

func TestParseNotesTagsAndCallouts(t *testing.T) {
	src := "# Heading is not a tag\n\nTagged #billing/refunds and #vip, not issue#3 or #42 or `#code`.\n\n> [!warning]- Check the order first\n> The customer may be charged twice.\n\n> [!tip]\n> Plain tip.\n\n> A quote [!note] is not a callout.\n\n#日本語\n"
	d := ParseNotes([]byte(src))
	if want := []string{"billing/refunds", "vip", "日本語"}; !reflect.DeepEqual(d.Tags, want) {
		t.Errorf("tags = %q, want %q", d.Tags, want)
	}
	var got [][3]string
	for _, c := range d.Callouts {
		got = append(got, [3]string{c.Type, c.Title, src[c.Start:c.End]})
	}
	want := [][3]string{
		{"warning", "Check the order first", "[!warning]- Check the order first"},
		{"tip", "", "[!tip]"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("callouts = %q, want %q", got, want)
	}
	if d.Callouts[0].Line != 5 {
		t.Errorf("callout line = %d", d.Callouts[0].Line)
	}
}

// Parse, for packs with pack.toml, reads none of it.
func TestParseIgnoresNoteSyntax(t *testing.T) {
	d := Parse([]byte("[[Note]] #tag\n\n> [!note]\n> x\n"))
	if len(d.Wikilinks)+len(d.Tags)+len(d.Callouts) != 0 || d.Blocks[0].Text != "[[Note]] #tag" {
		t.Errorf("Parse read note syntax: %+v %q %+v, text %q", d.Wikilinks, d.Tags, d.Callouts, d.Blocks[0].Text)
	}
}

func FuzzParseNotes(f *testing.F) {
	for _, s := range []string{
		"[[a|b]] ![[c.png]] [[#h]] #tag/x #1",
		"> [!note]- T\n> body\n",
		"[[[[x]]]] ![[ ]] [[a#b#c|d|e]]",
		"---\naliases: [x]\n---\n`[[x]]` #t\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := ParseNotes([]byte(s))
		for _, w := range d.Wikilinks {
			if w.Start < 0 || w.End > len(s) || w.Start >= w.End || w.Line < 1 {
				t.Fatalf("wikilink span %d..%d line %d in %d bytes", w.Start, w.End, w.Line, len(s))
			}
			if !strings.HasSuffix(s[w.Start:w.End], "]]") {
				t.Fatalf("wikilink %q does not end in ]]", s[w.Start:w.End])
			}
		}
		for _, c := range d.Callouts {
			if c.Start < 0 || c.End > len(s) || c.Start > c.End || !strings.HasPrefix(s[c.Start:], "[!") {
				t.Fatalf("callout span %d..%d in %q", c.Start, c.End, s)
			}
		}
		for _, tag := range d.Tags {
			if tag == "" || len(tag) > maxTag || (utf8.ValidString(s) && !utf8.ValidString(tag)) {
				t.Fatalf("tag %q", tag)
			}
		}
		scanned := ScanNotes([]byte(s))
		if len(scanned.Blocks) != 0 {
			t.Fatalf("ScanNotes made %d blocks", len(scanned.Blocks))
		}
		scanned.FillBlocks()
		scanned.FillBlocks() // once is enough; again does nothing
		if !reflect.DeepEqual(scanned, d) {
			t.Fatalf("ScanNotes then FillBlocks differs from ParseNotes:\n%+v\n%+v", scanned, d)
		}
	})
}

// In a table the | before a wikilink's label is escaped as \|.
func TestParseNotesWikilinkInTable(t *testing.T) {
	d := ParseNotes([]byte("| a | b |\n|---|---|\n| [[Note#Part\\|the part]] | x |\n"))
	if len(d.Wikilinks) != 1 {
		t.Fatalf("wikilinks = %+v", d.Wikilinks)
	}
	if w := d.Wikilinks[0]; w.Target != "Note" || w.Fragment != "Part" || w.Label != "the part" || w.Line != 3 {
		t.Errorf("wikilink = %+v", w)
	}
}
