package summary

import (
	"context"
	"fmt"
	"strings"
)

// Finder searches the knowledge base. The app and the CLI pass one backed
// by the kb search API, so what to read next is found, not kept in a table.
type Finder interface {
	Find(ctx context.Context, query string, limit int) ([]Reading, error)
}

// FinderFunc adapts a function to Finder.
type FinderFunc func(ctx context.Context, query string, limit int) ([]Reading, error)

// Find calls f.
func (f FinderFunc) Find(ctx context.Context, query string, limit int) ([]Reading, error) {
	return f(ctx, query, limit)
}

// Limits on what to read next: a few recurring themes, a few items each.
const (
	readThemes    = 3
	readPerTheme  = 2
	minRecurrence = 2
)

// FindReading fills s.ReadNext with guidance for the month's recurring
// triggers and emotions, leaving out what the agent already used with
// success this month.
func (s *Summary) FindReading(ctx context.Context, f Finder) error {
	used := map[string]bool{}
	for _, w := range s.WhatWorks {
		if w.Kind == "item" && w.Rate.Successes > 0 {
			used[baseID(w.Name)] = true
		}
	}
	seen := map[string]bool{}
	s.ReadNext = []Reading{}
	var themes []Count
	for _, list := range [][]Count{s.Triggers, s.Emotions} {
		n := 0
		for _, c := range list {
			if c.Count >= minRecurrence && n < readThemes && c.Name != "other" {
				themes = append(themes, c)
				n++
			}
		}
	}
	for _, c := range themes {
		hits, err := f.Find(ctx, c.Label, 8)
		if err != nil {
			return fmt.Errorf("find reading for %s: %w", c.Label, err)
		}
		n := 0
		for _, h := range hits {
			if n == readPerTheme {
				break
			}
			// Two items with one title read as a repeat, whatever their ids.
			if seen[h.ID] || seen["title:"+h.Title] || used[baseID(h.ID)] {
				continue
			}
			seen[h.ID], seen["title:"+h.Title] = true, true
			h.For = c.Label
			s.ReadNext = append(s.ReadNext, h)
			n++
		}
	}
	return nil
}

func baseID(id string) string {
	b, _, _ := strings.Cut(id, "#")
	return b
}
