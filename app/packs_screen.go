package app

import (
	"context"
	"fmt"
	"maps"
	"net/url"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/internal/numtext"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/mine"
	"github.com/poisehq/poise/kb/packs"
	"github.com/poisehq/poise/kb/search"
)

// packsScreen lists the installed packs and installs, updates, rolls back,
// disables and removes them; every change reloads the library and search
// without a restart. The rules live in kb/packs.
type packsScreen struct {
	widget.BaseWidget
	p       *poise
	list    *fyne.Container
	address *shortcutEntry
	ref     *widget.Entry
	busy    *widget.Label
	content fyne.CanvasObject
	scroll  *container.Scroll // the packs and My pack, below the tools
	// previewing is the open preview dialog, and listed counts the times
	// the list was filled, for tests.
	previewing *dialog.CustomDialog
	listed     int
}

func (p *poise) newPacksScreen() fyne.CanvasObject {
	s := &packsScreen{p: p}
	s.ExtendBaseWidget(s)
	p.packsView = s
	head := widget.NewLabelWithStyle("Packs", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if p.packs == nil {
		s.content = container.NewVBox(head, wrapLabel("Packs can be installed once Poise has a data folder. Start Poise with --data-dir, or without it to use your usual one."))
		return s
	}
	s.address = newShortcutEntry(p)
	s.address.SetPlaceHolder("https://… .poisepack or Git address")
	s.address.OnSubmitted = func(string) { s.onFetchAddress() }
	s.ref = widget.NewEntry()
	s.ref.SetPlaceHolder("branch or tag")
	s.busy = lowLabel("")
	s.busy.Hide()
	fromFile := widget.NewButton("Install from file…", s.onPickFile)
	fromFolder := widget.NewButton("Install folder…", s.onPickFolder)
	fetch := widget.NewButton("Preview", s.onFetchAddress)
	updateAll := widget.NewButton("Update all", s.onUpdateAll)
	ref := container.NewGridWrap(fyne.NewSize(140, s.ref.MinSize().Height), s.ref)
	// The label sits above the field, not beside it: docked in a narrow
	// column the field shrank to a few letters beside it.
	addr := container.NewVBox(widget.NewLabel("From an address:"),
		container.NewBorder(nil, nil, nil, container.NewHBox(ref, fetch), s.address))
	tools := container.NewHBox(fromFile, fromFolder, updateAll)
	hint := lowLabel("Or drop a .poisepack file on this window. Nothing is installed before you see who signed it and what it holds.")
	s.list = container.NewVBox()
	body := container.NewVBox(s.list)
	if mineSection := p.newMineSection(); mineSection != nil { // mine_screen.go
		body.Objects = []fyne.CanvasObject{mineSection, s.list}
	}
	s.scroll = container.NewVScroll(body)
	s.content = container.NewBorder(container.NewVBox(head, tools, addr, hint, s.busy, widget.NewSeparator()), nil, nil, nil,
		s.scroll)
	s.refresh()
	return s
}

func (s *packsScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(s.content)
}

func (s *packsScreen) focusField() fyne.Focusable {
	if s.address == nil {
		return nil
	}
	return s.address
}

// refresh rebuilds the list of packs from the store, off the UI
// goroutine: the packs the library has loaded are described from it
// (their items and problems), and only the others are read.
func (s *packsScreen) refresh() {
	store, builtin := s.p.packs, s.p.builtin
	lib, problems := s.p.lib, maps.Clone(s.p.packProblems)
	have := func(dir string) (*kb.Pack, []kb.Problem, bool) {
		for _, pk := range lib.Packs {
			if pk.Dir == dir && !pk.Builtin {
				return pk, problems[pk.Manifest.ID], true
			}
		}
		return nil, nil, false
	}
	go func() {
		list, err := store.ListFrom(builtin, have)
		s.p.do(func() {
			if err != nil {
				s.p.showError(err, "The installed packs could not be listed. Check that the data folder is readable.")
				return
			}
			s.list.RemoveAll()
			for _, in := range list {
				if in.ID == mine.ID {
					continue // My pack has its own section above
				}
				s.list.Add(s.packCard(in))
				s.list.Add(widget.NewSeparator())
			}
			s.list.Refresh()
			s.listed++
		})
	}()
}

// packCard shows one pack and its actions.
func (s *packsScreen) packCard(in packs.Installed) fyne.CanvasObject {
	title := fmt.Sprintf("%s  %s", in.Name, in.Version)
	if in.Disabled {
		title += "  (disabled)"
	}
	name := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// Wrapped: a long name on one line made the screen wider than a
	// window docked at 480 px.
	name.Wrapping = fyne.TextWrapWord
	lines := []fyne.CanvasObject{name}
	meta := []string{in.ID}
	if len(in.Authors) > 0 {
		meta = append(meta, "by "+strings.Join(in.Authors, ", "))
	}
	if in.License != "" {
		meta = append(meta, "licence: "+in.License)
	}
	lines = append(lines, lowLabel(strings.Join(meta, " · ")))
	if u, err := url.Parse(in.Homepage); err == nil && in.Homepage != "" && (u.Scheme == "https" || u.Scheme == "http") {
		lines = append(lines, widget.NewHyperlink(in.Homepage, u)) // opens only when clicked
	}
	lines = append(lines, wrapLabel(signerLine(in)))
	lines = append(lines, lowLabel(countsText(in.Items, in.Counts)))
	var when []string
	if !in.Updated.IsZero() {
		when = append(when, "Updated "+in.Updated.Local().Format("2 January 2006"))
	}
	switch {
	case in.Reviewed.IsZero():
		when = append(when, "never reviewed: due for review")
	case in.ReviewDue:
		when = append(when, "reviewed "+in.Reviewed.Format("2 January 2006")+": due for review")
	default:
		when = append(when, "reviewed "+in.Reviewed.Format("2 January 2006"))
	}
	lines = append(lines, lowLabel(strings.Join(when, " · ")))
	if in.Problems > 0 {
		lines = append(lines, lowLabel(problemCount(in.Problems)+" in its files; Poise uses what loads. Run poise pack lint to see them."))
	}
	var actions []fyne.CanvasObject
	id := in.ID
	if in.Source != nil {
		actions = append(actions, s.p.listButton("Update", nil, func() { s.onUpdate(id) }))
	}
	if in.Previous != "" {
		label := "Roll back to " + in.Previous
		if in.PreviousNewer {
			label = "Return to " + in.Previous
		}
		actions = append(actions, s.p.listButton(label, nil, func() { s.onRollback(id) }))
	}
	if in.Disabled {
		actions = append(actions, s.p.listButton("Enable", nil, func() {
			s.run(id, "Enabled "+id+".", func() error { return s.p.packs.Enable(id) })
		}))
	} else {
		actions = append(actions, s.p.listButton("Disable", nil, func() {
			s.run(id, "Disabled "+id+".", func() error { return s.p.packs.Disable(id) })
		}))
	}
	if !in.Builtin {
		actions = append(actions, s.p.listButton("Remove", nil, func() { s.onRemove(in) }))
	}
	lines = append(lines, container.NewHBox(actions...))
	return container.NewVBox(lines...)
}

func signerLine(in packs.Installed) string {
	switch {
	case in.Builtin:
		return "Comes with Poise."
	case in.Signer != nil:
		return "Signed by key " + in.Signer.KeyID + ", trusted for this pack."
	case in.Source != nil:
		return "Unsigned: installed after you confirmed it."
	}
	return "Copied into the packs folder by hand: unsigned, and not updated from a source."
}

// kindCount names n items of kind k: "1 guide", "3 matrix concerns".
func kindCount(k kb.Kind, n int) string {
	name := map[kb.Kind]string{kb.KindMatrix: "matrix concern", kb.KindPhrase: "positive-language row"}[k]
	if name == "" {
		name = string(k)
	}
	if n != 1 {
		name += "s"
	}
	return name
}

func countsText(total int, counts map[kb.Kind]int) string {
	var parts []string
	for _, k := range kb.Kinds {
		if n := counts[k]; n > 0 {
			parts = append(parts, numtext.Count(n)+" "+kindCount(k, n))
		}
	}
	s := numtext.Count(total) + " items"
	if total == 1 {
		s = "1 item"
	}
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, ", ")
	}
	return s
}

// run does a quick store change, then reloads everything that depends on
// the installed set.
func (s *packsScreen) run(id, done string, fn func() error) {
	if err := fn(); err != nil {
		s.p.showError(err, packErrorText(err))
		return
	}
	s.p.reloadLibrary(func() {
		s.refresh()
		s.p.toast(done)
	}, id)
}

// onRollback swaps a pack back to its previous version, then says which
// versions it moved between and what that changed, as an update's preview
// does before.
func (s *packsScreen) onRollback(id string) {
	back, err := s.p.packs.Rollback(id)
	if err != nil {
		s.p.showError(err, packErrorText(err))
		return
	}
	s.p.reloadLibrary(func() {
		s.refresh()
		s.showRolledBack(back)
	}, id)
}

func (s *packsScreen) showRolledBack(back *packs.RolledBack) {
	title, what := "Rolled back "+back.ID, "Rolled back from "+back.From+" to "+back.To+"."
	if back.Newer {
		title, what = "Returned "+back.ID, "Returned from "+back.From+" to "+back.To+", undoing the rollback."
	}
	lines := append([]fyne.CanvasObject{wrapLabel(what),
		widget.NewLabelWithStyle("What changed:", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})},
		changeLines(back.Changes)...) // packs_preview.go
	var d *dialog.CustomDialog
	closeIt := func() { d.Hide() }
	ok := newEscButton("Close", closeIt, closeIt)
	scroll := container.NewVScroll(container.NewVBox(lines...))
	scroll.SetMinSize(fyne.NewSize(480, 200))
	d = dialog.NewCustomWithoutButtons(title, scroll, s.p.win)
	d.SetButtons([]fyne.CanvasObject{ok})
	d.Show()
	s.p.win.Canvas().Focus(ok)
}

func (s *packsScreen) onRemove(in packs.Installed) {
	dialog.ShowConfirm("Remove "+in.Name+"?",
		"Its items leave search and the screens, and the version kept for rolling back is deleted too. You can install it again from its source.",
		func(ok bool) {
			if ok {
				s.run(in.ID, "Removed "+in.ID+".", func() error { return s.p.packs.Remove(in.ID) })
			}
		}, s.p.win)
}

func (s *packsScreen) onPickFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		s.fetchSource(r.URI().Path(), "")
	}, s.p.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{packs.Ext}))
	d.Show()
}

func (s *packsScreen) onPickFolder() {
	dialog.ShowFolderOpen(func(u fyne.ListableURI, err error) {
		if err == nil && u != nil {
			s.fetchSource(u.Path(), "")
		}
	}, s.p.win)
}

func (s *packsScreen) onFetchAddress() {
	if strings.TrimSpace(s.address.Text) == "" {
		s.p.toast("Type the address of a .poisepack or a Git repository first.")
		return
	}
	s.fetchSource(s.address.Text, strings.TrimSpace(s.ref.Text))
}

// fetchSource fetches into staging off the UI goroutine, then previews.
func (s *packsScreen) fetchSource(location, ref string) {
	src, err := packs.ParseSource(location, ref)
	if err != nil {
		s.p.showError(err, "That is not a pack Poise can install: choose a .poisepack file, a pack folder, an https:// address or a Git repository.")
		return
	}
	s.setBusy("Fetching " + src.String() + "…")
	store := s.p.packs
	go func() {
		c, err := store.Fetch(context.Background(), src)
		s.p.do(func() {
			s.setBusy("")
			if err != nil {
				s.p.showError(err, "Nothing was installed. "+packErrorText(err))
				return
			}
			s.preview(c)
		})
	}()
}

func (s *packsScreen) onUpdate(id string) {
	s.setBusy("Checking " + id + " for updates…")
	store := s.p.packs
	go func() {
		c, err := store.CheckUpdate(context.Background(), id)
		s.p.do(func() {
			s.setBusy("")
			switch {
			case err != nil:
				s.p.showError(err, "The update could not be checked. "+packErrorText(err))
			case !c.Newer():
				c.Discard()
				s.p.toast(id + " is up to date.")
			default:
				s.preview(c)
			}
		})
	}()
}

// onUpdateAll checks every subscribed pack, then previews each newer one
// in turn: each update is still confirmed on its own.
func (s *packsScreen) onUpdateAll() {
	s.setBusy("Checking every pack for updates…")
	store := s.p.packs
	go func() {
		ids, err := store.Subscribed()
		var found []*packs.Candidate
		var failed []string
		for _, id := range ids {
			c, cerr := store.CheckUpdate(context.Background(), id)
			switch {
			case cerr != nil:
				failed = append(failed, id)
				s.p.logf("poise: update %s: %v", id, cerr)
			case c.Newer():
				found = append(found, c)
			default:
				c.Discard()
			}
		}
		s.p.do(func() {
			s.setBusy("")
			if err != nil {
				s.p.showError(err, "The packs could not be checked. Check that the data folder is readable.")
				return
			}
			msg := fmt.Sprintf("%d update(s) found.", len(found))
			if len(failed) > 0 {
				msg += " Could not check: " + strings.Join(failed, ", ") + "."
			}
			s.p.toast(msg)
			s.previewAll(found)
		})
	}()
}

func (s *packsScreen) previewAll(cs []*packs.Candidate) {
	if len(cs) == 0 {
		return
	}
	s.previewThen(cs[0], func() { s.previewAll(cs[1:]) })
}

func (s *packsScreen) setBusy(msg string) {
	if s.busy == nil {
		return
	}
	s.busy.SetText(msg)
	s.busy.Hidden = msg == ""
	s.busy.Refresh()
}

// reloadLibrary loads the installed set again off the UI goroutine (a big
// pack takes a moment), hands it to every screen and to search, which
// keeps answering from the old index until the new one is ready, then
// runs done. changed names the packs that changed: when search holds the
// library, only they are loaded and reindexed (Store.Reindex), and the
// screens get the library search then holds.
func (p *poise) reloadLibrary(done func(), changed ...string) {
	store, builtin := p.packs, p.builtin
	ix, _ := p.search.(*search.Index)
	go func() {
		if ix != nil && ix.Library() != nil && len(changed) > 0 {
			start := time.Now()
			var err error
			for _, id := range changed {
				if err = store.Reindex(context.Background(), ix, builtin, id); err != nil {
					break
				}
			}
			// A large pack just installed keeps no guide bodies in memory
			// (item_bodies.go), as at start.
			if lib := ix.ShedBodies(packs.ShedPack); err == nil && lib != nil {
				p.do(func() {
					p.logf("poise: search updated for %s in %s", strings.Join(changed, ", "), time.Since(start).Round(time.Millisecond))
					p.showLibrary(lib, nil)
					if p.find != nil {
						p.find.refresh()
					}
					if done != nil {
						done()
					}
				})
				return
			}
		}
		lib, err := store.LoadLibrary(builtin)
		p.do(func() {
			p.useLibrary(lib, err)
			if done != nil {
				done()
			}
		})
	}()
}

// useLibrary gives a loaded library to the screens and to search.
func (p *poise) useLibrary(lib *kb.Library, err error) {
	if !p.showLibrary(lib, err) {
		return
	}
	p.updateSearch(lib)
}

// showLibrary gives a loaded library to the screens; false when there is
// none to give.
func (p *poise) showLibrary(lib *kb.Library, err error) bool {
	if lib == nil {
		p.showError(err, "The packs could not be loaded again. Restart Poise to try again.")
		return false
	}
	if err != nil {
		p.notifyPackProblems(err)
	}
	p.lib = lib
	for _, sc := range p.screens() {
		switch sc.title {
		case screenGuides, screenMatrix, screenStatements, screenTone:
			p.views[sc.title] = newLazy(sc.build)
			if p.current == sc.title {
				p.current = ""
				p.show(sc.title)
			}
		}
	}
	return true
}

// updateSearch has search answer for lib, off the UI goroutine.
func (p *poise) updateSearch(lib *kb.Library) {
	if up, ok := p.search.(interface {
		Update(context.Context, *kb.Library) error
	}); ok {
		go func() {
			start := time.Now()
			err := up.Update(context.Background(), lib)
			if ix, ok := up.(*search.Index); ok && err == nil {
				p.shedBodies(ix, lib)
			}
			p.do(func() {
				if err != nil {
					p.showError(err, "Search still answers from the packs as they were. Restart Poise to index the change.")
					return
				}
				p.logf("poise: search updated for the new packs in %s", time.Since(start).Round(time.Millisecond))
				if p.find != nil {
					p.find.refresh()
				}
			})
		}()
	}
}
