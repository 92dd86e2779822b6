package search

import (
	"context"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/poisehq/poise/internal/textsearch"
	"github.com/poisehq/poise/kb"
)

// ErrClosed is returned by Search and Update after Close.
var ErrClosed = textsearch.ErrClosed

// Options tune Open and Update.
type Options struct {
	// Progress, if set, is called as a build goes, with the number of items
	// indexed so far and the total. It is not called when an index on disk
	// is reused.
	Progress func(done, total int)
	// ReadOnly never writes to dir: a matching index there is opened
	// without its write lock, and anything else (missing, stale, locked by
	// a running app) is built in memory instead. For the CLI.
	ReadOnly bool
	// openTimeout bounds the wait for an index another process holds;
	// zero means textsearch.DefaultOpenTimeout. Tests shorten it.
	openTimeout time.Duration
	// State, when set, is the kb.ScanLibrary state the library given to
	// Open was loaded from. It is recorded beside the index so that
	// OpenCurrent can later use the index without loading the library.
	State *kb.LibraryState
}

// Index answers queries over a library. It is safe for concurrent use;
// Update swaps in a new library without stopping queries.
type Index struct {
	dir  string
	opts Options

	mu  sync.RWMutex // guards gen; held for reading during a search
	gen *generation

	updating sync.Mutex // one rebuild at a time
}

// generation is one library with the index built for it.
type generation struct {
	eng  *textsearch.Index
	lib  *kb.Library
	hash string
	path string // "" when in memory
}

func (g *generation) close() error {
	if g == nil || g.eng == nil {
		return nil
	}
	return g.eng.Close()
}

// Open returns the index of lib kept in dir, reusing what is there when it
// was built for the same content and mapping, and otherwise building it
// aside and swapping it in. An index on disk that is corrupt, half written
// or foreign is rebuilt; when the disk cannot be used at all the index is
// built in memory. Only a library that cannot be indexed is an error.
func Open(dir string, lib *kb.Library, opts Options) (*Index, error) {
	ix := &Index{dir: dir, opts: opts}
	g, err := ix.load(context.Background(), lib)
	if err != nil {
		return nil, err
	}
	ix.gen = g
	return ix, nil
}

// OpenMemory builds the index of lib in memory only.
func OpenMemory(lib *kb.Library) (*Index, error) {
	return Open("", lib, Options{})
}

// inMemory reports whether the index lives only in memory, because it was
// asked to or because its directory could not be used.
func (ix *Index) inMemory() bool {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.gen == nil || ix.gen.path == ""
}

// Update makes the index answer for lib, rebuilding aside when its content
// differs. Queries keep being answered from the previous library until the
// new one is ready; cancelling ctx abandons the rebuild and keeps the old.
func (ix *Index) Update(ctx context.Context, lib *kb.Library) error {
	return ix.UpdateLibrary(ctx, lib, nil)
}

// UpdateLibrary is Update for a library loaded from state (see
// kb.ScanLibrary), which is recorded so that the next start can use the
// index without loading the library (OpenCurrent). Call it after
// installing, removing or editing packs: the app does when it has loaded
// the library in the background.
func (ix *Index) UpdateLibrary(ctx context.Context, lib *kb.Library, state *kb.LibraryState) error {
	ix.updating.Lock()
	defer ix.updating.Unlock()
	ix.mu.RLock()
	old := ix.gen
	ix.mu.RUnlock()
	if old == nil {
		return ErrClosed
	}
	c := newCorpus(lib)
	if c.hash == old.hash {
		ix.mu.Lock()
		if ix.gen != nil {
			ix.gen = &generation{eng: old.eng, lib: lib, hash: old.hash, path: old.path}
			ix.remember(ix.gen, c, state)
		}
		ix.mu.Unlock()
		return nil
	}
	g, err := ix.loadCorpus(ctx, lib, c)
	if err != nil {
		return err
	}
	ix.remember(g, c, state)
	ix.mu.Lock()
	if ix.gen == nil {
		ix.mu.Unlock()
		g.close()
		return ErrClosed
	}
	ix.gen = g
	ix.mu.Unlock()
	if err := old.close(); err != nil {
		return fmt.Errorf("close previous index: %w", err)
	}
	if g.path != "" && !ix.opts.ReadOnly {
		textsearch.RemoveOthers(ix.dir, g.path)
	}
	return nil
}

// Close releases the index. Searches after Close return ErrClosed.
func (ix *Index) Close() error {
	ix.mu.Lock()
	g := ix.gen
	ix.gen = nil
	ix.mu.Unlock()
	if g == nil {
		return nil
	}
	if err := g.close(); err != nil {
		return fmt.Errorf("close search index: %w", err)
	}
	return nil
}

func (ix *Index) load(ctx context.Context, lib *kb.Library) (*generation, error) {
	c := newCorpus(lib)
	g, err := ix.loadCorpus(ctx, lib, c)
	if err == nil {
		ix.remember(g, c, ix.opts.State)
	}
	return g, err
}

// loadCorpus finds or builds the index for c: on disk when there is a dir,
// falling back to memory whenever the disk fails us.
func (ix *Index) loadCorpus(ctx context.Context, lib *kb.Library, c *corpus) (*generation, error) {
	timeout := ix.opts.openTimeout
	if timeout <= 0 {
		timeout = textsearch.DefaultOpenTimeout
	}
	tc := c.textCorpus()
	if ix.dir != "" {
		path := ix.dir + string(os.PathSeparator) + c.hash
		e, err := textsearch.OpenStored(path, tc, ix.opts.ReadOnly, timeout)
		if err == nil {
			return &generation{eng: e, lib: lib, hash: c.hash, path: path}, nil
		}
		if !ix.opts.ReadOnly && !textsearch.IsLocked(err) {
			e, path, err := textsearch.BuildStored(ctx, ix.dir, tc, ix.opts.Progress, timeout)
			if err == nil {
				textsearch.RemoveOthers(ix.dir, path)
				return &generation{eng: e, lib: lib, hash: c.hash, path: path}, nil
			}
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
		}
	}
	e, err := textsearch.BuildMemory(ctx, tc, ix.opts.Progress)
	if err != nil {
		return nil, fmt.Errorf("build search index: %w", err)
	}
	return &generation{eng: e, lib: lib, hash: c.hash}, nil
}
