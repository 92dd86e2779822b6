package watch

import (
	"context"
	"slices"
	"sync"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// UpdateFunc gives search a library in which the packs named changed.
type UpdateFunc func(ctx context.Context, lib *kb.Library, packIDs []string) error

// IndexUpdate is how an edit reaches the search index: the one place to
// change when the index learns to update a single pack or file.
func IndexUpdate(ix *search.Index) UpdateFunc {
	return func(ctx context.Context, lib *kb.Library, _ []string) error {
		return ix.UpdateLibrary(ctx, lib, nil)
	}
}

// Reindexer hands search the latest library, one update at a time. A
// library submitted while an update runs replaces any still waiting, so a
// burst of saves costs at most two updates and the last one always wins.
type Reindexer struct {
	update UpdateFunc

	mu      sync.Mutex
	running bool
	next    *kb.Library
	packs   []string
	done    []func(error)
}

// NewReindexer updates search with update.
func NewReindexer(update UpdateFunc) *Reindexer { return &Reindexer{update: update} }

// Submit asks for lib (in which packIDs changed) to be indexed; done, if
// not nil, runs on the reindexer's goroutine once it is, or once a later
// library replacing it is.
func (r *Reindexer) Submit(lib *kb.Library, packIDs []string, done func(error)) {
	r.mu.Lock()
	r.next = lib
	for _, id := range packIDs {
		if !slices.Contains(r.packs, id) {
			r.packs = append(r.packs, id)
		}
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
		lib, packs, done := r.next, r.packs, r.done
		r.next, r.packs, r.done = nil, nil, nil
		if lib == nil {
			r.running = false
			r.mu.Unlock()
			return
		}
		r.mu.Unlock()
		err := r.update(context.Background(), lib, packs)
		for _, fn := range done {
			fn(err)
		}
	}
}
