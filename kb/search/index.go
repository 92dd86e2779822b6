package search

import (
	"context"
	"fmt"
	"path/filepath"
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
	// Early, if set, is called once by an Open that builds the index on
	// disk, with the Index Open will return, as soon as it can answer:
	// once every item is written, before the build's final merge (on the
	// issue 10 vault the last 0.8-1.3 s of a first build, on one core).
	// It answers meanwhile from the segments written, with the same
	// results, then from the merged index once Open has swapped it in;
	// updates wait for that. It is called on Open's goroutine, which
	// waits for it. Closing the Index cancels the build, and Open then
	// returns ErrClosed. It must not be closed from Early itself.
	Early func(*Index)
	// Shed, with Early, chooses the packs whose guides' bodies the Index
	// handed out early answers without (as ShedBodies), and then once
	// built: their snippets come from the texts the index keeps, as they
	// will once the bodies are shed, not from the bodies, which may give
	// another snippet (issue 10 vault: 2 of 6 queries through the app's
	// socket, "同步冲突" and "синхронизация", before and after).
	Shed func(*kb.Pack) bool
}

// Index answers queries over a library. It is safe for concurrent use;
// updates change the index while queries keep being answered.
type Index struct {
	dir  string
	opts Options

	mu  sync.RWMutex // guards gen; held for reading during a search
	gen *generation

	updating sync.Mutex // one update at a time

	// cancelBuild cancels the build Open runs, once it has handed the
	// Index out early (Options.Early), and built is closed when that
	// build is over; both nil otherwise. Guarded by mu.
	cancelBuild context.CancelFunc
	built       chan struct{}
	// handedEarly is set once Options.Early has the Index; only Open's
	// goroutine reads and writes it.
	handedEarly bool

	// stamp is what the record in dir says, as this Index last read or
	// wrote it (index_record_stamp.go); nil when unknown.
	stampMu sync.Mutex
	stamp   *recordStamp
}

// generation is one state of the index with the library it answers for.
// Updates in place make a new generation sharing the Bleve index of the
// one before; a rebuild makes one with an index of its own.
type generation struct {
	eng  *textsearch.Index
	lib  *kb.Library // nil when opened without the library (OpenCurrent)
	hash string
	path string // "" when in memory
	docs int    // items indexed
	sets [][]string
	// state is the library state the index was built for, when known.
	state *kb.LibraryState
	// entries are the pack entries the index keeps, once read (see
	// entriesRead); nil until then.
	entries []*packEntry
	// names reads the packs' names the index keeps, once (packName); nil
	// for a generation that has its library.
	names func() map[string]string
	// indexed and deleted count the documents the update that made this
	// generation in place indexed and deleted.
	indexed, deleted int
}

func (g *generation) close() error {
	if g == nil || g.eng == nil {
		return nil
	}
	return g.eng.Close()
}

// Open returns the index of lib kept in dir, reusing what is there: the
// index last recorded there (see Options.State), updated in place for the
// items that changed, or one built for the same content. Otherwise it is
// built aside and swapped in. An index on disk that is corrupt, half
// written or foreign is rebuilt; when the disk cannot be used at all the
// index is built in memory. Only a library that cannot be indexed is an
// error.
func Open(dir string, lib *kb.Library, opts Options) (*Index, error) {
	ix := &Index{dir: dir, opts: opts}
	c := newCorpus(lib)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if opts.Early != nil {
		ix.cancelBuild, ix.built = cancel, make(chan struct{})
		defer close(ix.built)
	}
	g, err := ix.loadCorpus(ctx, lib, c, ix.recorded(c, lib, opts.State))
	if ix.handedEarly {
		// Handed out early: the merged index takes the place of the
		// unmerged one, which is closed.
		defer ix.updating.Unlock()
		if err != nil {
			ix.closeGen()
			if ctx.Err() != nil {
				return nil, ErrClosed
			}
			return nil, err
		}
		if cur := ix.current(); cur != nil {
			g.lib = cur.lib // with the bodies shed that it answered without
		}
		if err := ix.swap(g); err != nil {
			return nil, err
		}
		return ix, nil
	}
	if err != nil {
		return nil, err
	}
	ix.remember(g)
	ix.gen = g
	return ix, nil
}

// handEarly gives Options.Early the Index, answering from g, whose
// engine is an index on the segments of the build loadCorpus runs for
// Open, and its library (with the bodies Options.Shed chooses left out);
// it holds the update lock until Open has swapped the built index in.
func (ix *Index) handEarly(g *generation) {
	ix.updating.Lock()
	ix.handedEarly = true
	ix.mu.Lock()
	ix.gen = g
	ix.mu.Unlock()
	ix.opts.Early(ix)
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

// Library is the library the index answers for: the one given to Open or
// to the last UpdateLibrary, with the packs and files reindexed since
// (UpdatePack, UpdateFiles) in their new versions. It is nil for an index
// opened without its library (OpenCurrent) until one is given.
func (ix *Index) Library() *kb.Library {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.gen == nil {
		return nil
	}
	return ix.gen.lib
}

// Update makes the index answer for lib. See UpdateLibrary.
func (ix *Index) Update(ctx context.Context, lib *kb.Library) error {
	return ix.UpdateLibrary(ctx, lib, nil)
}

// UpdateLibrary makes the index answer for lib, loaded from state (see
// kb.ScanLibrary; nil when unknown), which is recorded so that the next
// start can use the index without loading the library (OpenCurrent).
//
// Only the items that differ are indexed again (added or changed ones
// indexed, removed ones deleted, in one batch), so an update of one pack
// or file costs that pack or file, not the library; a change of most of
// the library is built afresh aside instead. Queries keep being answered
// from the index as it was until the change is complete; cancelling ctx
// abandons it and keeps the old. To reindex one pack or a few files
// without loading the whole library, use UpdatePack or UpdateFiles.
func (ix *Index) UpdateLibrary(ctx context.Context, lib *kb.Library, state *kb.LibraryState) error {
	ix.updating.Lock()
	defer ix.updating.Unlock()
	return ix.updateLibrary(ctx, lib, state)
}

func (ix *Index) updateLibrary(ctx context.Context, lib *kb.Library, state *kb.LibraryState) error {
	old := ix.current()
	if old == nil {
		return ErrClosed
	}
	if lib.HasShed() {
		// Its guides would be indexed without their words.
		return ErrShed
	}
	c := newCorpus(lib)
	if c.hash == old.hash {
		g := *old
		g.lib, g.state, g.indexed, g.deleted = lib, state, 0, 0
		return ix.swap(&g)
	}
	if old.path == "" || !ix.opts.ReadOnly {
		g, err := applyEntries(ctx, old, c.entries, itemsOf(lib), lib, state, true)
		if err == nil {
			return ix.swap(g)
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	g, err := ix.loadCorpus(ctx, lib, c, nil)
	if err != nil {
		return err
	}
	g.state = state
	return ix.swap(g)
}

// itemsOf looks items up in lib.
func itemsOf(lib *kb.Library) func(string) *kb.Item {
	return func(id string) *kb.Item {
		it, _ := lib.Item(id)
		return it
	}
}

func (ix *Index) current() *generation {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.gen
}

// swap makes g the generation searches use, records it, and releases the
// one before unless g shares its Bleve index.
func (ix *Index) swap(g *generation) error {
	ix.mu.Lock()
	old := ix.gen
	if old == nil {
		ix.mu.Unlock()
		g.close() // once per Bleve index, whether shared or not
		return ErrClosed
	}
	ix.gen = g
	ix.mu.Unlock()
	ix.remember(g)
	if old.eng.Shares(g.eng) {
		return nil // updated in place
	}
	if err := old.close(); err != nil {
		return fmt.Errorf("close previous index: %w", err)
	}
	if g.path != "" && !ix.opts.ReadOnly {
		textsearch.RemoveOthers(ix.dir, g.path)
	}
	return nil
}

// Close releases the index. Searches after Close return ErrClosed. An
// index handed out early (Options.Early) cancels its build, and waits
// for it to remove what it wrote.
func (ix *Index) Close() error {
	ix.mu.Lock()
	cancel, built := ix.cancelBuild, ix.built
	ix.mu.Unlock()
	if cancel != nil {
		cancel()
		<-built
	}
	return ix.closeGen()
}

// closeGen releases the index's generation.
func (ix *Index) closeGen() error {
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

// recorded opens the index last recorded in dir and updates it in place
// for c, when it can be; nil otherwise.
func (ix *Index) recorded(c *corpus, lib *kb.Library, state *kb.LibraryState) *generation {
	if ix.dir == "" {
		return nil
	}
	r, err := readRecord(ix.dir)
	if err != nil {
		return nil
	}
	g, err := ix.openRecord(r)
	if err != nil {
		return nil
	}
	if g.hash == c.hash {
		g.lib, g.state = lib, state
		return g
	}
	if ix.opts.ReadOnly {
		g.close()
		return nil
	}
	ng, err := applyEntries(context.Background(), g, c.entries, itemsOf(lib), lib, state, true)
	if err != nil {
		g.close()
		return nil
	}
	return ng
}

// loadCorpus finds or builds the index for c: the recorded one when it
// was updated for c, one built for c's hash, or a new build; on disk when
// there is a dir, falling back to memory whenever the disk fails us.
func (ix *Index) loadCorpus(ctx context.Context, lib *kb.Library, c *corpus, rec *generation) (*generation, error) {
	if rec != nil {
		return rec, nil
	}
	timeout := ix.opts.openTimeout
	if timeout <= 0 {
		timeout = textsearch.DefaultOpenTimeout
	}
	defer paceBuild()() // a build makes much short-lived garbage: see buildGCPercent
	tc := c.textCorpus()
	gen := func(e *textsearch.Index, path string) *generation {
		return &generation{eng: e, lib: lib, hash: c.hash, path: path, docs: len(c.items), sets: c.sets, state: ix.opts.State, entries: c.entries}
	}
	if ix.dir != "" {
		path := filepath.Join(ix.dir, c.hash)
		e, err := textsearch.OpenStored(path, tc, ix.opts.ReadOnly, timeout)
		if err == nil {
			return gen(e, path), nil
		}
		if !ix.opts.ReadOnly && !textsearch.IsLocked(err) {
			name := c.hash
			if cur := ix.current(); cur != nil && cur.path == path {
				name = textsearch.NewName() // in use, updated in place
			}
			hooks := textsearch.BuildHooks{Progress: ix.opts.Progress}
			if ix.opts.Early != nil && ix.current() == nil {
				early := func() *kb.Library { return lib }
				if ix.opts.Shed != nil {
					// Shed while the last segment is written, on the core
					// that would idle then: made once the segments were
					// all written, it kept search waiting 0.2-0.3 s more
					// (issue 10 vault). The build only reads lib.
					shed := make(chan *kb.Library, 1)
					hooks.LastSegment = func() { shed <- lib.WithoutBodies(ix.opts.Shed) }
					early = func() *kb.Library { return <-shed }
				}
				hooks.Unmerged = func(e *textsearch.Index) {
					g := gen(e, "")
					g.lib = early()
					ix.handEarly(g)
				}
			}
			e, path, err := textsearch.BuildStoredAs(ctx, ix.dir, name, tc, hooks, timeout)
			if err == nil {
				if cur := ix.current(); cur == nil || cur.path == "" {
					textsearch.RemoveOthers(ix.dir, path)
				}
				return gen(e, path), nil
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
	return gen(e, ""), nil
}
