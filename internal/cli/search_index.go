package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/poisehq/poise/content"
	"github.com/poisehq/poise/internal/datadir"
	"github.com/poisehq/poise/internal/hugeheap"
	"github.com/poisehq/poise/internal/searchsock"
	"github.com/poisehq/poise/internal/startgc"
	"github.com/poisehq/poise/kb/packs"
	"github.com/poisehq/poise/kb/search"
)

// searchIndex opens the index "poise search" answers from, the cheapest
// way that is right:
//   - the index kept in the data folder, when it was built for the library
//     as it is on disk: files are only statted, none is parsed;
//   - otherwise, holding the data folder's lock, it loads the library and
//     builds the index once, with progress on standard error, and keeps it
//     for the next search (and the app);
//   - when another Poise holds the lock (a search building the index, an
//     app still starting), it waits for it, asking the app's socket as it
//     goes, rather than building a second index at the same time; only
//     after searchLockWait is an index built in memory for this one search.
//
// When the app answers during the wait, its results are returned instead.
// resumeGC (see pauseGC) is called before anything larger than answering
// from the kept index.
func (c *cli) searchIndex(ctx context.Context, q search.Query, resumeGC func()) (*search.Index, *search.Results, error) {
	dir := filepath.Join(c.dataDir(), "index")
	packsDir := filepath.Join(c.dataDir(), "packs")
	recorded := search.ReadRecorded(dir)
	recorded.Preopen(search.Options{ReadOnly: true}) // while the packs are scanned
	defer recorded.Close()
	state, scanErr := packs.Scan(packs.Builtin(content.FS, packsDir), packsDir, recorded.State())
	if scanErr == nil {
		if ix, err := recorded.OpenCurrent(state, search.Options{ReadOnly: true}); err == nil {
			return ix, nil, nil
		}
	}
	resumeGC()
	opts := search.Options{ReadOnly: true}
	lock, err := datadir.Open(c.dataDir())
	if errors.Is(err, datadir.ErrLocked) {
		var res *search.Results
		if lock, res, err = c.waitForData(ctx, q); res != nil {
			return nil, res, nil
		}
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		if err == nil && scanErr == nil {
			// The other Poise may have just built and kept the index.
			if ix, err := search.OpenCurrent(dir, state.Hashed(packsDir, nil), search.Options{ReadOnly: true}); err == nil {
				lock.Close()
				return ix, nil, nil
			}
		}
	}
	if err == nil {
		defer lock.Close()
		if scanErr == nil {
			// Packs changed since the index was kept: reindex only those,
			// once the copy opened read-only to answer from lets go of
			// the index's lock (opening it to write would time out).
			recorded.Close()
			if ix, err := search.OpenRecorded(dir, search.Options{}); err == nil {
				src := search.Packs{Builtin: packs.Builtin(content.FS, packsDir), Dir: packsDir}
				if err := ix.Sync(ctx, src, state.Hashed(packsDir, nil)); err == nil {
					return ix, nil, nil
				}
				ix.Close()
			}
		}
		opts = search.Options{State: state, Progress: c.indexProgress()}
		fmt.Fprintln(c.env.Stderr, "poise: building the search index for your packs; this happens once, and later searches are immediate")
	}
	// Loading and indexing the whole library fault in hundreds of
	// megabytes of fresh memory: in 2 MB pages rather than 4 KB ones
	// where the system allows it (internal/hugeheap).
	defer hugeheap.Reserve(search.FirstBuildHeap(state))()
	// Large packs parsed for an index built and kept under the data lock
	// (opts.State) are kept too, or the app's next start parses them all
	// again (31 s on the issue 10 vault); without the lock, Keep keeps
	// nothing.
	keep := packs.NewKeptLoad(packs.Builtin(content.FS, packsDir), packsDir, opts.State, func(format string, args ...any) {
		fmt.Fprintln(c.env.Stderr, termText(fmt.Sprintf(format, args...), true))
	})
	keep.ParseAll = true
	if opts.Progress != nil {
		keep.FileLoaded = c.readProgress(keep.Files())
	}
	lib, err := keep.Load()
	if opts.State != nil {
		opts.State = keep.State() // its files hashed as they were read
	}
	if lib == nil {
		return nil, nil, withHint(fmt.Errorf("load packs: %w", err), "Check your packs with 'poise pack lint'.")
	}
	if err != nil {
		fmt.Fprintf(c.env.Stderr, "poise: warning: %s\n", termText(err.Error(), true))
	}
	// The large packs are kept while the index is built: the build leaves
	// a core idle in its hand-offs and its final merge, where keeping them
	// after it took 0.3-0.5 s of one core on the issue 10 vault. Both only
	// read the library.
	var kept sync.WaitGroup
	if opts.State != nil {
		kept.Go(func() { keep.Keep(lib) })
	}
	ix, err := search.Open(dir, lib, opts)
	kept.Wait()
	if err != nil {
		return nil, nil, fmt.Errorf("open search index: %w", err)
	}
	return ix, nil, nil
}

// pauseGC holds the garbage collector off until the heap reaches
// startgc.PausedLimit, for a search answered from the kept index: a short
// process whose garbage is freed when it exits, where four collections of
// a heap of a few megabytes each woke both cores and cost more than they
// freed. A "poise search" process has held it off since its start
// (internal/startgc). The returned function, safe to call more than once,
// restores the settings before anything that may allocate more (building
// or updating the index).
func pauseGC() (resume func()) {
	startgc.Pause()
	return sync.OnceFunc(startgc.Resume)
}

// searchLockWait bounds how long a search waits for another Poise holding the
// data folder: longer than a first build of a large library on a busy
// machine, shorter than forever (a journal entry open in an editor).
var searchLockWait = 5 * time.Minute

// waitForData waits for the data folder's lock, asking the running app's
// socket meanwhile, so a search started during another's first build (or
// an app's start) does not build a throwaway index of its own. It returns
// the lock, or the app's results, or ErrLocked after searchLockWait.
func (c *cli) waitForData(ctx context.Context, q search.Query) (*datadir.Dir, *search.Results, error) {
	fmt.Fprintln(c.env.Stderr, "poise: another Poise is using the data folder (building the search index, or starting); waiting for it")
	deadline := time.Now().Add(searchLockWait)
	for {
		select {
		case <-ctx.Done():
			return nil, nil, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
		if res, err := searchsock.Ask(ctx, searchsock.Path(c.dataDir()), q, 2*time.Second); err == nil {
			return nil, res, nil
		}
		lock, err := datadir.Open(c.dataDir())
		if !errors.Is(err, datadir.ErrLocked) || time.Now().After(deadline) {
			return lock, nil, err
		}
	}
}

// readProgress counts the files a first build reads, of total, on
// standard error about once a second: reading the packs takes seconds
// before indexing starts (6-8 s of a busy machine on the issue 10 vault),
// which said nothing. Once it has said anything, it says the last file
// too, so the reading is seen to end before the item counts begin. The
// returned function is called once per file, one call at a time
// (kb.Kept.FileLoaded).
func (c *cli) readProgress(total int) func() {
	read, last := 0, time.Now() // a first line after a second, none for a small library
	printed := false
	return func() {
		read++
		if total < 1000 || read > total {
			return
		}
		if time.Since(last) < time.Second && !(printed && read == total) {
			return
		}
		last, printed = time.Now(), true
		fmt.Fprintf(c.env.Stderr, "poise: read %d of %d files\n", read, total)
	}
}

// indexProgress reports a build on standard error about once a second, so
// a long first build shows it is moving without flooding a log.
func (c *cli) indexProgress() func(done, total int) {
	var last time.Time
	return func(done, total int) {
		if total < 1000 || (time.Since(last) < time.Second && done < total) || done == 0 {
			return
		}
		last = time.Now()
		if done >= total {
			// The merge and the writes still to come take seconds on a
			// large library: say so, or the build looks stuck.
			fmt.Fprintf(c.env.Stderr, "poise: indexed %d of %d items; finishing the index\n", done, total)
			return
		}
		fmt.Fprintf(c.env.Stderr, "poise: indexed %d of %d items\n", done, total)
	}
}

// reindexPacks brings the search index kept in the data folder up to date
// for the packs a command just changed, loading only them, so the next
// search answers at once instead of loading every pack. The caller holds
// the data lock. Without a kept index there is nothing to update; a
// failure only costs the next search a library load.
func (c *cli) reindexPacks(ctx context.Context, s *packs.Store, ids ...string) {
	if ctx == nil {
		ctx = context.Background()
	}
	ix, err := search.OpenRecorded(filepath.Join(c.dataDir(), "index"), search.Options{})
	if err != nil {
		return
	}
	defer ix.Close()
	for _, id := range ids {
		if err := s.Reindex(ctx, ix, content.FS, id); err != nil {
			fmt.Fprintf(c.env.Stderr, "poise: warning: the search index was not updated (%s); the next search updates it\n", termText(err.Error(), false))
			return
		}
	}
}
