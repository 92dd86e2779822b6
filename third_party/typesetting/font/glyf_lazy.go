package font

import "github.com/go-text/typesetting/font/opentype/tables"

// glyfTable is the 'glyf' table kept as its bytes and 'loca' offsets, each
// glyph parsed when it is used (poise patch 1): parsing every glyph at load,
// as tables.ParseGlyf does, turned the 3.6 MB 'glyf' table of a CJK
// fallback font into about 14 MB of point slices kept for the font's life,
// though a text uses a few hundred of its glyphs.
type glyfTable struct {
	raw  []byte
	loca []uint32 // len = number of glyphs + 1, or 0 when the font has no valid 'glyf'
}

// newGlyfTable checks every glyph as tables.ParseGlyf would, so a font whose
// 'glyf' table ParseGlyf rejects has none here either, and keeps only the
// bytes and offsets.
func newGlyfTable(raw []byte, loca []uint32) (glyfTable, error) {
	for i := 0; i+1 < len(loca); i++ {
		start, end := loca[i], loca[i+1]
		if start == end {
			continue
		}
		if _, _, err := tables.ParseGlyph(raw[start:end]); err != nil {
			return glyfTable{}, err
		}
	}
	return glyfTable{raw: raw, loca: loca}, nil
}

// len is the number of glyphs, as len(tables.Glyf) was.
func (g glyfTable) len() int {
	if len(g.loca) == 0 {
		return 0
	}
	return len(g.loca) - 1
}

// get parses glyph gid (< g.len()), as tables.ParseGlyf did at load: the
// zero Glyph for a glyph without outline.
func (g glyfTable) get(gid gID) tables.Glyph {
	start, end := g.loca[gid], g.loca[gid+1]
	if start == end {
		return tables.Glyph{}
	}
	// newGlyfTable checked it parses.
	gl, _, _ := tables.ParseGlyph(g.raw[start:end])
	return gl
}
