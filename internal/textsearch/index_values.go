package textsearch

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"sync"

	"github.com/poisehq/poise/internal/atomicfile"
)

// valuesName is the file beside a stored index's Bleve files holding the
// values kept with it (Corpus.Internal, Change.Internal).
const valuesName = "poise-values"

// valueStore holds the values kept with an index. They are not Bleve's
// internal values, which Bleve reads, every one, whenever it opens an
// index: kb/search keeps a record of every file of every pack there
// (6,400 values, 5 MB for a 6,300-file vault), which was a tenth of what
// "poise search" did, and only updates read it. A stored index keeps them
// in a file of their own, read on first use; it names the content hash
// it was written for, and values written for another hash (a crash
// between an update of the index and of the file) are not used: callers
// see none, and rebuild.
type valueStore struct {
	path string // the file; "" for an index in memory
	// handed, when set, gives the values instead of the file, once: an
	// offline build's, to the index over its unmerged segments, which
	// is searched while the values are still being made and written.
	handed <-chan map[string][]byte

	mu     sync.Mutex
	loaded bool
	valid  bool // the values are the index's; false when none match it
	m      map[string][]byte
}

// valuesFile is the stored form of the values.
type valuesFile struct {
	Hash   string
	Values map[string][]byte
}

func memoryValues(m map[string][]byte) *valueStore {
	return &valueStore{loaded: true, valid: true, m: maps.Clone(m)}
}

func storedValues(indexPath string) *valueStore {
	return &valueStore{path: filepath.Join(indexPath, valuesName)}
}

// get returns the value of key, nil when there is none or the values were
// written for another hash than the index's.
func (s *valueStore) get(key, hash string) ([]byte, error) {
	m, _, err := s.all(hash)
	if err != nil {
		return nil, err
	}
	return m[key], nil
}

// all is every value, read from the file the first time; valid is false
// when there is no file or it was written for another hash.
func (s *valueStore) all(hash string) (m map[string][]byte, valid bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.loaded {
		return s.m, s.valid, nil
	}
	if s.handed != nil {
		s.m, s.valid = <-s.handed, true
		s.loaded = true
		return s.m, s.valid, nil
	}
	raw, err := os.ReadFile(s.path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, false, fmt.Errorf("read index values: %w", err)
	default:
		var f valuesFile
		if err := gob.NewDecoder(bytes.NewReader(raw)).Decode(&f); err != nil {
			return nil, false, fmt.Errorf("read index values %s: %w", s.path, err)
		}
		if f.Hash == hash {
			s.m, s.valid = f.Values, true
		}
	}
	s.loaded = true
	return s.m, s.valid, nil
}

// changed is a store with the values of s changed by set (a nil value
// deletes the key), written for hash when s is stored. Values that did
// not match the index stay unmatched: a change cannot complete them.
func (s *valueStore) changed(set map[string][]byte, oldHash, hash string) (*valueStore, error) {
	old, valid, err := s.all(oldHash)
	if err != nil {
		return nil, err
	}
	ns := &valueStore{path: s.path, loaded: true, valid: valid}
	if !valid {
		if s.path != "" {
			os.Remove(s.path)
		}
		return ns, nil
	}
	ns.m = maps.Clone(old)
	if ns.m == nil {
		ns.m = map[string][]byte{}
	}
	for k, v := range set {
		if v == nil {
			delete(ns.m, k)
		} else {
			ns.m[k] = v
		}
	}
	if s.path != "" {
		if err := writeValues(s.path, hash, ns.m); err != nil {
			// The index holds the new documents and hash already, so this
			// is no failure of the change; the values on disk must just
			// not be read as the new ones: the next process rebuilds.
			os.Remove(s.path)
		}
	}
	return ns, nil
}

// writeValues writes the values of the index whose content hash is hash.
func writeValues(path, hash string, m map[string][]byte) error {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(valuesFile{Hash: hash, Values: m}); err != nil {
		return fmt.Errorf("encode index values: %w", err)
	}
	if err := atomicfile.Write(path, buf.Bytes(), 0o600); err != nil {
		return fmt.Errorf("write index values: %w", err)
	}
	return nil
}
