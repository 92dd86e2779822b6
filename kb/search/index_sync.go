package search

import (
	"context"
	"fmt"
	"os"

	"github.com/poisehq/poise/kb"
)

// Sync brings the index up to date with the packs on disk, which state
// describes (kb.ScanLibrary of src, given RecordedState as the previous
// state so that only changed files are read): each pack whose files
// differ from those the index was built for is reindexed as UpdatePack
// does (only its changed files are loaded), packs gone are dropped, new
// ones added, and the others are not read at all. This is what lets the
// app and the CLI start from an index after packs changed while neither
// ran, without loading the library. An index whose library state is not
// known loads the whole library.
func (ix *Index) Sync(ctx context.Context, src Packs, state *kb.LibraryState) error {
	ix.updating.Lock()
	defer ix.updating.Unlock()
	old := ix.current()
	if old == nil {
		return ErrClosed
	}
	if old.state == nil || state == nil || old.state.Version != state.Version {
		return ix.reloadAll(ctx, src, old)
	}
	entries, err := old.entriesRead()
	if err != nil {
		return ix.reloadAll(ctx, src, old)
	}
	dirs, builtin := state.ChangedPacks(old.state)
	if builtin {
		if err := ix.updatePack(ctx, src, kb.BuiltinID); err != nil {
			return err
		}
	}
	byDir := map[string]string{}
	for _, e := range entries {
		if e.Dir != "" {
			byDir[e.Dir] = e.ID
		}
	}
	for _, dir := range dirs {
		if err := ctx.Err(); err != nil {
			return err
		}
		id, ok := byDir[dir]
		if !ok {
			if id, ok = packIDIn(src.Dir, dir); !ok {
				continue // not a pack LoadLibrary would load
			}
		}
		if err := ix.updatePackIn(ctx, src, id, dir); err != nil {
			return err
		}
	}
	return nil
}

// packIDIn is the id of the pack in folder dir of packsDir, reading only
// its manifest.
func packIDIn(packsDir, dir string) (string, bool) {
	path, err := kb.PackFolder(packsDir, dir)
	if err != nil {
		return "", false
	}
	p, err := kb.LoadFiles(os.DirFS(path), kb.LoadOptions{ID: dir}, nil)
	if err != nil {
		return "", false
	}
	return p.Manifest.ID, true
}

// reloadAll loads the whole library from src and updates the index for
// it: what the pack-scoped updates fall back to when one pack's change
// reaches beyond it.
func (ix *Index) reloadAll(ctx context.Context, src Packs, old *generation) error {
	state, err := kb.ScanLibrary(src.Builtin, src.Dir, old.state)
	if err != nil {
		state = nil
	}
	lib, err := kb.LoadLibrary(src.Builtin, src.Dir)
	if lib == nil {
		return fmt.Errorf("reindex packs: %w", err)
	}
	return ix.updateLibrary(ctx, lib, state)
}

// rescan is the library state after one pack (dirName, "" for the
// built-in pack) was reindexed; nil when the index does not know its
// state, so none is recorded.
func (ix *Index) rescan(old *generation, src Packs, dirName string) *kb.LibraryState {
	if old.state == nil {
		return nil
	}
	st, err := old.state.RescanPack(src.Builtin, src.Dir, dirName)
	if err != nil {
		return nil
	}
	return st
}

// UseLibrary has the index answer for lib, the library of the packs
// state describes (kb.LoadLibraryKept, large packs read as kept, with
// their guides' bodies left out), without indexing anything: the index
// must already have been built or synced for that state (OpenCurrent,
// Sync). What a result shows of a guide without its body comes from the
// index (ShedBodies). false, and nothing changed, when the index answers
// for other files: then UpdateLibrary must have the whole library.
func (ix *Index) UseLibrary(lib *kb.Library, state *kb.LibraryState) bool {
	ix.updating.Lock()
	defer ix.updating.Unlock()
	old := ix.current()
	if old == nil || lib == nil || state == nil || old.state == nil || old.state.Key() != state.Key() {
		return false
	}
	g := *old
	g.lib, g.indexed, g.deleted = lib, 0, 0
	return ix.swap(&g) == nil
}
