package search

import (
	"encoding/binary"
	"errors"
	"strings"
	"unsafe"

	"github.com/poisehq/poise/internal/textsearch"
	"github.com/poisehq/poise/kb"
)

// storedHit is what the index keeps of each item, so that a hit can be
// shown (title, kind, pack and snippet) from the index alone, without
// loading the library: what lets "poise search" answer at once, and the
// app show hits of packs whose bodies it let go (Library.BodiesShed).
type storedHit struct {
	Kind     string
	Pack     string
	Title    string
	Snippets []string // snippet texts, best first (snippetSources)
}

// maxStoredSnippet bounds each stored snippet text: a snippet is a line
// or two, found near the start of a text in practice, and a long guide's
// whole body would double the index's size for nothing.
const maxStoredSnippet = 2048

// storedFormat is the first byte of a stored hit, naming its layout:
//
//	format, then kind, pack and title, each as a uvarint length and bytes,
//	then the number of snippets, then each snippet as a uvarint n:
//	  n even: n/2 bytes of text follow;
//	  n odd:  it is the first n/2 bytes of the snippet whose index follows
//	          (a uvarint), which is one of the first kind.
//
// Most items' snippets repeat one another (a section's summary is the
// start of its text, and its markdown body made plain is its text): on the
// issue 10 vault, 68 MB stored as JSON, 25 MB this way.
const storedFormat = 1

// errStoredHit means a stored hit is not one this Poise wrote.
var errStoredHit = errors.New("stored hit is damaged or of another format")

// encodeHit is the stored form of it, in sc's buffer (valid until sc is
// used again); text and body are itemDocument's plain texts of it.Text
// and (unless it is a guide with sections) it.Body.
func (sc *docScratch) encodeHit(it *kb.Item, text, body []byte) []byte {
	// The snippet texts, in snippetSources' order. They are read here
	// only, before any buffer they point into is reused.
	str := func(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
	txt := str(text)
	bodyText := ""
	switch {
	case it.Body == it.Text:
	case len(it.Sections) > 0:
		sc.head = plainHead(sc.head[:0], it.Body, maxStoredSnippet)
		bodyText = str(sc.head)
	default:
		bodyText = str(body)
	}
	var snips [4]string
	switch it.Kind {
	case kb.KindStatement, kb.KindPhrase, kb.KindTemplate:
		phrase := ""
		if it.Phrase != nil {
			sc.line = append(sc.line[:0], it.Phrase.InsteadOf...)
			sc.line = append(sc.line, " → "...)
			sc.line = appendJoined(sc.line, it.Phrase.Try, " / ")
			phrase = str(sc.line)
		}
		snips = [4]string{txt, phrase, it.Summary, bodyText}
	default:
		sc.line = appendJoined(sc.line[:0], it.Signals, " · ")
		snips = [4]string{it.Summary, str(sc.line), txt, bodyText}
	}
	for i, s := range snips {
		snips[i] = cutSnippet(s)
	}

	b := append(sc.enc[:0], storedFormat)
	for _, s := range []string{string(it.Kind), it.Pack, it.Title} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	b = binary.AppendUvarint(b, uint64(len(snips)))
	for i, s := range snips {
		if j := longestWithPrefix(snips[:], i); j != i {
			b = binary.AppendUvarint(b, uint64(len(s))<<1|1)
			b = binary.AppendUvarint(b, uint64(j))
			continue
		}
		b = binary.AppendUvarint(b, uint64(len(s))<<1)
		b = append(b, s...)
	}
	sc.enc = b
	return b
}

// longestWithPrefix is the index of the longest of snips starting with
// snips[i], the first of those when several are: i when snips[i] must be
// stored as it is. The one it names names itself, so no reference leads
// to another.
func longestWithPrefix(snips []string, i int) int {
	best := i
	for j, s := range snips {
		if strings.HasPrefix(s, snips[i]) && (len(s) > len(snips[best]) || len(s) == len(snips[best]) && j < best) {
			best = j
		}
	}
	return best
}

// cutSnippet keeps the first maxStoredSnippet bytes of s, or fewer, so as
// not to end inside a character.
func cutSnippet(s string) string {
	if len(s) <= maxStoredSnippet {
		return s
	}
	cut := maxStoredSnippet
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut]
}

// plainHead appends to dst the start of textsearch.PlainText(md), at least
// its first n bytes when it is longer, making only the first lines of md
// plain: a guide's body is its whole file, and only the start of it is
// stored. PlainText works line by line, so the plain text of the first
// lines is the start of the whole's.
func plainHead(dst []byte, md string, n int) []byte {
	start := len(dst)
	for want := 2 * n; ; want *= 2 {
		end := len(md)
		if want < len(md) {
			if i := strings.IndexByte(md[want:], '\n'); i >= 0 {
				end = want + i
			}
		}
		dst = textsearch.AppendPlainText(dst[:start], md[:end])
		if len(dst)-start > n || end == len(md) {
			return dst
		}
	}
}

// appendJoined appends ss joined by sep, as strings.Join would make them.
func appendJoined(b []byte, ss []string, sep string) []byte {
	for i, s := range ss {
		if i > 0 {
			b = append(b, sep...)
		}
		b = append(b, s...)
	}
	return b
}

// decodeHit reads a stored hit, sharing one copy of raw among its texts.
// The index on disk may be damaged: nothing in raw is trusted.
func decodeHit(raw []byte) (storedHit, error) {
	if len(raw) == 0 || raw[0] != storedFormat {
		return storedHit{}, errStoredHit
	}
	s := string(raw[1:])
	next := func() (uint64, bool) {
		v, k := binary.Uvarint(unsafe.Slice(unsafe.StringData(s), len(s)))
		if k <= 0 {
			return 0, false
		}
		s = s[k:]
		return v, true
	}
	text := func(n uint64) (string, bool) {
		if n > uint64(len(s)) {
			return "", false
		}
		t := s[:n]
		s = s[n:]
		return t, true
	}
	var h storedHit
	for _, f := range []*string{&h.Kind, &h.Pack, &h.Title} {
		n, ok := next()
		if !ok {
			return storedHit{}, errStoredHit
		}
		if *f, ok = text(n); !ok {
			return storedHit{}, errStoredHit
		}
	}
	count, ok := next()
	if !ok || count > uint64(len(s)) { // each snippet takes a byte at least
		return storedHit{}, errStoredHit
	}
	h.Snippets = make([]string, count)
	refs := make([]int, count) // 1 + the snippet each refers to; 0 for none
	lens := make([]uint64, count)
	for i := range h.Snippets {
		n, ok := next()
		if !ok {
			return storedHit{}, errStoredHit
		}
		lens[i] = n >> 1
		if n&1 == 0 {
			if h.Snippets[i], ok = text(n >> 1); !ok {
				return storedHit{}, errStoredHit
			}
			continue
		}
		j, ok := next()
		if !ok || j >= count {
			return storedHit{}, errStoredHit
		}
		refs[i] = int(j) + 1
	}
	if len(s) != 0 {
		return storedHit{}, errStoredHit
	}
	for i, r := range refs {
		if r == 0 {
			continue
		}
		of := h.Snippets[r-1]
		if refs[r-1] != 0 || lens[i] > uint64(len(of)) {
			return storedHit{}, errStoredHit
		}
		h.Snippets[i] = of[:lens[i]]
	}
	return h, nil
}

// storedTexts shows hits from what the index stores, for an index opened
// without its library (OpenCurrent).
type storedTexts struct{ eng *textsearch.Index }

func (t storedTexts) Hit(id string) (textsearch.Hit, []func() string, bool) {
	raw, err := t.eng.Stored(id)
	if err != nil || raw == nil {
		return textsearch.Hit{}, nil, false
	}
	h, err := decodeHit(raw)
	if err != nil {
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
