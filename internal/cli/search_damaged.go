package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/poisehq/poise/internal/datadir"
	"github.com/poisehq/poise/kb/search"
)

// indexUnreadable is a search of the index kept in the data folder that
// failed for something other than the search being cancelled: the index
// is damaged on disk (a disk fault, a file Poise did not write), which
// zapx reports as a failed read, or as a panic that textsearch makes
// an error (textsearch.ErrDamaged). Building it again is the cure.
type indexUnreadable struct{ err error }

func (e indexUnreadable) Error() string { return "search: " + e.err.Error() }
func (e indexUnreadable) Unwrap() error { return e.err }

// searchKept answers q from the index "poise search" uses (searchIndex),
// or from the running app when it answered during a wait.
func (c *cli) searchKept(ctx context.Context, q search.Query, resumeGC func()) (*search.Results, error) {
	ix, res, err := c.searchIndex(ctx, q, resumeGC)
	if err != nil || res != nil {
		return res, err
	}
	defer ix.Close()
	res, err = ix.Search(ctx, q)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		return nil, indexUnreadable{err}
	}
	return res, nil
}

// dropIndex deletes the kept index that could not be read, holding the
// data folder's lock, so that the next search builds it anew (the index
// folder is safe to delete: README). When another Poise holds the lock,
// it says what to do instead.
func (c *cli) dropIndex(unread indexUnreadable) error {
	dir := filepath.Join(c.dataDir(), "index")
	lock, err := datadir.Open(c.dataDir())
	if err != nil {
		return withHint(unread, fmt.Sprintf("The search index may be damaged: quit Poise, delete the folder %s and search again; it is built anew.", termText(dir, false)))
	}
	defer lock.Close()
	fmt.Fprintf(c.env.Stderr, "poise: the search index could not be read, it may be damaged (%s); building it again\n", termText(unread.err.Error(), false))
	if err := os.RemoveAll(dir); err != nil {
		return withHint(fmt.Errorf("delete damaged search index: %w", err), fmt.Sprintf("Delete the folder %s yourself and search again.", termText(dir, false)))
	}
	return nil
}
