package watch

import (
	"context"
	"slices"
	"sync"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// Job is one change for search: a pack (or some of its files) that was
// saved or edited, and the library as the app now shows it.
type Job struct {
	// Library is the library with the change in, as ReloadPack made it.
	Library *kb.Library
	PackID  string
	// Files are the pack's files that changed, slash-separated; nil when
	// any may have.
	Files []string
	// Kept are the files that keep their last good items (Reloaded.Kept):
	// search keeps what it has for them rather than read them.
	Kept []string
	// KeptGood: search must index Library as given rather than read the
	// files (the pack's manifest is broken, or jobs were merged).
	KeptGood bool
}

// UpdateFunc gives search the jobs submitted since the last update, oldest
// first.
type UpdateFunc func(ctx context.Context, jobs []Job) error

// IndexUpdate is how an edit reaches the search index, and the one place
// to change how: the files changed, saved in Poise or edited outside it,
// are reindexed alone (UpdateFiles), a pack whose changed files are not
// known pack by pack (UpdatePack), both reading from src and recording the
// new library state so the next start opens the index at once. A file
// kept at its last good version (broken since) is left as search has it,
// and read again once fixed. Only a broken manifest, or jobs merged past
// maxPending, index the library given (UpdateLibrary, which indexes only
// the items that differ but cannot record a state).
func IndexUpdate(ix *search.Index, src search.Packs) UpdateFunc {
	return func(ctx context.Context, jobs []Job) error {
		last := jobs[len(jobs)-1]
		if slices.ContainsFunc(jobs, func(j Job) bool { return j.KeptGood || slices.Contains(j.Kept, "pack.toml") }) {
			return ix.UpdateLibrary(ctx, last.Library, nil)
		}
		files := map[string][]string{} // pack id → files; nil: the whole pack
		kept := map[string][]string{}  // pack id → files kept, as the last job says
		var order []string
		for _, j := range jobs {
			got, seen := files[j.PackID]
			if !seen {
				order = append(order, j.PackID)
			}
			kept[j.PackID] = j.Kept
			if j.Files == nil || (seen && got == nil) {
				files[j.PackID] = nil
				continue
			}
			files[j.PackID] = append(got, j.Files...)
		}
		for _, id := range order {
			fs := files[id]
			if fs == nil && len(kept[id]) > 0 {
				// The whole pack read again would drop the kept files'
				// last good items.
				return ix.UpdateLibrary(ctx, last.Library, nil)
			}
			var err error
			if fs != nil {
				fs = slices.DeleteFunc(fs, func(f string) bool { return slices.Contains(kept[id], f) })
				if len(fs) == 0 {
					continue
				}
				slices.Sort(fs)
				err = ix.UpdateFiles(ctx, src, id, slices.Compact(fs))
			} else {
				err = ix.UpdatePack(ctx, src, id)
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
}

// Reindexer hands search the changes, one update at a time. Jobs
// submitted while an update runs wait and go together into the next, so
// a burst of saves costs at most two updates and the last one wins.
type Reindexer struct {
	update UpdateFunc

	mu      sync.Mutex
	running bool
	jobs    []Job
	done    []func(error)
}

// maxPending bounds the jobs waiting: beyond it, the oldest are merged
// into a whole-pack update of the newest library.
const maxPending = 256

// NewReindexer updates search with update.
func NewReindexer(update UpdateFunc) *Reindexer { return &Reindexer{update: update} }

// Submit asks for job to reach search; done, if not nil, runs on the
// reindexer's goroutine once it has (with the error of the update that
// took it in).
func (r *Reindexer) Submit(job Job, done func(error)) {
	r.mu.Lock()
	r.jobs = append(r.jobs, job)
	if len(r.jobs) > maxPending {
		r.jobs = []Job{{Library: job.Library, PackID: job.PackID, KeptGood: true}}
	}
	if done != nil {
		r.done = append(r.done, done)
	}
	if r.running {
		r.mu.Unlock()
		return
	}
	r.running = true
	r.mu.Unlock()
	go r.loop()
}

func (r *Reindexer) loop() {
	for {
		r.mu.Lock()
		jobs, done := r.jobs, r.done
		r.jobs, r.done = nil, nil
		if len(jobs) == 0 {
			r.running = false
			r.mu.Unlock()
			return
		}
		r.mu.Unlock()
		err := r.update(context.Background(), jobs)
		for _, fn := range done {
			fn(err)
		}
	}
}
