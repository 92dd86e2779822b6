package packs

import "sync"

// KeptWrites runs the writes of kept packs (kb.StorePack, and
// kb.DropStoredPack) in the background one at a time per pack, the
// latest winning: each edit outside Poise keeps the pack again from a
// goroutine of its own, and two in quick succession could finish in
// either order, the older copy overwriting the newer one; the next start
// then read again every file changed since the older one. A write that a
// later one for the same pack has superseded before it could start is
// skipped. The zero value is ready to use.
type KeptWrites struct {
	mu     sync.Mutex
	latest map[string]uint64      // pack folder → number of its latest write
	locks  map[string]*sync.Mutex // pack folder → held while one is written
	wg     sync.WaitGroup
}

// Go runs write for the pack folder dir after the writes for it asked
// before, unless another is asked for meanwhile.
func (w *KeptWrites) Go(dir string, write func()) {
	w.mu.Lock()
	if w.latest == nil {
		w.latest, w.locks = map[string]uint64{}, map[string]*sync.Mutex{}
	}
	w.latest[dir]++
	seq := w.latest[dir]
	lock := w.locks[dir]
	if lock == nil {
		lock = &sync.Mutex{}
		w.locks[dir] = lock
	}
	w.mu.Unlock()
	w.wg.Go(func() {
		lock.Lock()
		defer lock.Unlock()
		w.mu.Lock()
		superseded := w.latest[dir] != seq
		w.mu.Unlock()
		if !superseded {
			write()
		}
	})
}

// Wait waits for the writes asked for so far.
func (w *KeptWrites) Wait() { w.wg.Wait() }
