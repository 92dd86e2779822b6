package app

import (
	"fmt"
	"sync/atomic"
	"time"

	"github.com/poisehq/poise/internal/numtext"
	"github.com/poisehq/poise/kb/packs"
)

// readingEvery is the least time between two counts of files read on the
// Find screen: a few a second, which moves without redrawing for each of
// thousands of files.
const readingEvery = 250 * time.Millisecond

// countFilesRead counts the files k reads before a first build indexes
// them, for the Find screen: on the issue 10 vault reading takes seconds
// (6-8 under load), and "reading your packs" alone looked stuck. Call it
// before k loads, which begins while the window is made; the counts show
// once the returned function has the window's poise (until then its
// first paint says "reading your packs").
func countFilesRead(k *packs.KeptLoad) (showOn func(*poise)) {
	total := k.Files()
	var screen atomic.Pointer[poise]
	read, last := 0, time.Time{}
	k.FileLoaded = func() { // one call at a time, on the loading goroutine
		read++
		if time.Since(last) < readingEvery && read != total {
			return
		}
		p := screen.Load()
		if p == nil {
			return
		}
		last = time.Now()
		msg := readingText(read, total)
		p.do(func() {
			if p.search == nil {
				p.setIndexing(msg)
			}
		})
	}
	return screen.Store
}

// readingText is what the Find screen says while a first build reads the
// packs, read of total files (0: not known).
func readingText(read, total int) string {
	if total <= 0 {
		return "Preparing search… reading your packs: " + numtext.Count(read) + " files"
	}
	return fmt.Sprintf("Preparing search… reading your packs: %s of %s files", numtext.Count(min(read, total)), numtext.Count(total))
}
