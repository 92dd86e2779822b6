package watch

import (
	"context"
	"slices"
	"sync"

	"github.com/poisehq/poise/kb/search"
)

// Job is one change for search: a pack (or some of its files) that was
// saved or edited.
type Job struct {
	PackID string
	// Files are the pack's files that changed, slash-separated; nil when
	// any may have.
	Files []string
	// Kept are the files that keep their last good items (Reloaded.Kept):
	// search keeps what it has for them rather than read them. "pack.toml"
	// keeps the whole pack as it was.
	Kept []string
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
// and read again once fixed; a broken pack.toml leaves the pack as it
// was. Search never indexes the app's library itself, whose guides may
// have shed their bodies (search.Index.ShedBodies).
func IndexUpdate(ix *search.Index, src search.Packs) UpdateFunc {
	return func(ctx context.Context, jobs []Job) error {
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
			if slices.Contains(kept[id], "pack.toml") {
				continue // the library keeps the pack as it was, and so does search
			}
			// A whole pack read again (fs nil) drops the kept files' last
			// good items from search until they are fixed: rare, as an
			// edit names its files.
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

// maxPending bounds the jobs waiting: beyond it, they are merged into one
// whole-pack update per pack.
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
		var whole []Job
		for _, j := range r.jobs {
			i := slices.IndexFunc(whole, func(w Job) bool { return w.PackID == j.PackID })
			if i < 0 {
				whole = append(whole, Job{PackID: j.PackID})
				i = len(whole) - 1
			}
			whole[i].Kept = j.Kept // as the newest job says
		}
		r.jobs = whole
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
