package app

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sync"
	"time"

	"github.com/poisehq/poise/internal/residency"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/packs"
	"github.com/poisehq/poise/kb/search"
)

// maxBodies bounds the bodies read back from disk that are kept, so
// moving through results does not read a file twice.
const maxBodies = 64

// loadedBody is an item read back with its body, and the bodiless item of
// the library it stands for.
type loadedBody struct{ light, full *kb.Item }

// withBody is it with its Body and Text, read from its file when the
// library left them out (packs.ShedPack); it itself otherwise, or when the
// file cannot be read (the preview then shows its title and summary).
func (p *poise) withBody(it *kb.Item) *kb.Item {
	if it == nil || it.Body != "" || it.Text != "" || it.Kind != kb.KindGuide || !p.lib.BodiesShed(it.Pack) {
		return it
	}
	if b, ok := p.bodies[it.ID]; ok && b.light == it {
		return b.full
	}
	pk, ok := p.lib.Pack(it.Pack)
	if !ok || p.packsDir() == "" {
		return it
	}
	dir, err := kb.PackFolder(p.packsDir(), pk.Dir)
	if err != nil {
		p.logf("poise: %s: %v", it.ID, err)
		return it
	}
	// The file's other items come too: a guide shows with its sections.
	var same []*kb.Item
	for i := range pk.Items {
		if pk.Items[i].Source.File == it.Source.File && pk.Items[i].Kind == kb.KindGuide {
			if cur, ok := p.lib.Item(pk.Items[i].ID); ok && cur == &pk.Items[i] {
				same = append(same, cur)
			}
		}
	}
	if !slices.Contains(same, it) {
		same = append([]*kb.Item{it}, same...)
	}
	p.trimSoon() // the note was parsed whole for these
	full, err := pk.LoadBodies(os.DirFS(dir), kb.LoadOptions{ID: pk.Dir}, same)
	if err != nil {
		p.logf("poise: %s: %v", it.ID, err)
		return it
	}
	if p.bodies == nil || len(p.bodies)+len(same) > maxBodies {
		p.bodies = map[string]loadedBody{}
	}
	got := it
	for i, f := range full {
		if f == nil {
			continue
		}
		if len(p.bodies) < maxBodies || same[i] == it {
			p.bodies[f.ID] = loadedBody{light: same[i], full: f}
		}
		if same[i] == it {
			got = f
		}
	}
	return got
}

// loadingHit is the Find result with the given id while the packs are
// still loading behind the index (Run), for the preview's loading state.
func (p *poise) loadingHit(id string) (search.Hit, bool) {
	if !p.packsLoading || p.find == nil {
		return search.Hit{}, false
	}
	for _, h := range p.find.hits {
		if h.ID == id {
			return h, true
		}
	}
	return search.Hit{}, false
}

// isLibraryItem reports whether it is the library's item of its id, or
// that item read back with its body.
func (p *poise) isLibraryItem(it *kb.Item) bool {
	cur, ok := p.lib.Item(it.ID)
	if !ok {
		return false
	}
	if cur == it {
		return true
	}
	b, ok := p.bodies[it.ID]
	return ok && b.full == it && b.light == cur
}

// shedBodies has search and the screens drop the bodies of large packs'
// guides once ix has indexed loaded (off the UI goroutine), then gives
// the memory back; a library swapped in meanwhile (an edit) is left alone.
func (p *poise) shedBodies(ix *search.Index, loaded *kb.Library) {
	light := ix.ShedBodies(packs.ShedPack)
	if light == nil || light == loaded {
		return
	}
	p.do(func() {
		if p.lib == loaded {
			p.setLibrary(light)
			// One item of the loaded library still on screen would keep
			// all of its pack's items, bodies and all: they share one array.
			p.refreshPreview()
		}
		// Loading allocated several times the library's size, all garbage
		// now, and the bodies just shed too: give it back rather than
		// keep the peak as resident memory. The code that started the
		// app, and the renderer's LLVM, which has compiled its shaders by
		// now, are let go of too (residency.DropProgramPages).
		go func() {
			debug.FreeOSMemory()
			_, _ = residency.DropProgramPages()
			capMemory()
		}()
	})
}

// trimAfter is how long the app waits after the last search or note read
// before giving back the memory they used (trimSoon).
const trimAfter = 2 * time.Second

// trimSoon gives the heap's free pages back to the system once searches
// and previews pause: a burst of typing leaves the heap at its goal, half
// again what the app holds, and Go returns free pages only slowly, so the
// app stayed about 90 MB above what it holds (on the issue 10 vault, 356
// MB RSS after a few searches against 268 MB before them) while the agent
// reads. One collection per pause costs a few tens of milliseconds.
//
// The pages of the index's files that searches read are let go too: Bleve
// reads its segments mapped into memory, and every page a search read
// stayed resident (about 50 MB on that vault after ten searches and
// previews: 396-401 MB RSS settled, 337 MB with them let go). They stay in
// the system's page cache, so the next search maps them back without
// reading the disk. The C memory the renderer freed, which glibc keeps,
// is given back too (lateTrimAfter). So are the pages of the program's and
// libraries' code that only the start ran (residency.DropProgramPages),
// at the first pause, and those searching ran once, at each late pass;
// not at every pause: the code a search runs maps its pages back at the
// next one, at least about 1 ms of CPU per MB (30 MB of the program's)
// and a read of the disk for those paged out, which the first key after
// each pause would pay.
// Called on Fyne's goroutine.
func (p *poise) trimSoon() {
	p.memoryActive()
	if p.trimTimer != nil {
		p.trimTimer.Reset(trimAfter)
		p.lateTrimTimer.Reset(lateTrimAfter)
		return
	}
	indexDir := ""
	if p.dataDir != "" {
		indexDir = filepath.Join(p.dataDir, "index")
	}
	trim := func() {
		debug.FreeOSMemory()
		residency.TrimCHeap()
		if indexDir != "" {
			// Only a smaller resident count is lost if it fails.
			_, _ = residency.DropMapped(indexDir)
		}
	}
	// Only a larger resident count is lost if it fails.
	dropProgram := func() { _, _ = residency.DropProgramPages() }
	var first sync.Once
	p.trimTimer = time.AfterFunc(trimAfter, func() {
		trim()
		first.Do(dropProgram) // the start's, and the renderer's LLVM's
		p.memoryIdle()
	})
	p.lateTrimTimer = time.AfterFunc(lateTrimAfter, func() {
		trim()
		dropProgram()
	})
}

// idleGCPercent is the collector's GOGC once searches and previews pause
// (trimAfter). Fyne redraws an idle window (the text cursor blinks), about
// 175 KB of garbage a second, and at GOGC 50 the heap grew by half what
// the app holds before each collection: on the issue 10 vault the app
// crept from 307 MB to 330 MB before the late pass, and from 282 MB back
// over 300 MB after it. At 10 it stayed at 288 MB; a collection comes
// about once a minute and costs a few tens of milliseconds.
const idleGCPercent = 10

// activeGCPercent is the collector's GOGC while the agent searches and
// reads, once the app has settled (from the first pause on). Each search
// and preview makes garbage (on the issue 10 vault about 20 MB a second
// of fast typing, previews included), and at capMemory's GOGC 50 the heap
// grew by half of what the app holds between collections: 160-172 MB of
// heap over 107-115 MB live at the peak of typing ten queries, against
// 136-140 MB at 25 (335-339 MB RSS at the peak against 351). The
// collector's own CPU while typing went from 1.8 to 2.7 s over those 31 s
// (without its idle-time workers): about 3% of one core more.
const activeGCPercent = 25

// memoryIdle collects more often while nothing is searched or read
// (idleGCPercent); memoryActive, at the next search, goes to
// activeGCPercent. A GOGC the person set wins.
func (p *poise) memoryIdle() {
	p.gcMu.Lock()
	defer p.gcMu.Unlock()
	if os.Getenv("GOGC") == "" && !p.gcIdle {
		p.gcIdle = true
		debug.SetGCPercent(idleGCPercent)
	}
}

func (p *poise) memoryActive() {
	p.gcMu.Lock()
	defer p.gcMu.Unlock()
	if p.gcIdle {
		p.gcIdle = false
		if os.Getenv("GOGC") == "" {
			debug.SetGCPercent(activeGCPercent)
		}
	}
}

// lateTrimAfter is when trimSoon gives memory back a second time: Fyne
// frees the renderers and text textures of results no longer shown
// fyneCacheFor after their last use (cleaning at most every 10 s), and
// glibc kept the C memory the renderer freed, about 20 MB after ten
// searches (on the issue 10 vault the app went from 370 MB to 288 MB at
// this pass, when Fyne kept them a minute and this came at 100 s).
const lateTrimAfter = fyneCacheFor + 2*10*time.Second

// capMemory has the garbage collector keep the heap within half again
// what the app holds (GOGC 50) rather than twice (Go's default): the app
// mostly waits for keys, so the extra collections cost little, and with a
// large library the heap otherwise grew by the size of all it holds before
// each collection, the pages staying resident long after. A GOGC the
// person set wins. (A memory limit instead collected continuously once
// the screens' caches filled up to it.)
func capMemory() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
}

// gcPercent is capMemory's GOGC.
const gcPercent = 50

// uncapMemory has the collector run at Go's default GOGC, as "poise
// search" does, while a first build loads the packs and builds the index,
// until openIndex caps it again: the library is most of what is live then
// (250-300 MB on the issue 10 vault), and at 50 the collector marked it
// twice as often. BenchmarkFirstBuildVault on that vault, two pairs at
// load 4-6: 10.3 and 9.7 CPU-s a build at 50, 8.6 and 7.9 at 100; the
// real app's peak RSS 633-647 MB against 688-695. A GOGC the person set
// wins.
func uncapMemory() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(firstBuildGCPercent)
	}
}

// firstBuildGCPercent is uncapMemory's GOGC.
const firstBuildGCPercent = 100

// shedOwnBodies drops again the bodies of a large pack the app reloaded
// (an edit outside Poise reloads a pack whole): search has the edit by now.
//
// Search then answers for the screens' library too, when it holds the
// same packs and items: it spliced the edited files into a copy of its
// own, which would otherwise keep a second array of every item of a large
// pack (about 30 MB for the issue 10 vault) for the rest of the session.
func (p *poise) shedOwnBodies() {
	if light := p.lib.WithoutBodies(packs.ShedPack); light != p.lib {
		p.setLibrary(light)
		p.refreshPreview()
	}
	if ix, ok := p.search.(*search.Index); ok && p.lib.HasShed() && ix.Library() != p.lib {
		ix.UseShed(p.lib)
	}
}
