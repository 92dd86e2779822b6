package search

import (
	"encoding/json"

	"github.com/poisehq/poise/internal/textsearch"
	"github.com/poisehq/poise/kb"
)

// storedHit is what the index keeps of each item, so that a hit can be
// shown (title, kind, pack and snippet) from the index alone, without
// loading the library: what lets "poise search" answer at once.
type storedHit struct {
	Kind     string   `json:"k"`
	Pack     string   `json:"p"`
	Title    string   `json:"t"`
	Snippets []string `json:"s,omitempty"` // snippet texts, best first
}

// maxStoredSnippet bounds each stored snippet text: a snippet is a line
// or two, found near the start of a text in practice, and a long guide's
// whole body would double the index's size for nothing.
const maxStoredSnippet = 2048

// encodeHit is the stored form of it; plain is textsearch.PlainText, or
// one that remembers the texts itemDocument made plain already.
func encodeHit(it *kb.Item, plain func(string) string) []byte {
	h := storedHit{Kind: string(it.Kind), Pack: it.Pack, Title: it.Title}
	for _, src := range snippetSources(it, plain) {
		s := src()
		if len(s) > maxStoredSnippet {
			cut := maxStoredSnippet
			for cut > 0 && s[cut]&0xC0 == 0x80 { // not inside a character
				cut--
			}
			s = s[:cut]
		}
		h.Snippets = append(h.Snippets, s)
	}
	b, err := json.Marshal(h)
	if err != nil {
		return nil
	}
	return b
}

// storedTexts shows hits from what the index stores, for an index opened
// without its library (OpenCurrent).
type storedTexts struct{ eng *textsearch.Index }

func (t storedTexts) Hit(id string) (textsearch.Hit, []func() string, bool) {
	raw, err := t.eng.Stored(id)
	if err != nil || raw == nil {
		return textsearch.Hit{}, nil, false
	}
	var h storedHit
	if json.Unmarshal(raw, &h) != nil {
		return textsearch.Hit{}, nil, false
	}
	from := make([]func() string, len(h.Snippets))
	for i, s := range h.Snippets {
		from[i] = func() string { return s }
	}
	return textsearch.Hit{ID: id, Kind: h.Kind, Source: h.Pack, Title: h.Title}, from, true
}

// Defaults is empty: a blank query lists the library, which an index
// opened without it does not have. The CLI never asks one.
func (storedTexts) Defaults(textsearch.Query, int) []textsearch.Hit { return nil }
