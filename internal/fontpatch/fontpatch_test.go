package fontpatch

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"
)

// glyphsSum is the SHA-256 (first 8 bytes) of every glyph's extents,
// advance and outline, glyph ids 0 to 70,000.
func glyphsSum(f *font.Face) string {
	h := sha256.New()
	for gid := font.GID(0); gid <= 70000; gid++ {
		e, ok := f.GlyphExtents(gid)
		fmt.Fprintf(h, "%d %v %v %v|", gid, e, ok, f.HorizontalAdvance(gid))
		switch d := f.GlyphData(gid).(type) {
		case font.GlyphOutline:
			fmt.Fprintf(h, "%v", d.Segments)
		case nil:
		default:
			fmt.Fprintf(h, "%T", d)
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil)[:8])
}

// Every glyph of Fyne's bundled fonts reads as with upstream go-text
// v0.2.1 (sums recorded with go.mod's replace of go-text removed): patch
// 1 parses a glyph when it is used, not all at load.
func TestGlyphsAsUpstream(t *testing.T) {
	for _, c := range []struct {
		name string
		res  fyne.Resource
		sum  string
	}{
		{"regular", theme.DefaultTextFont(), "cb8078f6aa51e021"},
		{"bold", theme.DefaultTextBoldFont(), "5ada7e774e9c7433"},
		{"italic", theme.DefaultTextItalicFont(), "276fafd3831fec2c"},
		{"monospace", theme.DefaultTextMonospaceFont(), "d0a2577d0ed540d5"},
		{"emoji", theme.DefaultEmojiFont(), "f37799e641a995f0"},
	} {
		f, err := font.ParseTTF(bytes.NewReader(c.res.Content()))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := glyphsSum(f); got != c.sum {
			t.Errorf("%s font: glyphs sum %s, upstream %s", c.name, got, c.sum)
		}
	}
}

// The same font file parsed twice gives two faces of one Font (patch 2:
// Fyne parses its emoji font once per text style); a file differing in
// one byte gets its own.
func TestSameFileSharesItsFont(t *testing.T) {
	data := theme.DefaultTextFont().Content()
	a, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	b, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if a == b || a.Font != b.Font {
		t.Errorf("same file: faces %p %p of fonts %p %p, want two faces of one font", a, b, a.Font, b.Font)
	}
	other := bytes.Clone(data)
	other[len(other)-1] ^= 0xff // in the last table's padding or data: still parses
	c, err := font.ParseTTF(bytes.NewReader(other))
	if err != nil {
		t.Fatal(err)
	}
	if c.Font == a.Font {
		t.Error("a file differing in one byte shares the other's Font")
	}
}
