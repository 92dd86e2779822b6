package search

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/poisehq/poise/internal/atomicfile"
	"github.com/poisehq/poise/internal/textsearch"
	"github.com/poisehq/poise/kb"
)

// ErrStale means the index on disk was not built for the library as it is
// now (or there is none): load the library and Open it.
var ErrStale = errors.New("the search index does not match the library")

// recordName is the file beside the index generations that says which
// library state the current one was built for.
const recordName = "library.state"

// record ties an index generation to the kb.LibraryState it was built
// from, with what opening it needs that would otherwise come from the
// library: its document count and synonyms.
type record struct {
	Key      string           `json:"key"`
	Hash     string           `json:"hash"`
	Len      int              `json:"len"`
	Synonyms [][]string       `json:"synonyms"`
	State    *kb.LibraryState `json:"state"`
}

func readRecord(dir string) (*record, error) {
	raw, err := os.ReadFile(filepath.Join(dir, recordName))
	if err != nil {
		return nil, err
	}
	var r record
	if err := gob.NewDecoder(bytes.NewReader(raw)).Decode(&r); err != nil {
		return nil, fmt.Errorf("read %s: %w", recordName, err)
	}
	return &r, nil
}

// RecordedState is the library state the index in dir was last built or
// opened for, nil when none is recorded. Pass it to kb.ScanLibrary as the
// previous state, so the scan reads only files that changed since.
func RecordedState(dir string) *kb.LibraryState {
	r, err := readRecord(dir)
	if err != nil {
		return nil
	}
	return r.State
}

// OpenCurrent opens the index kept in dir if it was built for the library
// in state, without loading the library: hits come with the titles and
// snippet texts the index stores, and a blank query lists nothing. It
// returns ErrStale when the index is missing or was built for another
// state. This is what lets "poise search" and the app's Find screen
// answer without parsing every file at start.
func OpenCurrent(dir string, state *kb.LibraryState, opts Options) (*Index, error) {
	r, err := readRecord(dir)
	if err != nil || state == nil || r.Key != state.Key() {
		return nil, ErrStale
	}
	timeout := opts.openTimeout
	if timeout <= 0 {
		timeout = textsearch.DefaultOpenTimeout
	}
	path := filepath.Join(dir, r.Hash)
	eng, err := textsearch.OpenStored(path, &textsearch.Corpus{Hash: r.Hash, Len: r.Len, Synonyms: r.Synonyms}, opts.ReadOnly, timeout)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrStale, err)
	}
	return &Index{dir: dir, opts: opts, gen: &generation{eng: eng, hash: r.Hash, path: path}}, nil
}

// remember records that the generation g was built for state, so the next
// OpenCurrent with the same state can use it. Failing to record only costs
// a library load next time.
func (ix *Index) remember(g *generation, c *corpus, state *kb.LibraryState) {
	if state == nil || g.path == "" || ix.opts.ReadOnly {
		return
	}
	var buf bytes.Buffer
	// gob, not JSON: it is read at every start, and for a large library
	// JSON decoding alone took longer than the search.
	if gob.NewEncoder(&buf).Encode(record{Key: state.Key(), Hash: c.hash, Len: len(c.ids), Synonyms: c.sets, State: state}) == nil {
		_ = atomicfile.Write(filepath.Join(ix.dir, recordName), buf.Bytes(), 0o600)
	}
}
