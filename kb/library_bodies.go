package kb

import (
	"fmt"
	"io/fs"
	"sync"
)

// noteNames is a plain folder pack's note-name lookup (noteIndex), kept
// with the pack so that reading one note's body back for a preview
// (Pack.LoadBodies) costs that note: looking the folder's notes up for
// every preview listed and folded the names of all 6,300 notes of the
// issue 10 vault, about 4 MB of garbage a preview, which raised the
// collector's heap goal while an agent typed. Every pack made from the
// folder's files gets a holder of its own (LoadFS, UpdateFiles, a kept
// pack read back), so a note added or renamed outside Poise is known once
// the change reaches the pack; copies of a pack with the same files
// (WithoutBodies) share it.
type noteNames struct {
	mu sync.Mutex
	ix *noteIndex // nil until first needed by a pack read back from disk
}

// index is the lookup, made from the folder fsys at the first call when
// the pack did not come with it.
func (n *noteNames) index(fsys fs.FS) (*noteIndex, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.ix == nil {
		l := &loader{fsys: fsys}
		paths, err := l.markdownFiles()
		if err != nil {
			return nil, err
		}
		n.ix = newNoteIndex(paths)
	}
	return n.ix, nil
}

// LoadBodies is LoadBodies for items of p, whose folder is fsys: the
// names of p's notes, which wikilinks are resolved by, are looked up once
// for the pack rather than at every call.
func (p *Pack) LoadBodies(fsys fs.FS, opts LoadOptions, items []*Item) ([]*Item, error) {
	var notes *noteIndex
	if p.Notes && p.names != nil {
		var err error
		if notes, err = p.names.index(fsys); err != nil {
			return nil, fmt.Errorf("read %s: %w", p.Dir, err)
		}
	}
	return loadBodies(fsys, opts, notes, items)
}
