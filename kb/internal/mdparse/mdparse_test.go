package mdparse

import (
	"reflect"
	"testing"
)

func TestParseBlocksAndLines(t *testing.T) {
	src := "---\ntitle: x\n---\nIntro *one*\nwraps.\n\n## Head `two`\n- a `voice`\n- [ ] task\n  - nested\n\n| A | B |\n|---|---|\n| 1\\|x | y<br>z |\n\n```\ncode\n```\n\n> quote\n\nSee [l](a.md#b).\n"
	d := Parse([]byte(src))
	if string(d.Front) != "title: x\n" || d.FrontLine != 2 || d.BodyStart != 17 {
		t.Errorf("front = %q line %d body %d", d.Front, d.FrontLine, d.BodyStart)
	}
	type blk struct {
		Kind Kind
		Line int
		Text string
	}
	var got []blk
	for _, b := range d.Blocks {
		got = append(got, blk{b.Kind, b.Line, b.Text})
	}
	want := []blk{
		{Paragraph, 4, "Intro one wraps."},
		{Heading, 7, "Head two"},
		{List, 8, "- a voice\n- [ ] task\n  - nested"},
		{Table, 12, "A\tB\n1|x\ty / z"},
		{Code, 16, "code"},
		{Quote, 20, "quote"},
		{Paragraph, 22, "See l."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("blocks:\n got %+v\nwant %+v", got, want)
	}
	items := d.Blocks[2].Items()
	if items[0].Lead != "a" || !reflect.DeepEqual(items[0].Tail, []string{"voice"}) || items[0].Line != 8 {
		t.Errorf("item 0 = %+v", items[0])
	}
	if !items[1].Task || items[1].Checked || items[1].Line != 9 {
		t.Errorf("item 1 = %+v", items[1])
	}
	row := d.Blocks[3].Rows()[0]
	if row.Line != 14 || row.Cells[0].Raw != "1|x" || row.Cells[1].Text != "y\nz" {
		t.Errorf("row = %+v", row)
	}
	if !reflect.DeepEqual(d.Links, []Link{{Dest: "a.md#b", Line: 22}}) {
		t.Errorf("links = %+v", d.Links)
	}
}

func TestParseUnclosedFrontMatter(t *testing.T) {
	d := Parse([]byte("---\ntitle: x\n"))
	if string(d.Front) != "title: x\n" || len(d.Blocks) != 0 {
		t.Errorf("front = %q, blocks %d", d.Front, len(d.Blocks))
	}
}

func TestLine(t *testing.T) {
	d := Parse([]byte("a\nb\n\nc"))
	for off, want := range map[int]int{0: 1, 1: 1, 2: 2, 4: 3, 5: 4, 99: 4} {
		if got := d.Line(off); got != want {
			t.Errorf("Line(%d) = %d, want %d", off, got, want)
		}
	}
}
