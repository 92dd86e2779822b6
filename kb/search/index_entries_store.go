package search

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"sync"

	"github.com/poisehq/poise/internal/textsearch"
)

// Keys of the values kept in the index (textsearch.Change.Internal). A
// pack's entry is kept as a header and one value per file, so that
// editing one file of a large pack rewrites that file's value only.
//
// packsKey names the format: an index keeping entries in another (an
// older Poise's) has none under it, and is rebuilt rather than misread.
const packsKey = "poise.packs/2" // the ids of the packs indexed

// packKey holds a pack's packHeader.
func packKey(id string) string { return "poise.pack/" + id }

// fileKey holds the items of one file of a pack.
func fileKey(id, path string) string { return "poise.file/" + id + "\x00" + path }

// packHeader is a packEntry without its files' items.
type packHeader struct {
	ID        string
	Name      string // the manifest's, for hits shown before the library loads
	Dir       string
	Language  string
	Overrides []string
	Synonyms  [][]string
	Paths     []string
}

func (e *packEntry) header() packHeader {
	h := packHeader{ID: e.ID, Name: e.Name, Dir: e.Dir, Language: e.Language, Overrides: e.Overrides, Synonyms: e.Synonyms}
	h.Paths = make([]string, len(e.Files))
	for i, f := range e.Files {
		h.Paths[i] = f.Path
	}
	return h
}

func encodeHeader(h packHeader) []byte {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(h); err != nil {
		panic(fmt.Sprintf("encode pack entry: %v", err)) // plain data: cannot fail
	}
	return buf.Bytes()
}

// encodeItems writes items compactly: for each, its id's length and bytes
// and its digest. gob would describe its types in every value.
func encodeItems(items []itemEntry) []byte {
	n := binary.MaxVarintLen64
	for _, it := range items {
		n += binary.MaxVarintLen64 + len(it.ID) + len(it.Sum)
	}
	b := make([]byte, 0, n)
	b = binary.AppendUvarint(b, uint64(len(items)))
	for _, it := range items {
		b = binary.AppendUvarint(b, uint64(len(it.ID)))
		b = append(b, it.ID...)
		b = append(b, it.Sum[:]...)
	}
	return b
}

func decodeItems(b []byte) ([]itemEntry, error) {
	bad := fmt.Errorf("read indexed items: %w", errNoEntries)
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return nil, bad
	}
	b = b[k:]
	items := make([]itemEntry, n)
	for i := range items {
		l, k := binary.Uvarint(b)
		if k <= 0 || l > uint64(len(b)-k) || len(b)-k-int(l) < 16 {
			return nil, bad
		}
		b = b[k:]
		items[i].ID = string(b[:l])
		copy(items[i].Sum[:], b[l:l+16])
		b = b[l+16:]
	}
	if len(b) != 0 {
		return nil, bad
	}
	return items, nil
}

// storeEntry sets in internal every value of e: its header and files.
func storeEntry(internal map[string][]byte, e *packEntry) {
	internal[packKey(e.ID)] = encodeHeader(e.header())
	for _, f := range e.Files {
		internal[fileKey(e.ID, f.Path)] = encodeItems(f.Items)
	}
}

// dropEntry removes every value of e from the index.
func dropEntry(internal map[string][]byte, e *packEntry) {
	internal[packKey(e.ID)] = nil
	for _, f := range e.Files {
		internal[fileKey(e.ID, f.Path)] = nil
	}
}

// readEntries reads every pack entry eng keeps, in pack order.
func readEntries(eng *textsearch.Index) ([]*packEntry, error) {
	raw, err := eng.Internal(packsKey)
	if err != nil {
		return nil, err
	}
	if raw == nil {
		return nil, errNoEntries
	}
	var ids []string
	if err := gob.NewDecoder(bytes.NewReader(raw)).Decode(&ids); err != nil {
		return nil, fmt.Errorf("read indexed packs: %w", err)
	}
	out := make([]*packEntry, 0, len(ids))
	for _, id := range ids {
		raw, err := eng.Internal(packKey(id))
		if err != nil {
			return nil, err
		}
		if raw == nil {
			return nil, fmt.Errorf("read indexed pack %s: %w", id, errNoEntries)
		}
		var h packHeader
		if err := gob.NewDecoder(bytes.NewReader(raw)).Decode(&h); err != nil {
			return nil, fmt.Errorf("read indexed pack %s: %w", id, err)
		}
		e := &packEntry{ID: h.ID, Name: h.Name, Dir: h.Dir, Language: h.Language, Overrides: h.Overrides, Synonyms: h.Synonyms, Files: make([]fileEntry, len(h.Paths))}
		for i, p := range h.Paths {
			raw, err := eng.Internal(fileKey(id, p))
			if err != nil {
				return nil, err
			}
			items, err := decodeItems(raw)
			if err != nil {
				return nil, fmt.Errorf("read indexed pack %s, file %s: %w", id, p, err)
			}
			e.Files[i] = fileEntry{Path: p, Items: items}
		}
		out = append(out, e)
	}
	return out, nil
}

// namesOf reads the pack names eng keeps the first time they are asked for.
func namesOf(eng *textsearch.Index) func() map[string]string {
	return sync.OnceValue(func() map[string]string { return readPackNames(eng) })
}

// readPackNames reads the name of every pack eng keeps an entry for,
// from the headers alone (not each file's items): what a hit shows as
// its pack before the library has loaded. Packs indexed by a Poise that
// kept no names are left out.
func readPackNames(eng *textsearch.Index) map[string]string {
	names := map[string]string{}
	raw, err := eng.Internal(packsKey)
	if err != nil || raw == nil {
		return names
	}
	var ids []string
	if gob.NewDecoder(bytes.NewReader(raw)).Decode(&ids) != nil {
		return names
	}
	for _, id := range ids {
		raw, err := eng.Internal(packKey(id))
		if err != nil || raw == nil {
			continue
		}
		var h packHeader
		if gob.NewDecoder(bytes.NewReader(raw)).Decode(&h) == nil && h.Name != "" {
			names[id] = h.Name
		}
	}
	return names
}
