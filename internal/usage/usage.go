// Package usage remembers what one agent does with the knowledge base:
// favourite items, items recently copied, and the last values typed into
// template forms. It is a small JSON file in the data directory, so the Find
// screen can open on what the agent reaches for most.
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

// maxValueLen keeps a pasted novel out of the remembered form values.
const maxValueLen = 2000

// Copy is one item the agent copied, and when.
type Copy struct {
	ID string    `json:"id"`
	At time.Time `json:"at"`
}

// file is the JSON layout; fields are only ever added.
type file struct {
	Favourites []string          `json:"favourites"`
	Recent     []Copy            `json:"recent"`
	Values     map[string]string `json:"values"`
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
// next change replaces the broken file.
func Open(path string) (*Store, error) {
	s := &Store{path: path, f: file{Values: map[string]string{}}}
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
	if f.Values == nil {
		f.Values = map[string]string{}
	}
	s.f = f
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

// RecordCopy notes that id was copied at t, moving it to the front.
func (s *Store) RecordCopy(id string, t time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.f.Recent = slices.DeleteFunc(s.f.Recent, func(c Copy) bool { return c.ID == id })
	s.f.Recent = slices.Insert(s.f.Recent, 0, Copy{ID: id, At: t.UTC()})
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

// Value returns the last value typed for a template field name, so a
// customer's name typed into one template is offered in the next.
func (s *Store) Value(field string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.f.Values[field]
}

// RememberValues keeps the non-empty values of a filled form.
func (s *Store) RememberValues(values map[string]string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	changed := false
	for k, v := range values {
		if v == "" || len(v) > maxValueLen || s.f.Values[k] == v {
			continue
		}
		s.f.Values[k] = v
		changed = true
	}
	if !changed {
		return nil
	}
	return s.save()
}

// save writes the file; the caller holds mu. The file may name customers,
// so only the user can read it.
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
