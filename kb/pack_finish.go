package kb

import (
	"runtime"
	"slices"
	"sync"
)

// minFilesToSplit is the number of files below which a pack's files are
// finished on one goroutine: two cost more than they save (a variable
// for tests).
var minFilesToSplit = 256

// finishFiles resolves the links of a whole pack's files, shows their
// embeds and gathers their items into pack.Items, in path order.
//
// It waits for every file to load, so on one goroutine it left a core
// idle between loading and indexing (go test -trace of the issue 10
// vault: a quarter to two fifths of a second, most of it copying 55,000
// items while the GC marked). The files are split in two parts of about
// as many items, each finished on a goroutine of its own: a file's links
// and embeds change only its own items (Links, Body), and what they read
// of other files (anchors, ids, titles, text) no part changes, so the
// result is what one goroutine makes; the problems and links to other
// packs each part finds are kept in path order by joining them part by
// part.
func (l *loader) finishFiles(pack *Pack) {
	n := 0
	for _, rec := range l.order {
		n += len(rec.items)
	}
	base := len(pack.Items)
	pack.Items = slices.Grow(pack.Items, n)[:base+n]
	parts := [][]*fileRec{l.order}
	if runtime.GOMAXPROCS(0) > 1 && len(l.order) >= minFilesToSplit {
		half, seen := 0, 0
		for half < len(l.order) && seen < n/2 {
			seen += len(l.order[half].items)
			half++
		}
		parts = [][]*fileRec{l.order[:half], l.order[half:]}
	}
	items := &embedItems{order: l.order}
	finishers := make([]*loader, len(parts))
	var wg sync.WaitGroup
	at := base
	for i, recs := range parts {
		// A loader of its own: the problems and links it adds, and the
		// links' files it remembers (linkedFile), are its part's.
		f := &loader{fsys: l.fsys, opts: l.opts, id: l.id, plain: l.plain, notes: l.notes, lang: l.lang, files: l.files, ids: l.ids, originals: l.originals, bodies: l.bodies}
		finishers[i] = f
		dst := pack.Items[at:at]
		for _, rec := range recs {
			at += len(rec.items)
		}
		finish := func() {
			if !f.bodies {
				f.resolveLinks(recs)
			}
			if f.plain {
				f.showEmbeds(recs, items)
			}
			for _, rec := range recs {
				dst = append(dst, rec.items...) // within the room made above
			}
		}
		if i == len(parts)-1 {
			finish() // the last part on this goroutine
		} else {
			wg.Go(finish)
		}
	}
	wg.Wait()
	for _, f := range finishers {
		l.ps = append(l.ps, f.ps...)
		l.originalLinks = append(l.originalLinks, f.originalLinks...)
	}
	pack.OriginalLinks = l.originalLinks
}
