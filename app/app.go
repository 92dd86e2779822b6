// Package app is Poise's desktop window: thin Fyne screens over kb and
// journal. Screens show and collect; every rule lives in kb or journal.
package app

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log"
	"runtime/debug"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/content"
	"github.com/poisehq/poise/internal/numtext"
	// Before Fyne initialises: no locale error under LANG=C.UTF-8, in the
	// app and in its tests.
	_ "github.com/poisehq/poise/internal/clocale"
	"github.com/poisehq/poise/internal/datadir"
	"github.com/poisehq/poise/internal/desktopx"
	"github.com/poisehq/poise/internal/hugeheap"
	"github.com/poisehq/poise/internal/quitsignal"
	"github.com/poisehq/poise/internal/searchsock"
	"github.com/poisehq/poise/internal/settings"
	"github.com/poisehq/poise/internal/usage"
	"github.com/poisehq/poise/journal"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/gaps"
	"github.com/poisehq/poise/kb/packs"
	"github.com/poisehq/poise/kb/search"
)

// AppID matches FyneApp.toml, so preferences and the desktop file agree.
const AppID = "app.poise.desktop"

// windowSize is the window's size at start: room for results and a
// preview side by side, and within a 1280×800 screen.
var windowSize = fyne.NewSize(1100, 720)

// Config is what cmd/poise passes in.
type Config struct {
	DataDir string
	Version string
}

// searcher is what the screens need from the search index.
type searcher interface {
	Search(ctx context.Context, q search.Query) (*search.Results, error)
}

// Run opens the window and returns when it closes.
func Run(cfg Config) error {
	started := time.Now()
	quit := quitsignal.Catch() // since the process began, when cmd/poise started it
	capMemory()                // from the start: loading a large library peaked at twice what it holds
	logMemoryEvery(log.Printf)
	profileHeapOnSignal(log.Printf)
	shortenFyneCache()
	a := fyneapp.NewWithID(AppID)
	dir, err := datadir.Open(cfg.DataDir)
	if errors.Is(err, datadir.ErrLocked) {
		go quitAlreadyRunning(a, quit)
		showAlreadyRunning(a, cfg.DataDir)
		return err
	}
	if err != nil {
		return err
	}
	defer dir.Close()
	if quitBeforeWindow(quit, nil) {
		return nil
	}

	store, storeErr := packs.Open(dir.Join("packs")) // finishes or undoes an install a crash cut short
	if store != nil {
		store.PoiseVersion = cfg.Version
	}
	// When the index kept last time matches the packs on disk (only their
	// files' sizes and times are read), Find works from it at once and the
	// packs load behind the window; otherwise they load first, as the
	// index needs them.
	packsDir, indexDir := dir.Join("packs"), dir.Join("index")
	recorded := search.ReadRecorded(indexDir) // one read of the record for both uses
	state, _ := packs.Scan(packs.Builtin(content.FS, packsDir), packsDir, recorded.State())
	current, quickErr := recorded.OpenCurrent(state, search.Options{})
	stale := false
	if quickErr != nil && state != nil {
		// Packs changed while Poise was closed: answer from the index as
		// it was, and reindex only what changed once the window is up.
		if ix, err := search.OpenRecorded(indexDir, search.Options{}); err == nil {
			current, quickErr, stale = ix, nil, true
			state = state.Hashed(packsDir, nil) // compared with the one recorded
		}
	}
	var first *packs.KeptLoad
	var firstLoaded <-chan loadedLibrary
	var reading func(*poise)
	if quickErr != nil {
		// The index is built from this library, so every pack is parsed
		// (firstBuild); the large ones are kept while it is (openIndex).
		first = packs.NewKeptLoad(packs.Builtin(content.FS, packsDir), packsDir, state, log.Printf)
		first.ParseAll = true
		uncapMemory() // until the index is built (openIndex)
		// Loaded while the window is made: with the build's heap in 2 MB
		// pages, search was ready 0.5 s sooner (median of 6 pairs, issue
		// 10 vault, Xvfb, load 1.2-2.3: 4.4-5.1 s against 4.9-5.2 s), for
		// a first paint 0.3-0.4 s later (1.0-1.3 s against 0.7-0.9 s). It
		// was the other way before: loading then doubled the time to a
		// first paint (1.0 -> 1.9-2.1 s idle) for a search ready no sooner.
		reading = countFilesRead(first)
		firstLoaded = loadPacks(first, search.FirstBuildHeap(state))
	}
	if quitBeforeWindow(quit, current) {
		return nil
	}
	win, err := openWindow(a)
	if err != nil {
		return err
	}
	p := newPoise(a, win, kb.NewLibrary())
	p.packs = store
	p.libState = state
	if first != nil {
		p.awaitFirstBuild(first, reading) // before the Find screen is made
	}
	if storeErr != nil {
		p.notify(storeErr, "The packs folder could not be opened, so packs cannot be installed now. Check that the data folder is writable, then restart Poise.")
	}
	p.win.SetOnDropped(p.onDropped)
	p.version = cfg.Version
	p.dataDir = dir.Path
	p.pages = newPageDropper(p.dataDir)
	p.loadState(dir.Join(settings.FileName), dir.Join(usage.FileName))
	p.gapLog.path = dir.Join(gaps.FileName)
	p.applyTheme()
	p.win.SetContent(p.buildShell())
	p.shown = true
	p.find.focus()
	p.win.Resize(windowSize)
	// The window is created before its first layout, when wrapped text has
	// no width yet and asks for far more height than it needs (under X11 the
	// window opened 1600+ px tall); sizing it again once started fixes that.
	a.Lifecycle().SetOnStarted(func() {
		p.logf("poise: window up %s after start", time.Since(started).Round(time.Millisecond))
		p.win.Resize(windowSize)
		p.startDesktop() // always on top and the system-wide key
		// Only once the window is up: parsing every pack on every core
		// would otherwise delay its first paint. A first build's packs
		// are loading already (firstLoaded), as its index waits for them.
		if current != nil {
			p.packsLoading = true
			p.loadLibrary(current, packsDir, state, stale)
		} else {
			p.firstBuild(first, firstLoaded, indexDir)
		}
	})
	p.win.SetMaster()
	p.setupTray()
	p.started = started
	if current != nil {
		p.useIndex(current)
	} else {
		p.setIndexing("Preparing search… reading your packs")
	}
	quitOnSignal(p, quit)
	stopIdle := p.watchCallIdle()
	defer stopIdle()
	p.win.ShowAndRun()
	boundShutdown(p.logf, nil) // what follows must not keep the data folder locked
	// Fyne quits on SIGTERM and SIGINT too (its driver's catchTerm), and
	// its Quit may reach the loop before quitOnSignal's keepers, which
	// then never run: what is typed in the journal and the editors was
	// lost on about half of the signals. The loop has ended here, and the
	// widgets they read are no longer changed by it.
	for _, keep := range p.onQuit {
		keep()
	}
	if p.hotkey != nil {
		p.hotkey.Close()
	}
	p.stopWatching()
	p.keptWrites.Wait() // a pack kept half-way is kept at the next start: sooner now (boundShutdown bounds it)
	p.endGapQuery()
	p.flushSettings()
	if p.sock != nil {
		p.sock.Close()
	}
	if c, ok := p.search.(interface{ Close() error }); ok {
		c.Close()
	}
	return nil
}

// poise is the running app: the window and what its screens share. Its
// fields are only touched on Fyne's goroutine.
type poise struct {
	app     fyne.App
	win     fyne.Window
	version string
	dataDir string

	lib           *kb.Library
	packs         *packs.Store // nil without a data folder
	builtin       fs.FS        // the built-in pack's files; tests use a small one
	packsView     *packsScreen
	usage         *usage.Store
	call          *usage.Call // the customer's details, in memory only
	settings      settings.Settings
	settingsPath  string
	settingsSaver *settingsSaver // nil until the first change

	// started is when Run began, for the start-up timings logged.
	started time.Time
	// search is nil until the index has opened; searchReady callbacks run
	// when it does.
	search      searcher
	searchReady []func()
	// sock answers "poise search" from the terminal while the app holds
	// the index; nil until the index is open, or when it cannot listen.
	sock     *searchsock.Server
	indexing string // what the Find screen shows while waiting

	rail *railList
	// railIcons is the rail without words, for a narrow window.
	railIcons *railList
	body      *fyne.Container
	current   string // title of the screen showing
	shown     bool   // the shell is the window's content
	views     map[string]*lazy
	keys      map[string]func()
	notices   *fyne.Container
	status    *widget.Label
	toastID   int

	find   *findScreen
	guides *guidesScreen
	matrix *matrixScreen
	stmts  *statementsScreen
	tone   *toneScreen
	now    func() time.Time
	logf   func(format string, args ...any)
	// do runs fn on Fyne's goroutine; tests swap it for a queue they
	// drain themselves, since the test driver runs fyne.Do at once.
	do      func(fn func())
	pausing bool
	// pauseTick is one second of the pause; tests shorten it.
	pauseTick  time.Duration
	pauseCount *canvas.Text
	pauseWords *widget.Label

	// newJournalEntry, when the journal screen sets it, starts a new entry;
	// the tray menu calls it.
	newJournalEntry func()
	// journalForm, when the journal screen sets it, opens the full form on
	// a new entry holding e (the quick log's "More fields"); journalSaved
	// tells it an entry was saved elsewhere, to list it.
	journalForm  func(e journal.Entry)
	journalSaved func()
	// onQuit runs on Fyne's goroutine before a signal quits the app: the
	// journal keeps what is being typed as a draft (signals.go).
	onQuit []func()
	// quickLog is the quick log last opened (Ctrl+J), whose unsaved text
	// a quit keeps as a draft too (keepQuickLog); nil before.
	quickLog *quickLog

	// hotkey listens for the system-wide quick-find key, nil when not;
	// panel is the quick-find panel it brings up (quick_panel.go);
	// desktopNote says what the desktop did not allow, for Settings.
	hotkey      *desktopx.Hotkey
	panel       *quickPanel
	desktopNote string

	// jnl is the journal the Journal and Summary screens share (see
	// sharedJournal); journalWatchers hear when it locks or unlocks.
	jnl             *journal.Journal
	journalWatchers []func()

	// myState is My pack, its editor and the pack watcher (mine_pack.go).
	myState *myPackState

	gapLog gapLog // searches that did not help, for Content gaps

	// packsLoading is true while the packs load behind a Find screen
	// that answers from the index (loadLibrary).
	packsLoading bool
	// bodies are guides read back with their bodies (item_bodies.go).
	bodies map[string]loadedBody
	// loadPacks loads the library (loadLibrary below unless a test sets it).
	loadPacks func() (*kb.Library, error)
	// savedWhileLoading are the pack folders (and their files, nil for
	// any) read again while loadLibrary runs, non-nil until it is done:
	// the load may have read them before the change, so they are read
	// again once it is in (mine_pack.go).
	savedWhileLoading map[string][]string
	// packProblems are each pack's problems as last loaded, by pack id,
	// and problemsBanner the banner saying them (pack_kept.go).
	packProblems   map[string][]kb.Problem
	problemsBanner fyne.CanvasObject
	// libState describes the packs' files as last scanned (nil when not
	// known), for keeping a large pack again after an edit.
	libState *kb.LibraryState
	// reloads runs the reloads of each pack one after another, each from
	// the library and libState the one before left (mine_pack.go).
	reloads packs.ReloadQueue
	// keptWrites keeps each large pack again after its reloads, in the
	// order they ran (keepReloaded).
	keptWrites packs.KeptWrites
	// firstLoad is the load of the library before the first index build,
	// whose large packs are kept once the index has them.
	firstLoad *packs.KeptLoad
	// stopHugeHeap, once the first build is over, withdraws the advice
	// that had its heap faulted in 2 MB pages (loadPacks); nil when none.
	// Only the UI goroutine touches it.
	stopHugeHeap func()
	// releaseAnimations ends holdAnimations once the first build is over;
	// nil when none is held.
	releaseAnimations func()
	// firstBuilt, when a test sets it, hears that the first build is over
	// and its large packs kept (openIndex).
	firstBuilt func()
	// trimTimer gives memory back once searches pause (trimSoon).
	trimTimer *time.Timer
	// lateTrimTimer gives it back again once Fyne's caches expire.
	lateTrimTimer *time.Timer
	// gcMu guards gcIdle: the collector runs at idleGCPercent while the
	// app sits idle (memoryIdle, memoryActive).
	gcMu   sync.Mutex
	gcIdle bool
	// pages lets go of the index's pages searches read while the agent
	// types (memory_typing.go).
	pages *pageDropper
}

// newPoise makes the shared state with empty usage and default settings;
// Run and tests fill in the rest.
func newPoise(a fyne.App, w fyne.Window, lib *kb.Library) *poise {
	u, _ := usage.Open("") // never saved until loadState gives it a path
	return &poise{
		app:       a,
		win:       w,
		lib:       lib,
		usage:     u,
		call:      usage.NewCall(time.Duration(settings.Default().NewCallMinutes) * time.Minute),
		settings:  settings.Default(),
		indexing:  "Preparing search…",
		views:     map[string]*lazy{},
		keys:      map[string]func(){},
		notices:   container.NewVBox(),
		status:    widget.NewLabel(""),
		now:       time.Now,
		pauseTick: time.Second,
		logf:      log.Printf,
		do:        fyne.Do,
		builtin:   content.FS,
	}
}

// loadState reads settings and usage. A broken file is reported and
// replaced by defaults, so a typo in a hand edit never stops the app.
func (p *poise) loadState(settingsPath, usagePath string) {
	p.settingsPath = settingsPath
	s, err := settings.Load(settingsPath)
	if err != nil {
		p.notify(err, fmt.Sprintf("Your settings file could not be read, so defaults are used. Fix or delete %s.", settingsPath))
	}
	p.settings = s
	p.call.SetIdleAfter(time.Duration(s.NewCallMinutes) * time.Minute)
	u, err := usage.Open(usagePath)
	if err != nil {
		p.notify(err, "Your favourites and recent items could not be read; they start afresh.")
	}
	p.usage = u
}

// firstBuild takes the packs loading since the window came up (loadPacks), for an
// index to be built from (there is none, or it is from another version),
// then gives the library to the screens and builds the index. Packs saved meanwhile
// are read again once the index is up (reloadSavedWhileLoading).
func (p *poise) firstBuild(first *packs.KeptLoad, loaded <-chan loadedLibrary, indexDir string) {
	p.savedWhileLoading = map[string][]string{}
	go func() {
		l := <-loaded
		state := first.State() // hashed as it was loaded
		lib, err := l.lib, l.err
		if lib == nil {
			lib = kb.NewLibrary()
		}
		if !p.started.IsZero() {
			p.logf("poise: packs loaded %s after start", time.Since(p.started).Round(time.Millisecond))
		}
		p.do(func() {
			p.libState = state
			p.setLibrary(lib)
			p.showLoadProblems(first, err)
			p.stopHugeHeap = l.stopHugeHeap
			p.openIndex(indexDir, state)
			p.watchPacks()
		})
	}()
}

// awaitFirstBuild readies the window to wait for a first build from
// first: the Find screen counts the files it reads (reading, from
// countFilesRead), and widgets show no animations until the index is
// built (holdAnimations). Call it before the Find screen is made.
func (p *poise) awaitFirstBuild(first *packs.KeptLoad, reading func(*poise)) {
	p.firstLoad = first
	reading(p)
	p.releaseAnimations = p.holdAnimations()
}

// loadedLibrary is what loading the packs gave: the library, and what
// went wrong (a library can come with problems).
type loadedLibrary struct {
	lib *kb.Library
	err error
	// stopHugeHeap ends what loadPacks reserved, once the index is built.
	stopHugeHeap func()
}

// loadPacks loads the packs on a goroutine of its own, and hands what it
// gave on the returned channel. The heap it and the index build grow into
// (heap bytes, search.FirstBuildHeap) is faulted in 2 MB pages, as in
// "poise search": a first build of the issue 10 vault took 115,000 page
// faults of 4 KB, seconds of a small machine, and 7,000 with them.
func loadPacks(k *packs.KeptLoad, heap int) <-chan loadedLibrary {
	done := make(chan loadedLibrary, 1)
	go func() {
		stop := hugeheap.Reserve(heap) // a collection: off the UI goroutine
		lib, err := k.Load()
		done <- loadedLibrary{lib, err, stop}
	}()
	return done
}

// openIndex opens or builds the search index off the UI goroutine, showing
// progress on the Find screen, then hands it to the screens. state is what
// the library was loaded from, recorded so the next start is immediate.
func (p *poise) openIndex(dir string, state *kb.LibraryState) {
	lib := p.lib
	stopHugeHeap := p.stopHugeHeap
	p.stopHugeHeap = nil
	go func() {
		// The large packs are kept while the index merges, as "poise
		// search" keeps them (kb.StorePackShedding leaves the bodies out
		// as it writes): the merge leaves a core half idle, while the
		// segments before it keep both busy, so keeping them then (0.1-0.15
		// CPU-s and 30 MB of fresh memory on the issue 10 vault) held
		// search back. Both only read the library.
		var kept sync.WaitGroup
		keep := sync.OnceFunc(func() { kept.Go(func() { p.firstLoad.Keep(lib) }) })
		last := time.Time{}
		early := false // set on this goroutine: Open calls Early on its own
		ix, err := search.Open(dir, lib, search.Options{State: state, Progress: func(done, total int) {
			if time.Since(last) < 100*time.Millisecond && done < total {
				return
			}
			last = time.Now()
			msg := indexingText(done, total)
			p.do(func() { p.setIndexing(msg) })
		}, Shed: packs.ShedPack, Early: func(ix *search.Index) {
			// Find answers while the build merges what it wrote (about a
			// second on a large library), with the same results; the
			// index swaps the merged one in under the screens and the
			// terminal's socket.
			early = true
			p.do(func() { p.useIndex(ix) })
			keep()
		}})
		// When the index was not handed out early.
		keep()
		capMemory() // a first build ran uncapped (uncapMemory)
		if stopHugeHeap != nil {
			// Without this the kernel fills the heap freed after the build
			// back into 2 MB pages: RSS 192 -> 249 MB in two minutes.
			stopHugeHeap()
		}
		p.do(func() {
			defer p.reloadSavedWhileLoading()
			p.endAnimationHold() // search failed or was never handed out early
			if early && errors.Is(err, search.ErrClosed) {
				return // closed by a quit while it merged: nothing failed
			}
			if err != nil {
				p.setIndexing("Search is unavailable. Browse with Guides, Matrix and Statements, and restart Poise to try again.")
				p.showError(err, "Search could not start. Browse with the other screens, and restart Poise to try again.")
				return
			}
			if !early {
				p.useIndex(ix)
			} else if !p.started.IsZero() {
				p.logf("poise: search index merged %s after start", time.Since(p.started).Round(time.Millisecond))
			}
		})
		if err == nil {
			p.shedBodies(ix, lib)
		}
		kept.Wait()
		if p.firstBuilt != nil {
			p.firstBuilt()
		}
	}()
}

// indexingText is what the Find screen says while the index builds, done
// of total items indexed. Once all are, the build still merges what it
// wrote (a few seconds for a library of 50,000 items), which "50000 of
// 50000 items" made look stuck.
func indexingText(done, total int) string {
	if total > 0 && done >= total {
		return "Preparing search… all " + numtext.Count(total) + " items read; finishing the index"
	}
	return fmt.Sprintf("Preparing search… %s of %s items", numtext.Count(done), numtext.Count(total))
}

// useIndex hands the open index to the screens and to terminal searches.
func (p *poise) useIndex(ix *search.Index) {
	p.endAnimationHold() // search is ready: the cursor may blink again
	if !p.started.IsZero() {
		// One line per start: how long Find waited, for reports of a slow start.
		p.logf("poise: search ready %s after start", time.Since(p.started).Round(time.Millisecond))
	}
	p.setSearcher(ix)
	if p.dataDir != "" {
		// Without it the terminal still searches, only slower.
		if srv, err := searchsock.Listen(searchsock.Path(p.dataDir), ix); err == nil {
			p.sock = srv
		} else {
			p.logf("terminal searches will not use the open index: %v", err)
		}
	}
}

// loadLibrary loads the packs behind a window whose Find screen already
// answers from the index, then gives the library to the screens (Guides,
// Matrix, … built before it are built again) and to the index. A stale
// index (the packs changed while Poise was closed) first reindexes the
// packs that changed, so Find is right before the library has loaded.
//
// A large folder pack is not parsed when its files are as they were:
// it is read as kept, without its guides' bodies (pack_kept.go), and the
// index, current for those files, takes that library as it is
// (UseLibrary); a guide's body is read from its note when shown
// (item_bodies.go). Only a pack whose files changed, and the built-in
// pack, are parsed; the index then reindexes only items that changed.
func (p *poise) loadLibrary(ix *search.Index, packsDir string, state *kb.LibraryState, stale bool) {
	p.savedWhileLoading = map[string][]string{}
	go func() {
		if stale {
			src := search.Packs{Builtin: packs.Builtin(p.builtin, packsDir), Dir: packsDir}
			if err := ix.Sync(context.Background(), src, state); err == nil {
				p.do(func() {
					if p.find != nil {
						p.find.refresh()
					}
				})
			}
		}
		var kept *packs.KeptLoad
		load := p.loadPacks
		if load == nil {
			kept = packs.NewKeptLoad(packs.Builtin(p.builtin, packsDir), packsDir, state, p.logf)
			load = kept.Load
		}
		lib, err := load()
		if lib == nil {
			lib = kb.NewLibrary()
		}
		// The screens get the library without the bodies of large packs'
		// guides (read from disk when shown) from the start: an item of
		// the loaded one on screen would keep every body of its pack.
		light := lib.WithoutBodies(packs.ShedPack)
		if lib.HasShed() && !ix.UseLibrary(light, state) {
			// The index answers for other files than those scanned (a
			// change meanwhile): parse the whole library, as before.
			kept = packs.NewKeptLoad(packs.Builtin(p.builtin, packsDir), packsDir, state, p.logf)
			kept.ParseAll = true
			if lib, err = kept.Load(); lib == nil {
				lib = kb.NewLibrary()
			}
			light = lib.WithoutBodies(packs.ShedPack)
		}
		p.do(func() {
			p.setLibrary(light)
			p.packsLoading = false
			p.refreshPreview() // from its loading state to the item
			if p.find != nil {
				// Rows shown from the index alone are drawn again with the
				// library's pack names, keeping the selection and preview.
				p.find.list.Refresh()
			}
			p.showLoadProblems(kept, err)
			p.watchPacks()
		})
		if !lib.HasShed() {
			if err := ix.UpdateLibrary(context.Background(), lib, state); err != nil {
				p.do(func() {
					p.showError(err, "Search could not take in your packs. Restart Poise to try again.")
					p.reloadSavedWhileLoading()
				})
				return
			}
			if light != lib && !ix.UseShed(light) {
				p.shedBodies(ix, lib)
			}
		}
		kept.Keep(light) // so the next start reads the large packs parsed now
		// Loading allocates several times the library's size, all garbage
		// now: give it back rather than keep the peak as resident memory.
		debug.FreeOSMemory()
		capMemory()
		if !p.started.IsZero() {
			p.logf("poise: packs loaded %s after start", time.Since(p.started).Round(time.Millisecond))
		}
		p.do(func() {
			if p.find != nil {
				p.find.refresh()
			}
			p.reloadSavedWhileLoading()
		})
	}()
}

// setLibrary swaps in a loaded library. Screens that list it and were
// built from the empty one are built again; Find, the journal and the
// settings keep their state.
func (p *poise) setLibrary(lib *kb.Library) {
	p.lib = lib
	p.bodies = nil
	for _, s := range p.screens() {
		switch s.title {
		case screenGuides, screenMatrix, screenStatements, screenTone, screenPacks:
		default:
			continue
		}
		l, ok := p.views[s.title]
		if !ok || l.build != nil {
			continue // not built yet: it will see the library
		}
		l.build = s.build
		if p.current == s.title {
			l.box.Objects = []fyne.CanvasObject{l.build()}
			l.build = nil
			l.box.Refresh()
		} else {
			// Built again when shown; until then it would keep the old
			// library's items (and so every body) alive.
			l.box.Objects = nil
		}
	}
}

// setIndexing updates the waiting message while the index builds.
func (p *poise) setIndexing(msg string) {
	p.indexing = msg
	if p.find != nil {
		p.find.showIndexing()
	}
}

// setSearcher makes search available to every screen that waits for it.
func (p *poise) setSearcher(s searcher) {
	p.search = s
	for _, fn := range p.searchReady {
		fn()
	}
	p.searchReady = nil
}

// onSearch runs fn now if search is ready, or when it becomes ready.
func (p *poise) onSearch(fn func()) {
	if p.search != nil {
		fn()
		return
	}
	p.searchReady = append(p.searchReady, fn)
}

// item looks an id up in the library.
func (p *poise) item(id string) (*kb.Item, bool) { return p.lib.Item(id) }

// alreadyRunningText says who may hold the data folder: another window,
// or a command such as a first "poise search", which holds it while it
// builds the search index (half a minute on a library of thousands of
// notes) and has no window to switch to.
func alreadyRunningText(dataDir string) string {
	return fmt.Sprintf("Poise is already open with the data in %s, or a poise command is using it "+
		"(a first 'poise search' builds the search index, which takes a minute on a large library).\n"+
		"Switch to that window, or wait for the command to finish, and start Poise again.", dataDir)
}

// showAlreadyRunning tells the person why no second window opens, instead
// of two processes writing the same journal.
func showAlreadyRunning(a fyne.App, dataDir string) {
	w := a.NewWindow("Poise is already running")
	msg := widget.NewLabel(alreadyRunningText(dataDir))
	msg.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewBorder(nil, container.NewHBox(widget.NewButton("Close", a.Quit)), nil, nil, msg))
	size := fyne.NewSize(520, 200)
	w.Resize(size)
	a.Lifecycle().SetOnStarted(func() { w.Resize(size) }) // see windowSize in Run
	w.ShowAndRun()
}
