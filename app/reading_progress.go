package app

import (
	"fmt"
	"time"

	"github.com/poisehq/poise/kb/packs"
)

// readingEvery is the least time between two counts of files read on the
// Find screen: a few a second, which moves without redrawing for each of
// thousands of files.
const readingEvery = 250 * time.Millisecond

// countFilesRead has the Find screen count the files k reads before a
// first build indexes them: on the issue 10 vault reading takes seconds
// (6-8 under load), and "reading your packs" alone looked stuck. Call it
// before k loads.
func (p *poise) countFilesRead(k *packs.KeptLoad) {
	total := k.Files()
	read, last := 0, time.Time{}
	k.FileLoaded = func() { // one call at a time, on the loading goroutine
		read++
		if time.Since(last) < readingEvery && read != total {
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
}

// readingText is what the Find screen says while a first build reads the
// packs, read of total files (0: not known).
func readingText(read, total int) string {
	if total <= 0 {
		return fmt.Sprintf("Preparing search… reading your packs: %d files", read)
	}
	return fmt.Sprintf("Preparing search… reading your packs: %d of %d files", min(read, total), total)
}
