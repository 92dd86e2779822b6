package app

import (
	"os"
	"time"
	_ "unsafe" // go:linkname, for Fyne's cache duration
)

// fyneCacheFor is how long Fyne keeps what it drew for an object or string
// no longer shown: the texture of every string drawn, widget renderers,
// text measurements. Fyne keeps them a minute (cleaning at most every 30
// s), and with the software renderer a texture is C memory: typing ten
// queries on the issue 10 vault, each with a few previews, drew some
// thousand strings never shown again, and the C heap grew from 32 MB to
// 50-59 MB for the minute after typing, at the peak too.
//
// Fyne reads FYNE_CACHE for this only as it starts (before main), so the
// app sets its variables itself, once, before the window: at 15 s what no
// longer shows is freed 15-25 s after it was last drawn (Fyne cleans at
// most every 10 s). Not below 15 s: the driver walks a window that is not
// redrawn every (10 s - duration) to keep what it shows alive, and at 10 s
// it would walk it on every frame.
const fyneCacheFor = 15 * time.Second

// fyneValidDuration and fyneCleanEvery are Fyne's (internal/cache, 2.7):
// a Fyne that renamed them fails to link, it does not silently keep the
// minute.
//
//go:linkname fyneValidDuration fyne.io/fyne/v2/internal/cache.ValidDuration
var fyneValidDuration time.Duration

//go:linkname fyneCleanEvery fyne.io/fyne/v2/internal/cache.cleanTaskInterval
var fyneCleanEvery time.Duration

// shortenFyneCache sets fyneCacheFor, unless the person set FYNE_CACHE.
// Called before the app starts, when nothing reads them concurrently.
func shortenFyneCache() {
	if os.Getenv("FYNE_CACHE") != "" {
		return
	}
	fyneValidDuration, fyneCleanEvery = fyneCacheFor, fyneCacheFor/2
}
