package kb

import (
	"errors"
	"io/fs"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// ErrWholePack is UpdateFiles's answer when a change of a few files can
// only be settled by loading the whole pack.
var ErrWholePack = errors.New("the change needs the whole pack loaded")

// UpdateFiles is p, a pack whose guides' bodies are left out (Shed), with
// the items of the changed files (slash-separated paths inside the pack
// folder fsys) read again and put in place of those they had, bodies left
// out; problems are p's problems, those of the changed files replaced by
// what those files have now. Only the changed files are read (and those
// they link to, for their headings: LoadFilesChecked), so an edit costs
// its notes rather than a parse of a folder of thousands. ErrWholePack
// when a change needs the whole pack: pack.toml or synonyms.md, another
// id or layout, or an id another file also gives.
func UpdateFiles(p *Pack, fsys fs.FS, changed []string, problems []Problem) (*Pack, []Problem, error) {
	if p == nil || !p.Shed {
		return nil, nil, ErrWholePack
	}
	set := map[string]bool{}
	for _, f := range changed {
		f = path.Clean(filepath.ToSlash(f))
		if !fs.ValidPath(f) || f == "." || strings.EqualFold(f, "pack.toml") || strings.EqualFold(f, "synonyms.md") {
			return nil, nil, ErrWholePack
		}
		set[f] = true
	}
	fresh, found, err := LoadFilesChecked(fsys, LoadOptions{ID: p.Dir}, slices.Sorted(maps.Keys(set)))
	if err != nil {
		return nil, nil, err
	}
	// A note deleted or renamed, or a heading changed, breaks the links
	// other files have to it; their problems were found before the change,
	// so those files are read again too (once: their own ids stay).
	if linking := linkingFiles(p.Items, fresh.Items, set); len(linking) > 0 {
		for _, f := range linking {
			set[f] = true
		}
		if fresh, found, err = LoadFilesChecked(fsys, LoadOptions{ID: p.Dir}, slices.Sorted(maps.Keys(set))); err != nil {
			return nil, nil, err
		}
	}
	if fresh.Manifest.ID != p.Manifest.ID || fresh.Notes != p.Notes {
		return nil, nil, ErrWholePack
	}
	others := make(map[string]bool, len(p.Items))
	for _, it := range p.Items {
		if !set[it.Source.File] {
			others[it.ID] = true
		}
	}
	for i := range fresh.Items {
		it := &fresh.Items[i]
		if others[it.ID] {
			return nil, nil, ErrWholePack // the whole pack settles which file keeps it
		}
		if it.Kind == KindGuide { // as WithoutBodies leaves them
			it.Body, it.Text = "", ""
		}
	}
	next := *p
	next.Items = spliceFiles(p.Items, fresh.Items, set)
	next.names = fresh.names // p's may not know a note added or renamed
	var all []Problem
	for _, pr := range problems {
		if !set[pr.File] {
			all = append(all, pr)
		}
	}
	return &next, append(all, found...), nil
}

// spliceFiles is items with those of the changed files replaced by fresh
// (in path order): a pack's items come file by file in path order, so the
// new ones go where their files go.
func spliceFiles(items, fresh []Item, changed map[string]bool) []Item {
	out := make([]Item, 0, len(items)+len(fresh))
	for _, it := range items {
		for len(fresh) > 0 && fresh[0].Source.File < it.Source.File {
			out = append(out, fresh[0])
			fresh = fresh[1:]
		}
		if !changed[it.Source.File] {
			out = append(out, it)
		}
	}
	return append(out, fresh...)
}

// linkingFiles are the files, other than the changed ones, with a link to
// an item the changed files had (items) and no longer have (fresh).
func linkingFiles(items, fresh []Item, changed map[string]bool) []string {
	gone := map[string]bool{}
	for _, it := range items {
		if changed[it.Source.File] {
			gone[it.ID] = true
		}
	}
	for _, it := range fresh {
		delete(gone, it.ID)
	}
	if len(gone) == 0 {
		return nil
	}
	files := map[string]bool{}
	for _, it := range items {
		if changed[it.Source.File] || files[it.Source.File] {
			continue
		}
		for _, l := range it.Links {
			if gone[l.Target] {
				files[it.Source.File] = true
				break
			}
		}
	}
	return slices.Sorted(maps.Keys(files))
}
