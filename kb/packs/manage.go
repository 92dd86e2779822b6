package packs

import (
	"cmp"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/mine"
)

// Installed describes one pack for the Packs screen and poise pack list.
type Installed struct {
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	Version     string          `json:"version"`
	Description string          `json:"description,omitempty"`
	Authors     []string        `json:"authors"`
	License     string          `json:"license,omitempty"`
	Homepage    string          `json:"homepage,omitempty"`
	Builtin     bool            `json:"builtin"`
	Disabled    bool            `json:"disabled"`
	Source      *Source         `json:"source,omitempty"` // nil when copied in by hand
	Signer      *Signer         `json:"signer,omitempty"` // nil when unsigned
	Trusted     *Signer         `json:"trusted,omitempty"`
	Items       int             `json:"items"`
	Counts      map[kb.Kind]int `json:"counts"`
	Problems    int             `json:"problems"`
	Overrides   []string        `json:"overrides,omitempty"`
	Updated     time.Time       `json:"updated,omitzero"`
	Reviewed    time.Time       `json:"reviewed,omitzero"`
	ReviewEvery string          `json:"review_every,omitempty"`
	// ReviewDue: never reviewed, or past due by kb.DueForReview (a year
	// after reviewed unless pack.toml's review_every says otherwise).
	ReviewDue bool `json:"review_due"`
	// Previous is the version Rollback restores, "" when none is kept;
	// after a rollback it is the newer version the pack came from.
	Previous      string `json:"previous,omitempty"`
	PreviousNewer bool   `json:"previous_newer,omitempty"`
}

// List describes the built-in pack (from builtin; left out when nil) and
// every installed pack, enabled or not, sorted by id after the built-in.
func (s *Store) List(builtin fs.FS) ([]Installed, error) { return s.ListFrom(builtin, nil) }

// ListFrom is List describing each enabled installed pack from have (the
// pack as a library already loaded it, by folder name, with its problems)
// when it has it, and reading only the others: List loads every pack to
// count its items, which for a folder of 6,300 notes parsed them all
// again each time the app's Packs screen opened (4-6 s with no pack
// listed, and 200 MB more resident memory that stayed).
func (s *Store) ListFrom(builtin fs.FS, have func(dir string) (*kb.Pack, []kb.Problem, bool)) ([]Installed, error) {
	st, err := s.readState()
	if err != nil {
		return nil, err
	}
	var out []Installed
	if builtin != nil {
		p, err := kb.LoadFS(builtin, kb.LoadOptions{ID: kb.BuiltinID, Builtin: true})
		if p != nil {
			in := s.describeInstalled(p, err, nil)
			in.Builtin, in.Disabled = true, st.BuiltinDisabled
			out = append(out, in)
		}
	}
	seen := map[string]bool{}
	var installed []Installed
	for _, dir := range []string{s.dir, s.meta("disabled")} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, fmt.Errorf("list packs: %w", err)
		}
		for _, e := range entries {
			name := e.Name()
			if name[0] == '.' || name[0] == '_' || seen[name] {
				continue
			}
			if !e.IsDir() {
				// A link to a pack's folder is loaded and searched when it
				// leads inside the person's folders (kb.PackFolder), so it
				// is listed too: the list left it out, and with it the
				// only way to see, disable or remove it. A link refused
				// is said when the library loads.
				if e.Type()&fs.ModeSymlink == 0 {
					continue
				}
				if _, err := kb.PackFolder(dir, name); err != nil {
					continue
				}
			}
			seen[name] = true
			p, err := loadForList(dir, name, dir == s.dir, have)
			if p == nil {
				continue
			}
			in := s.describeInstalled(p, err, st.Packs[name])
			in.ID = name // the folder is what disable and remove act on
			in.Disabled = dir != s.dir
			installed = append(installed, in)
		}
	}
	slices.SortFunc(installed, func(a, b Installed) int { return cmp.Compare(a.ID, b.ID) })
	return append(out, installed...), nil
}

// loadForList is the pack in folder name of dir, from have when it is
// enabled (in the packs folder) and have has it.
func loadForList(dir, name string, enabled bool, have func(string) (*kb.Pack, []kb.Problem, bool)) (*kb.Pack, error) {
	if enabled && have != nil {
		if p, problems, ok := have(name); ok {
			if len(problems) > 0 {
				return p, &kb.ProblemsError{Problems: problems}
			}
			return p, nil
		}
	}
	return kb.LoadDir(filepath.Join(dir, name))
}

func (s *Store) describeInstalled(p *kb.Pack, loadErr error, r *record) Installed {
	m := p.Manifest
	in := Installed{
		ID: m.ID, Name: m.Name, Version: m.Version, Description: m.Description,
		Authors: append([]string{}, m.Authors...), License: m.License, Homepage: m.Homepage,
		Items: len(p.Items), Counts: countKinds(p), Overrides: m.Overrides, Reviewed: m.Reviewed,
		ReviewEvery: m.ReviewEvery.String(),
	}
	if f := kb.PackFreshness(m, s.Now()); f.Due || f.Never() {
		in.ReviewDue = true
	}
	if pe, ok := loadErr.(*kb.ProblemsError); ok {
		in.Problems = len(pe.Problems)
	}
	if r != nil {
		in.Source, in.Signer, in.Trusted, in.Updated = r.Source, r.Signer, r.Trusted, r.Updated
		if r.Previous != nil && exists(s.previous(m.ID)) {
			in.Previous = r.Previous.Version
			in.PreviousNewer = olderThan(m.Version, in.Previous)
		}
	}
	return in
}

// Disable takes a pack out of the library without removing it; the
// built-in pack can be disabled too.
func (s *Store) Disable(id string) error { return s.setDisabled(id, true) }

// Enable puts a disabled pack back.
func (s *Store) Enable(id string) error { return s.setDisabled(id, false) }

func (s *Store) setDisabled(id string, off bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	st, err := s.readState()
	if err != nil {
		return err
	}
	if id == kb.BuiltinID {
		st.BuiltinDisabled = off
		return s.commit(st)
	}
	r := st.Packs[id]
	from, to := s.live(id), s.disabled(id)
	if !off {
		from, to = to, from
	}
	if !validID(id) || !exists(from) {
		if exists(to) {
			return nil // already so
		}
		return fmt.Errorf("%w: %q", ErrNotInstalled, id)
	}
	if r == nil { // copied in by hand: the store starts keeping track
		r = &record{}
		st.Packs[id] = r
	}
	r.Disabled = off
	return s.run(&txn{Moves: []move{{From: from, To: to}}}, st)
}

// Remove deletes an installed pack and the version kept for rollback,
// forgetting its source and trusted key. The built-in pack cannot be
// removed; disable it instead.
func (s *Store) Remove(id string) error {
	if id == kb.BuiltinID {
		return fmt.Errorf("%w: disable it instead of removing it", ErrBuiltin)
	}
	if id == mine.ID {
		return fmt.Errorf("%w: revert or delete its items one by one, or disable it", ErrMine)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st, err := s.readState()
	if err != nil {
		return err
	}
	home := s.home(st, id)
	if !validID(id) || !exists(home) {
		return fmt.Errorf("%w: %q", ErrNotInstalled, id)
	}
	scratch, err := os.MkdirTemp(s.meta("staging"), "remove-")
	if err != nil {
		return err
	}
	delete(st.Packs, id)
	return s.run(&txn{
		Moves:   []move{{From: home, To: filepath.Join(scratch, "old")}},
		After:   []move{{To: s.previous(id)}},
		Scratch: scratch,
	}, st)
}

// RolledBack is what a rollback did: the versions it moved between, and
// the items it added, rewrote and removed, as an update's preview lists
// them.
type RolledBack struct {
	ID   string `json:"id"`
	From string `json:"from"`
	To   string `json:"to"`
	// Newer is set when To is the newer version: the rollback undid one.
	Newer   bool    `json:"newer"`
	Changes Changes `json:"changes"`
}

// Rollback swaps the installed version of id with the one kept before it,
// in one step; rolling back again returns to the newer one.
func (s *Store) Rollback(id string) (*RolledBack, error) {
	if id == kb.BuiltinID {
		return nil, fmt.Errorf("%w: it is updated with Poise itself", ErrBuiltin)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st, err := s.readState()
	if err != nil {
		return nil, err
	}
	r := st.Packs[id]
	home := s.home(st, id)
	if !validID(id) || !exists(home) {
		return nil, fmt.Errorf("%w: %q", ErrNotInstalled, id)
	}
	if r == nil || r.Previous == nil || !exists(s.previous(id)) {
		return nil, fmt.Errorf("%w for %s", ErrNoPrevious, id)
	}
	done := &RolledBack{ID: id, From: r.Version, To: r.Previous.Version, Newer: olderThan(r.Version, r.Previous.Version),
		Changes: rollbackChanges(home, s.previous(id))}
	scratch, err := os.MkdirTemp(s.meta("staging"), "rollback-")
	if err != nil {
		return nil, err
	}
	old := filepath.Join(scratch, "old")
	cur := prior{Version: r.Version, Signer: r.Signer, Updated: r.Updated}
	r.Version, r.Signer, r.Updated = r.Previous.Version, r.Previous.Signer, r.Previous.Updated
	r.Previous = &cur
	if err := s.run(&txn{
		Moves:   []move{{From: home, To: old}, {From: s.previous(id), To: home}},
		After:   []move{{From: old, To: s.previous(id)}},
		Scratch: scratch,
	}, st); err != nil {
		return nil, err
	}
	return done, nil
}

// rollbackChanges compares the installed version with the one a rollback
// brings back. Either may load with problems (it loaded before); one that
// does not load at all counts as having no items.
func rollbackChanges(installed, previous string) Changes {
	cur, _ := kb.LoadDir(installed)
	prev, _ := kb.LoadDir(previous)
	if prev == nil {
		prev = &kb.Pack{}
	}
	return diffItems(cur, prev)
}
