package app

import (
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/mine"
	"github.com/poisehq/poise/kb/packs"
	"github.com/poisehq/poise/kb/search"
	"github.com/poisehq/poise/kb/watch"
)

// myPackState is what the app keeps for My pack and for pack files edited
// outside it. Touched on Fyne's goroutine only.
type myPackState struct {
	pack      *mine.Pack
	reindexer *watch.Reindexer
	watcher   *watch.Watcher
	screen    *mineScreen
	// editors are the open editor windows, by file.
	editors map[string]*editorScreen
	// successor is the item to show in place of one that a copy or a
	// revert is taking out of the library.
	successor map[string]string
	// banners are the notices of broken files, by pack id, so the fix
	// takes them away.
	banners map[string]fyne.CanvasObject
}

func (p *poise) my() *myPackState {
	if p.myState == nil {
		p.myState = &myPackState{banners: map[string]fyne.CanvasObject{}, successor: map[string]string{}}
	}
	return p.myState
}

// packsDir is the installed packs' folder, "" without a data folder.
func (p *poise) packsDir() string {
	if p.packs != nil {
		return p.packs.Dir()
	}
	return ""
}

// myPack is My pack, nil without a data folder.
func (p *poise) myPack() *mine.Pack {
	s := p.my()
	if s.pack == nil && p.packsDir() != "" {
		s.pack = mine.Open(p.packsDir())
	}
	return s.pack
}

// sources are where originals are read from.
func (p *poise) sources() mine.Sources {
	return mine.Sources{Builtin: p.builtin, PacksDir: p.packsDir()}
}

// reloadPack loads one pack folder again off the UI goroutine and puts it
// into the library and search; files are the files that changed (nil when
// any may have). done, if set, runs on the UI goroutine with the outcome
// of the load, just before the library takes it in, and indexed once
// search has it too. A reload of a pack another reload of it is reading
// waits for that one to be in (reloadPackNow).
func (p *poise) reloadPack(dir string, files []string, done func(*watch.Reloaded, error), indexed func(time.Duration, error)) {
	if p.savedWhileLoading != nil {
		got, seen := p.savedWhileLoading[dir]
		switch {
		case files == nil || (seen && got == nil):
			p.savedWhileLoading[dir] = nil
		default:
			p.savedWhileLoading[dir] = append(got, files...)
		}
	}
	name := filepath.Base(dir)
	p.reloads.Run(name, func() { p.reloadPackNow(dir, files, done, indexed) })
}

// reloadPackNow is reloadPack once no other reload of the pack runs: it
// reads the files on top of the library and their description as the
// last reload of the pack left them, and lets the next reload of the pack
// run once its own is in (packs.ReloadQueue).
func (p *poise) reloadPackNow(dir string, files []string, done func(*watch.Reloaded, error), indexed func(time.Duration, error)) {
	lib, state := p.lib, p.libState
	name := filepath.Base(dir)
	var before []kb.Problem
	for _, pk := range lib.Packs {
		if pk.Dir == name && !pk.Builtin {
			before = p.packProblems[pk.Manifest.ID]
		}
	}
	go func() {
		// The files are described before they are read, so what is kept
		// for them is never newer than the description (keepReloaded).
		var scanned *kb.LibraryState
		if state != nil && files != nil {
			scanned, _ = state.RescanFiles(p.packsDir(), name, files)
		}
		// A large pack reads only the files that changed.
		r, err := watch.ReloadFiles(lib, dir, files, before)
		p.do(func() {
			defer p.reloads.Done(name)
			if done != nil {
				done(r, err)
			}
			switch {
			case errors.Is(err, watch.ErrGone):
				p.reloadLibrary(nil) // a pack folder went: load them all
			case err != nil:
				p.notify(err, "A pack changed on disk but could not be read again. Check the folder, then restart Poise.")
			default:
				if scanned != nil && p.libState == state {
					p.libState = scanned
				} else {
					scanned = nil
				}
				p.applyReload(r, files, indexed)
				p.keepReloaded(r, scanned)
			}
		})
	}()
}

// reloadSavedWhileLoading reads again the pack files saved or edited while
// the packs loaded: the load may have read them before the change and put
// their old text into the library and search, which it finished last.
func (p *poise) reloadSavedWhileLoading() {
	saved := p.savedWhileLoading
	p.savedWhileLoading = nil
	for _, dir := range slices.Sorted(maps.Keys(saved)) {
		files := saved[dir]
		if files != nil {
			slices.Sort(files)
			files = slices.Compact(files)
		}
		p.reloadPack(dir, files, nil, nil)
	}
}

// applyReload puts a reloaded pack into the library (as it is now, which
// may have changed since the reload began), says what is broken, and
// updates search.
func (p *poise) applyReload(r *watch.Reloaded, files []string, indexed func(time.Duration, error)) {
	p.setPackProblems(r.PackID, r.Problems) // the banner says what the pack has now
	if !r.Changes(p.lib) {
		p.showBroken(r)
		if indexed != nil {
			indexed(0, nil)
		}
		return
	}
	r = r.On(p.lib) // what is broken keeps what the library has now
	p.showBroken(r)
	lib := r.Library
	p.setLibrary(lib)
	if s := p.my().screen; s != nil {
		s.refresh()
	}
	p.refreshPreview()
	p.reindex(watch.Job{PackID: r.PackID, Files: files, Kept: r.Kept}, indexed)
}

// reindex hands a change to search; done runs on the UI goroutine with
// how long it took.
func (p *poise) reindex(job watch.Job, done func(time.Duration, error)) {
	s := p.my()
	if s.reindexer == nil {
		ix, ok := p.search.(*search.Index)
		if !ok {
			if done != nil { // search is not open yet; it opens on the library
				done(0, nil)
			}
			return
		}
		dir := p.packsDir()
		s.reindexer = watch.NewReindexer(watch.IndexUpdate(ix, search.Packs{Builtin: packs.Builtin(p.builtin, dir), Dir: dir}))
	}
	start := time.Now()
	s.reindexer.Submit(job, func(err error) {
		took := time.Since(start)
		p.do(func() {
			if err != nil {
				p.showError(err, "Search still answers from your packs as they were. Restart Poise to index the change.")
			} else {
				p.shedOwnBodies()
				p.refreshFindKeeping()
			}
			if done != nil {
				done(took, err)
			}
		})
	})
}

// refreshFindKeeping searches again for what Find shows, so results take
// an edit in, and keeps the item in the preview selected rather than
// jumping to the first result while the person reads it.
func (p *poise) refreshFindKeeping() {
	f := p.find
	if f == nil {
		return
	}
	keep := ""
	if f.preview != nil && !f.preview.following() {
		keep = f.preview.id
	}
	prev := f.applied
	f.applied = func(text string) {
		f.applied = prev
		if prev != nil {
			prev(text)
		}
		for i, h := range f.hits {
			if h.ID == keep && i != f.sel {
				f.list.Select(i)
				return
			}
		}
	}
	f.refresh()
}

// refreshPreview shows the Find preview's item again, as it is now: an
// item made yours shows your version, one reverted its original.
func (p *poise) refreshPreview() {
	if p.find == nil || p.find.preview == nil || p.find.preview.id == "" {
		return
	}
	v := p.find.preview
	id := v.id
	if next, ok := p.my().successor[id]; ok {
		delete(p.my().successor, id)
		if _, ok := p.item(next); ok {
			v.show(next)
			return
		}
	}
	// render shows the item, or while the packs load what the index holds
	// of it (a save then gives the library one pack), else clears.
	v.render(id)
}

// showBroken puts up (or takes down) the notice of a pack's broken files.
func (p *poise) showBroken(r *watch.Reloaded) {
	s := p.my()
	if old, ok := s.banners[r.PackID]; ok {
		p.notices.Remove(old)
		delete(s.banners, r.PackID)
	}
	problems := r.Breaking() // links to missing notes are no news, and cost nothing
	if len(problems) == 0 {
		return
	}
	first := problems[0]
	where := first.File
	if first.Line > 0 {
		where = fmt.Sprintf("%s line %d", first.File, first.Line)
	}
	msg := fmt.Sprintf("%s has %s since its last edit. %s: %s", p.packName(r.PackID), problemCount(len(problems)), where, first.Message)
	if len(r.Kept) > 0 {
		msg += " Search keeps the last good version of " + fewNames(r.Kept) + " until you fix it."
	}
	var banner *fyne.Container
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
		p.notices.Remove(banner)
		delete(s.banners, r.PackID)
	})
	closeBtn.Importance = widget.LowImportance
	objs := []fyne.CanvasObject{closeBtn}
	if r.PackID == mine.ID && strings.HasSuffix(strings.ToLower(first.File), ".md") {
		file := first.File
		edit := widget.NewButton("Fix it", func() { p.openEditor(file) })
		objs = append([]fyne.CanvasObject{edit}, objs...)
	}
	banner = container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), container.NewHBox(objs...), wrapLabel(msg))
	s.banners[r.PackID] = banner
	p.notices.Add(banner)
}

// fewNames names the first files of names and counts the rest: a banner
// naming hundreds would be unreadable, and Fyne takes minutes to wrap it.
func fewNames(names []string) string {
	const shown = 3
	if len(names) <= shown {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:shown], ", "), len(names)-shown)
}

// watchPacks starts picking up pack files edited outside Poise, once the
// library is loaded (before, a reload would index one pack alone).
func (p *poise) watchPacks() {
	s := p.my()
	dir := p.packsDir()
	if s.watcher != nil || dir == "" {
		return
	}
	w, err := watch.New(dir, watch.Options{}, func(changes []watch.Change) {
		p.do(func() {
			for _, c := range changes {
				// Search reads only the files that changed, and records
				// them, so the next start opens the index at once.
				p.reloadPack(filepath.Join(dir, c.Dir), c.Files, nil, nil)
			}
		})
	}, func(err error) { p.logf("poise: watching packs: %v", err) })
	if err != nil {
		p.logf("poise: pack files edited outside Poise are picked up at the next start: %v", err)
		return
	}
	s.watcher = w
}

// stopWatching ends the watcher, at exit.
func (p *poise) stopWatching() {
	if p.myState != nil && p.myState.watcher != nil {
		p.myState.watcher.Close()
		p.myState.watcher = nil
	}
}
