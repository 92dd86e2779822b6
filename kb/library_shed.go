package kb

import (
	"fmt"
	"io/fs"
	"slices"
)

// WithoutBodies is the library with the Body and Text of the guides and
// guide sections of the packs shed chooses left out: for a folder of
// thousands of notes these are most of what a loaded library holds (about
// 60 of the 130 MB of the issue 10 vault's), and are read again from the
// item's file when it is shown or copied (LoadBody). Search already holds
// what its results show. The packs are marked (BodiesShed), so nothing
// takes an empty body for the item's own; an item that is not a guide
// (a template, a concern) keeps everything, as its text is what a result
// row and a copy use.
func (l *Library) WithoutBodies(shed func(*Pack) bool) *Library {
	packs := make([]*Pack, len(l.given))
	changed := false
	for i, p := range l.given {
		packs[i] = p
		if p.Shed || !shed(p) {
			continue
		}
		cp := *p
		cp.Items = slices.Clone(p.Items)
		for j := range cp.Items {
			if it := &cp.Items[j]; it.Kind == KindGuide {
				it.Body, it.Text = "", ""
			}
		}
		cp.Shed = true
		packs[i] = &cp
		changed = true
	}
	if !changed {
		return l
	}
	return NewLibrary(packs...)
}

// BodiesShed reports whether the guides of pack id have their Body and
// Text left out (WithoutBodies).
func (l *Library) BodiesShed(id string) bool {
	p, ok := l.Pack(id)
	return ok && p.Shed
}

// HasShed reports whether any pack of the library has its guides' bodies
// left out: such a library must not be indexed, as its guides would be
// found by their titles only.
func (l *Library) HasShed() bool {
	return slices.ContainsFunc(l.given, func(p *Pack) bool { return p.Shed })
}

// LoadBody is it with the Body and Text its file holds now, read from the
// pack's files in fsys (the pack folder; opts as for LoadFiles): the
// whole item again for an item of a pack whose bodies were left out. Only
// its file is read. Its links and everything else are it's own, as
// resolved when the whole pack loaded.
func LoadBody(fsys fs.FS, opts LoadOptions, it *Item) (*Item, error) {
	p, err := LoadFiles(fsys, opts, []string{it.Source.File})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", it.Source.File, err)
	}
	for i := range p.Items {
		if p.Items[i].ID == it.ID {
			cp := *it
			cp.Body, cp.Text = p.Items[i].Body, p.Items[i].Text
			return &cp, nil
		}
	}
	return nil, fmt.Errorf("read %s: %s is no longer in it: %w", it.Source.File, it.ID, fs.ErrNotExist)
}
