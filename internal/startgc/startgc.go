// Package startgc holds the garbage collector off from the very start of a
// "poise search", before the other packages' inits run. The search pauses
// the collector itself once its command runs (internal/cli), but the
// inits of the libraries the one binary links (Fyne's translations,
// Bleve's registry, goldmark's tables: about 3 MB) reach the runtime's
// first 4 MB heap goal before that, and the collection they set off woke
// both cores in a process that lives 100 ms and frees everything when it
// exits.
//
// It must stay a package that imports almost nothing: Go initialises a
// package once what it imports is initialised, taking ready packages in
// import-path order, so this init runs once os is initialised, before the
// inits of Fyne's translations and goldmark (0.85 MB of the 2.9 MB were
// allocated before it on the issue 10 build; no collection ran, against
// one in every search before). cmd/poise imports it for that.
package startgc

import (
	"os"
	"runtime/debug"
	"sync"
)

// PausedLimit bounds the heap while the collector is held off: answering
// from the kept index of the issue 10 vault allocates under 10 MB in all,
// inits included.
const PausedLimit = 64 << 20

// paused says whether the collector is held off, and what was found.
var (
	mu                  sync.Mutex
	paused              bool
	gcPercent, memLimit int64
)

func init() {
	if len(os.Args) > 1 && os.Args[1] == "search" {
		Pause()
	}
}

// Pause holds the collector off until the heap reaches PausedLimit, and
// remembers the settings Resume restores. Pausing twice keeps the first
// settings.
func Pause() {
	mu.Lock()
	defer mu.Unlock()
	if paused {
		return
	}
	gcPercent = int64(debug.SetGCPercent(-1))
	memLimit = debug.SetMemoryLimit(PausedLimit)
	paused = true
}

// Resume restores the settings from before Pause, before anything that
// may allocate more than a search (building or updating the index).
func Resume() {
	mu.Lock()
	defer mu.Unlock()
	if !paused {
		return
	}
	debug.SetMemoryLimit(memLimit)
	debug.SetGCPercent(int(gcPercent))
	paused = false
}
