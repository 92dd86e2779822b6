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
	got, err := LoadBodies(fsys, opts, []*Item{it})
	if err != nil {
		return nil, err
	}
	if got[0] == nil {
		return nil, fmt.Errorf("read %s: %s is no longer in it: %w", it.Source.File, it.ID, fs.ErrNotExist)
	}
	return got[0], nil
}

// LoadBodies is LoadBody for items of one file, read once: a guide and
// its sections are shown together. An item the file no longer holds is
// nil.
// Pack.LoadBodies is this for a pack's items without listing the
// pack's notes again.
func LoadBodies(fsys fs.FS, opts LoadOptions, items []*Item) ([]*Item, error) {
	return loadBodies(fsys, opts, nil, items)
}

// loadBodies is LoadBodies with notes, the pack's note names when known
// (nil: listed from fsys). Only what the bodies need is done: the items'
// links are their own, so only embeds are resolved, which show the
// embedded note's text in the body.
func loadBodies(fsys fs.FS, opts LoadOptions, notes *noteIndex, items []*Item) ([]*Item, error) {
	if len(items) == 0 {
		return nil, nil
	}
	file := items[0].Source.File
	p, _, err := loadFiles(fsys, opts, []string{file}, notes, true)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", file, err)
	}
	byID := make(map[string]*Item, len(p.Items))
	for i := range p.Items {
		byID[p.Items[i].ID] = &p.Items[i]
	}
	out := make([]*Item, len(items))
	for i, it := range items {
		if it.Source.File != file {
			return nil, fmt.Errorf("read %s: %s is in %s", file, it.ID, it.Source.File)
		}
		if fresh, ok := byID[it.ID]; ok {
			cp := *it
			cp.Body, cp.Text = fresh.Body, fresh.Text
			out[i] = &cp
		}
	}
	return out, nil
}
