// Package usage remembers what one agent does with the knowledge base:
// favourite items and items recently copied, in a small JSON file in the
// data directory, so the Find screen can open on what the agent reaches for
// most. What is typed into template forms names customers, so it is never
// written: it lives in a Call, in memory, until the next call starts.
package usage

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/poisehq/poise/internal/atomicfile"
)

// FileName is the usage file's name inside the data directory.
const FileName = "usage.json"

// MaxRecent caps the recently copied list; older copies fall off.
const MaxRecent = 20

// Copy is one item the agent copied, and when. Option is the id of the
// matrix option copied ("" for other kinds): a knowledge-base id, never
// text the agent typed, so no customer detail reaches the disk.
type Copy struct {
	ID     string    `json:"id"`
	Option string    `json:"option,omitempty"`
	At     time.Time `json:"at"`
}

// file is the JSON layout; fields are only ever added, except "values"
// (customers' details typed into forms, kept before calls existed), which
// Open removes from the disk.
type file struct {
	Favourites []string `json:"favourites"`
	Recent     []Copy   `json:"recent"`
}

// legacyFile holds what older versions wrote and this one must erase.
type legacyFile struct {
	Values map[string]json.RawMessage `json:"values"`
}

// Store is the usage file, read once and written on every change. It is
// safe for concurrent use.
type Store struct {
	path string
	mu   sync.Mutex
	f    file
}

// Open reads path; a missing file is an empty store. A file that cannot be
// parsed gives an empty store and an error, so the app still runs and the
// next change replaces the broken file. A file holding form values from an
// older version is written again without them at once.
func Open(path string) (*Store, error) {
	s := &Store{path: path}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return s, fmt.Errorf("read usage: %w", err)
	}
	var f file
	if err := json.Unmarshal(data, &f); err != nil {
		return s, fmt.Errorf("read usage %s: %w", path, err)
	}
	s.f = f
	var old legacyFile
	if json.Unmarshal(data, &old) == nil && old.Values != nil {
		s.mu.Lock()
		defer s.mu.Unlock()
		if err := s.save(); err != nil {
			return s, fmt.Errorf("remove customer details from %s: %w", path, err)
		}
	}
	return s, nil
}

// Favourites returns the favourite item ids, most recently added first.
func (s *Store) Favourites() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.f.Favourites)
}

// IsFavourite reports whether id is a favourite.
func (s *Store) IsFavourite(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Contains(s.f.Favourites, id)
}

// SetFavourite adds or removes id from the favourites.
func (s *Store) SetFavourite(id string, on bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	i := slices.Index(s.f.Favourites, id)
	switch {
	case on && i < 0:
		s.f.Favourites = slices.Insert(s.f.Favourites, 0, id)
	case !on && i >= 0:
		s.f.Favourites = slices.Delete(s.f.Favourites, i, i+1)
	default:
		return nil
	}
	return s.save()
}

// Recent returns the ids of recently copied items, newest first, each once.
func (s *Store) Recent() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]string, len(s.f.Recent))
	for i, c := range s.f.Recent {
		ids[i] = c.ID
	}
	return ids
}

// RecentOption is the matrix option last copied from item id, "" when
// none was recorded.
func (s *Store) RecentOption(id string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.f.Recent {
		if c.ID == id {
			return c.Option
		}
	}
	return ""
}

// RecordCopy notes that id was copied at t, moving it to the front.
func (s *Store) RecordCopy(id string, t time.Time) error {
	return s.RecordOptionCopy(id, "", t)
}

// RecordOptionCopy notes that option (an option id of matrix item id) was
// copied at t, so copying from Recent gives the same option again.
func (s *Store) RecordOptionCopy(id, option string, t time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.f.Recent = slices.DeleteFunc(s.f.Recent, func(c Copy) bool { return c.ID == id })
	s.f.Recent = slices.Insert(s.f.Recent, 0, Copy{ID: id, Option: option, At: t.UTC()})
	if len(s.f.Recent) > MaxRecent {
		s.f.Recent = s.f.Recent[:MaxRecent]
	}
	return s.save()
}

// Defaults are the ids the Find screen shows before anything is typed:
// favourites, then recent copies that are not favourites.
func (s *Store) Defaults() []string {
	ids := s.Favourites()
	for _, id := range s.Recent() {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}

// save writes the file; the caller holds mu. Only the user can read it:
// what an agent copies is their own business.
func (s *Store) save() error {
	data, err := json.MarshalIndent(s.f, "", "  ")
	if err != nil {
		return fmt.Errorf("encode usage: %w", err)
	}
	if err := atomicfile.Write(s.path, data, 0o600); err != nil {
		return fmt.Errorf("save usage: %w", err)
	}
	return nil
}
