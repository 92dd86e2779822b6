package packs

import (
	"context"
	"fmt"
	"slices"
)

// Subscribed lists the ids of installed packs with a remembered source,
// which Update can check.
func (s *Store) Subscribed() ([]string, error) {
	st, err := s.readState()
	if err != nil {
		return nil, err
	}
	var ids []string
	for id, r := range st.Packs {
		if r.Source != nil {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids, nil
}

// CheckUpdate fetches pack id's remembered source and describes what is
// there; the candidate's Changes say what installing it would change. Use
// Newer to see whether it is an update at all.
func (s *Store) CheckUpdate(ctx context.Context, id string) (*Candidate, error) {
	st, err := s.readState()
	if err != nil {
		return nil, err
	}
	r := st.Packs[id]
	if r == nil || r.Source == nil {
		return nil, fmt.Errorf("%w from a source: %q (it was copied in by hand, so install it again from its source)", ErrNotInstalled, id)
	}
	c, err := s.Fetch(ctx, *r.Source)
	if err != nil {
		return nil, err
	}
	if c.Manifest.ID != id {
		c.Discard()
		return nil, hostile("the source of %s now holds pack %q", id, c.Manifest.ID)
	}
	c.acceptedUnsigned = r.Unsigned && r.Trusted == nil
	return c, nil
}

// Newer reports whether the candidate is newer than the installed version
// (or nothing is installed).
func (c *Candidate) Newer() bool {
	return c.Installed == "" || olderThan(c.Installed, c.Manifest.Version)
}
