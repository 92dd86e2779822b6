package search

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/poisehq/poise/kb"
)

// Packs says where the library's packs are on disk, for reindexing one
// pack or a few files without loading the library.
type Packs struct {
	// Builtin holds the built-in pack's files; nil when it is disabled
	// (packs.Builtin(content.FS, Dir) gives the right one).
	Builtin fs.FS
	// Dir is the packs folder, <data dir>/packs.
	Dir string
}

// UpdatePack reindexes the pack with the given id from disk after it was
// installed, updated, rolled back, enabled, disabled or removed: only
// that pack is loaded, only its items that changed are indexed again, and
// its items are deleted when the pack is gone (or disabled). Searches keep
// answering from the index as it was until the change is made, in one
// step. The recorded library state is updated for that pack, so the next
// start still opens the index without loading the library. Problems in
// the pack do not stop it: what loads is indexed, as at start (lint
// reports them). When the pack's overrides change what other packs show,
// the whole library is loaded instead, so results stay right.
func (ix *Index) UpdatePack(ctx context.Context, src Packs, id string) error {
	ix.updating.Lock()
	defer ix.updating.Unlock()
	return ix.updatePack(ctx, src, id)
}

// UpdateFiles reindexes the items of a few files of pack id after they
// were edited, added, renamed or deleted: paths are inside the pack's
// folder, slash-separated ("guides/refunds.md"; for a rename, give the old
// and the new name). Only those files are read: their old items are
// deleted, their new ones indexed, in one step, so it takes milliseconds
// whatever the size of the library. Editing pack.toml or synonyms.md, or
// an id that another file of the pack also uses, falls back to
// UpdatePack. See UpdatePack for what it records and how searches go on.
func (ix *Index) UpdateFiles(ctx context.Context, src Packs, id string, paths []string) error {
	ix.updating.Lock()
	defer ix.updating.Unlock()
	old := ix.current()
	if old == nil {
		return ErrClosed
	}
	entries, err := old.entriesRead()
	if err != nil {
		return ix.reloadAll(ctx, src, old)
	}
	i := slices.IndexFunc(entries, func(e *packEntry) bool { return e.ID == id })
	if i < 0 {
		return ix.updatePack(ctx, src, id)
	}
	oe := entries[i]
	changed := map[string]bool{}
	for _, p := range paths {
		p = path.Clean(filepath.ToSlash(p))
		if !fs.ValidPath(p) || p == "." {
			return fmt.Errorf("reindex %s: %q is not a path inside the pack", id, p)
		}
		if strings.EqualFold(p, "pack.toml") || strings.EqualFold(p, "synonyms.md") {
			return ix.updatePack(ctx, src, id)
		}
		changed[p] = true
	}
	fsys, opts, dirName, err := locatePack(src, id, oe.Dir)
	if err != nil || fsys == nil {
		return ix.updatePack(ctx, src, id)
	}
	var state *kb.LibraryState
	if old.state != nil {
		state, _ = old.state.RescanFiles(src.Dir, dirName, slices.Sorted(maps.Keys(changed)))
	}
	done, err := ix.reindexFiles(ctx, old, entries, i, fsys, opts, dirName, changed, state)
	if done || err != nil {
		return err
	}
	return ix.updatePack(ctx, src, id)
}

// reindexFiles replaces the items of the changed files of the pack of
// entries[i] with what those files hold now, loading only them. false
// with a nil error means the pack must be loaded whole instead: its
// manifest changed what its items are, or a file now gives an id another
// file holds.
func (ix *Index) reindexFiles(ctx context.Context, old *generation, entries []*packEntry, i int, fsys fs.FS, opts kb.LoadOptions, dirName string, changed map[string]bool, state *kb.LibraryState) (bool, error) {
	oe := entries[i]
	p, err := kb.LoadFiles(fsys, opts, slices.Sorted(maps.Keys(changed)))
	if err != nil || p.Manifest.ID != oe.ID || p.Manifest.Language != oe.Language || !slices.Equal(p.Manifest.Overrides, oe.Overrides) {
		return false, nil
	}
	p.Dir = dirName
	// An id another file of the pack holds would be a duplicate the full
	// load settles by file order: let it. Only ids the changed files did
	// not have before can be one, and a save usually keeps its ids.
	had := map[string]bool{}
	for _, f := range oe.Files {
		if changed[f.Path] {
			for _, it := range f.Items {
				had[it.ID] = true
			}
		}
	}
	fresh := packEntryOf(p, hiddenBy(entries))
	added := map[string]bool{}
	for _, f := range fresh.Files {
		for _, it := range f.Items {
			if !had[it.ID] {
				added[it.ID] = true
			}
		}
	}
	ne := &packEntry{ID: oe.ID, Dir: dirName, Language: oe.Language, Overrides: oe.Overrides, Synonyms: oe.Synonyms}
	for _, f := range oe.Files {
		if changed[f.Path] {
			continue
		}
		if len(added) > 0 {
			for _, it := range f.Items {
				if added[it.ID] {
					return false, nil
				}
			}
		}
		ne.Files = append(ne.Files, f)
	}
	ne.Files = append(ne.Files, fresh.Files...)
	ne.sortFiles()
	want := slices.Clone(entries)
	want[i] = ne
	var lib *kb.Library
	if old.lib != nil {
		lib = withFiles(old.lib, p, changed)
	}
	g, err := applyEntries(ctx, old, want, itemsIn(p), lib, state, false)
	if err != nil {
		return true, err
	}
	return true, ix.swap(g)
}

// changedFiles lists the files of pack folder dir that differ between two
// library states: added, removed or with other content. ok is false when
// either state does not describe the folder, or its pack.toml came or
// went (which turns headings into items or back).
func changedFiles(before, after *kb.LibraryState, dir string) (changed map[string]bool, ok bool) {
	find := func(st *kb.LibraryState) map[string]string {
		for _, p := range st.Packs {
			if p.Dir == dir {
				m := make(map[string]string, len(p.Files))
				for _, f := range p.Files {
					m[f.Path] = f.Hash
				}
				return m
			}
		}
		return nil
	}
	a, b := find(before), find(after)
	if a == nil || b == nil {
		return nil, false
	}
	changed = map[string]bool{}
	for p, h := range a {
		if h2, there := b[p]; !there || h2 != h || h == "" {
			changed[p] = true
		}
	}
	for p := range b {
		if _, there := a[p]; !there {
			changed[p] = true
		}
	}
	_, hadToml := a["pack.toml"]
	_, hasToml := b["pack.toml"]
	return changed, hadToml == hasToml
}

func (ix *Index) updatePack(ctx context.Context, src Packs, id string) error {
	return ix.updatePackIn(ctx, src, id, "")
}

// updatePackIn is updatePack for a pack known to be in folder dir ("" to
// find it).
func (ix *Index) updatePackIn(ctx context.Context, src Packs, id, dir string) error {
	old := ix.current()
	if old == nil {
		return ErrClosed
	}
	entries, err := old.entriesRead()
	if err != nil {
		return ix.reloadAll(ctx, src, old)
	}
	i := slices.IndexFunc(entries, func(e *packEntry) bool { return e.ID == id })
	known := dir
	if i >= 0 && known == "" {
		known = entries[i].Dir
	}
	fsys, opts, dirName, err := locatePack(src, id, known)
	if err != nil {
		// A folder holding the pack under another name: only a full load
		// finds it.
		return ix.reloadAll(ctx, src, old)
	}
	state := ix.rescan(old, src, dirName)
	if i >= 0 && fsys != nil && old.state != nil && state != nil && id != kb.BuiltinID {
		// An update rewrites the pack's folder, but most of its files
		// are as they were: load only those that are not.
		if changed, ok := changedFiles(old.state, state, dirName); ok && !hasSynonyms(changed) {
			delete(changed, "pack.toml")
			done, err := ix.reindexFiles(ctx, old, entries, i, fsys, opts, dirName, changed, state)
			if done || err != nil {
				return err
			}
		}
	}
	var p *kb.Pack
	if fsys != nil {
		p, _ = kb.LoadFS(fsys, opts)
		if p == nil || p.Manifest.ID != id {
			return ix.reloadAll(ctx, src, old)
		}
		p.Dir = dirName
	}
	want := slices.Clone(entries)
	if i >= 0 {
		want = slices.Delete(want, i, i+1)
	}
	var oldOverrides, newOverrides []string
	if i >= 0 {
		oldOverrides = entries[i].Overrides
	}
	if p != nil {
		newOverrides = p.Manifest.Overrides
	}
	if !slices.Equal(oldOverrides, newOverrides) {
		return ix.reloadAll(ctx, src, old)
	}
	if p != nil {
		want = append(want, packEntryOf(p, hiddenBy(want)))
		slices.SortFunc(want, func(a, b *packEntry) int { return packOrder(a.ID, b.ID) })
	}
	var lib *kb.Library
	if old.lib != nil {
		lib = withPack(old.lib, id, p)
	}
	g, err := applyEntries(ctx, old, want, itemsIn(p), lib, state, false)
	if err != nil {
		return err
	}
	return ix.swap(g)
}

func hasSynonyms(changed map[string]bool) bool {
	for p := range changed {
		if strings.EqualFold(p, "synonyms.md") {
			return true
		}
	}
	return false
}

// locatePack finds pack id on disk: the built-in pack in src.Builtin, an
// installed one in the folder the index knows it by, or else the folder
// named as its id. A nil fsys with a nil error means the pack is gone.
func locatePack(src Packs, id, known string) (fsys fs.FS, opts kb.LoadOptions, dirName string, err error) {
	if id == kb.BuiltinID {
		return src.Builtin, kb.LoadOptions{ID: kb.BuiltinID, Builtin: true}, "", nil
	}
	name := cmp.Or(known, id)
	dir, err := kb.PackFolder(src.Dir, name)
	if errors.Is(err, fs.ErrNotExist) {
		if known == "" {
			if _, serr := os.Stat(src.Dir); serr == nil {
				return nil, opts, "", fmt.Errorf("pack %s: no folder of that name", id)
			}
		}
		return nil, opts, name, nil
	}
	if err != nil {
		return nil, opts, "", err
	}
	return os.DirFS(dir), kb.LoadOptions{ID: name}, name, nil
}

// itemsIn looks items up in p.
func itemsIn(p *kb.Pack) func(string) *kb.Item {
	byID := map[string]*kb.Item{}
	if p != nil {
		for i := range p.Items {
			byID[p.Items[i].ID] = &p.Items[i]
		}
	}
	return func(id string) *kb.Item { return byID[id] }
}

// withPack is lib with pack id replaced by p, or without it when p is nil.
func withPack(lib *kb.Library, id string, p *kb.Pack) *kb.Library {
	var packs []*kb.Pack
	for _, q := range lib.Packs {
		if q.Manifest.ID != id {
			packs = append(packs, q)
		}
	}
	if p != nil {
		packs = append(packs, p)
	}
	slices.SortStableFunc(packs, func(a, b *kb.Pack) int { return packOrder(a.Manifest.ID, b.Manifest.ID) })
	return kb.NewLibrary(packs...)
}

// withFiles is lib with the items of the changed files of p's pack
// replaced by p's. A pack's items come file by file in path order, so the
// new ones are spliced in where their files go, without sorting the pack.
func withFiles(lib *kb.Library, p *kb.Pack, changed map[string]bool) *kb.Library {
	i := slices.IndexFunc(lib.Packs, func(q *kb.Pack) bool { return q.Manifest.ID == p.Manifest.ID })
	if i < 0 {
		return withPack(lib, p.Manifest.ID, p)
	}
	cp := *lib.Packs[i]
	old := lib.Packs[i].Items
	cp.Items = make([]kb.Item, 0, len(old)+len(p.Items))
	fresh := p.Items
	for _, it := range old {
		// Before the first item of a file that sorts after them, the new
		// items of files that sort first.
		for len(fresh) > 0 && fresh[0].Source.File < it.Source.File {
			cp.Items = append(cp.Items, fresh[0])
			fresh = fresh[1:]
		}
		if !changed[it.Source.File] {
			cp.Items = append(cp.Items, it)
		}
	}
	cp.Items = append(cp.Items, fresh...)
	return withPack(lib, p.Manifest.ID, &cp)
}
