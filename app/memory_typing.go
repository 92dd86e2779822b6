package app

import (
	"path/filepath"
	"sync"
	"time"

	"github.com/poisehq/poise/internal/residency"
)

// dropPagesEvery is how often, at most, the pages of the index's files
// that searches read are let go while the agent types (pageDropper).
const dropPagesEvery = 250 * time.Millisecond

// pageDropper lets go of the index's mapped pages after searches while
// the agent types, not only once typing pauses (trimSoon). One search on
// the issue 10 vault reads about 22 MB of the index's files, and a burst
// of typing kept every page any of its searches read: 43 MB above the
// app's settled size at the peak. The pages stay in the system's page
// cache, so the next search maps them back without reading the disk; it
// costs that search a few milliseconds (6 ms against 14 ms for "sync" on
// that vault), so it is done at most every dropPagesEvery: a fast typist
// pays it on one search in four. A search that came too soon after the
// last drop has its pages let go dropPagesEvery later: they otherwise
// stayed until typing paused for trimAfter (13-24 MB of the index resident
// a second after each query typed on that vault).
type pageDropper struct {
	drop func() // lets go of the pages; nil when there is no index folder
	now  func() time.Time
	// later runs f after d (time.AfterFunc when nil), for a search's
	// skipped drop.
	later func(d time.Duration, f func())

	mu       sync.Mutex
	last     time.Time // when drop last ran
	running  bool
	trailing bool // a later drop is due for a search that skipped one
}

func newPageDropper(dataDir string) *pageDropper {
	d := &pageDropper{now: time.Now}
	if dataDir != "" {
		dir := filepath.Join(dataDir, "index")
		// Only a larger resident size is lost if it fails.
		d.drop = func() { _, _ = residency.DropMapped(dir) }
	}
	return d
}

// afterSearch lets go of the pages when dropPagesEvery has passed since it
// last did. Called off the UI goroutine, after a search's results are
// handed to the screen, so they show without waiting for it.
func (d *pageDropper) afterSearch() {
	if d == nil || d.drop == nil {
		return
	}
	d.mu.Lock()
	now := d.now()
	if d.running || (!d.last.IsZero() && now.Sub(d.last) < dropPagesEvery) {
		if !d.trailing {
			d.trailing = true
			later := d.later
			if later == nil {
				later = func(wait time.Duration, f func()) { time.AfterFunc(wait, f) }
			}
			later(dropPagesEvery, d.trailingDrop)
		}
		d.mu.Unlock()
		return
	}
	d.running, d.last = true, now
	d.mu.Unlock()
	d.drop()
	d.mu.Lock()
	d.running = false
	d.mu.Unlock()
}

// trailingDrop is the drop a search skipped, once the interval is over
// (or again later, when a drop is still running then).
func (d *pageDropper) trailingDrop() {
	d.mu.Lock()
	d.trailing = false
	d.mu.Unlock()
	d.afterSearch()
}
