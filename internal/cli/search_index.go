package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/poisehq/poise/content"
	"github.com/poisehq/poise/internal/datadir"
	"github.com/poisehq/poise/kb"
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
//   - only when another Poise holds the lock (an app still starting, not
//     yet answering on its socket) is an index built in memory for this
//     one search.
func (c *cli) searchIndex(ctx context.Context) (*search.Index, error) {
	dir := filepath.Join(c.dataDir(), "index")
	packsDir := filepath.Join(c.dataDir(), "packs")
	state, scanErr := kb.ScanLibrary(packs.Builtin(content.FS, packsDir), packsDir, search.RecordedState(dir))
	if scanErr == nil {
		if ix, err := search.OpenCurrent(dir, state, search.Options{ReadOnly: true}); err == nil {
			return ix, nil
		}
	}
	opts := search.Options{ReadOnly: true}
	lock, err := datadir.Open(c.dataDir())
	if err == nil {
		defer lock.Close()
		if scanErr == nil {
			// Packs changed since the index was kept: reindex only those.
			if ix, err := search.OpenRecorded(dir, search.Options{}); err == nil {
				src := search.Packs{Builtin: packs.Builtin(content.FS, packsDir), Dir: packsDir}
				if err := ix.Sync(ctx, src, state); err == nil {
					return ix, nil
				}
				ix.Close()
			}
		}
		opts = search.Options{State: state, Progress: c.indexProgress()}
		fmt.Fprintln(c.env.Stderr, "poise: building the search index for your packs; this happens once, and later searches are immediate")
	}
	lib, err := c.library()
	if lib == nil {
		return nil, withHint(fmt.Errorf("load packs: %w", err), "Check your packs with 'poise pack lint'.")
	}
	if err != nil {
		fmt.Fprintf(c.env.Stderr, "poise: warning: %v\n", err)
	}
	ix, err := search.Open(dir, lib, opts)
	if err != nil {
		return nil, fmt.Errorf("open search index: %w", err)
	}
	return ix, nil
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
			fmt.Fprintf(c.env.Stderr, "poise: warning: the search index was not updated (%v); the next search updates it\n", err)
			return
		}
	}
}
