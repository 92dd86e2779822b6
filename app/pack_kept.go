package app

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/internal/numtext"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/packs"
	"github.com/poisehq/poise/kb/watch"
)

// The app never parses a large folder pack whose files are as they were
// (packs.KeptLoad). Search has its own index, current for the same files;
// a guide's body is read from its note when shown (item_bodies.go). An
// edit outside Poise reads only the files that changed
// (watch.ReloadFiles) and keeps the pack again. The problems banner is
// drawn from each pack's problems as last loaded (packProblems), so an
// edit that fixes or adds one shows.

// keepReloaded keeps a large pack again after an edit outside Poise
// (applyReload), for the files as scanned before they were read (st, nil
// when not known): the next start reads it rather than parsing it. A pack
// that keeps the last good version of a broken file is not kept, so the
// next start parses it as it is.
func (p *poise) keepReloaded(r *watch.Reloaded, st *kb.LibraryState) {
	pk, ok := p.lib.Pack(r.PackID)
	dir := packs.KeptDir(p.packsDir())
	if !ok || !pk.Shed || pk.Dir == "" || dir == "" {
		return
	}
	i := -1
	if st != nil {
		i = slices.IndexFunc(st.Packs, func(ps kb.PackState) bool { return ps.Dir == pk.Dir })
	}
	if i < 0 || len(r.Kept) > 0 {
		p.keptWrites.Go(pk.Dir, func() { kb.DropStoredPack(dir, pk.Dir) })
		return
	}
	ps, problems := st.Packs[i], slices.Clone(r.Problems)
	p.keptWrites.Go(pk.Dir, func() {
		if err := kb.StorePack(dir, pk, ps, problems); err != nil {
			p.logf("poise: %s loads from its files at the next start: %v", pk.Dir, err)
		}
	})
}

// showLoadProblems says what a load of the library found: the packs'
// problems in one banner (drawPackProblems), and any other error (a pack
// that could not load at all) as before. k is nil for a load that did not
// tell the problems pack by pack.
func (p *poise) showLoadProblems(k *packs.KeptLoad, err error) {
	if k == nil {
		if err != nil {
			p.notifyPackProblems(err)
		}
		return
	}
	p.packProblems = k.Problems
	p.drawPackProblems()
	var joined interface{ Unwrap() []error }
	errs := []error{err}
	if errors.As(err, &joined) {
		errs = joined.Unwrap()
	}
	for _, e := range errs {
		var pe *kb.ProblemsError
		if e != nil && !errors.As(e, &pe) {
			p.notifyPackProblems(e)
		}
	}
}

// setPackProblems records the problems pack id has now (an edit outside
// Poise reloaded it) and, when the banner of the packs' problems is up,
// draws it again, or takes it down once none are left. An edit that
// breaks a file has its own banner (showBroken), so none is put up here.
func (p *poise) setPackProblems(id string, problems []kb.Problem) {
	if p.packProblems == nil {
		p.packProblems = map[string][]kb.Problem{}
	}
	p.packProblems[id] = problems
	if p.problemsBanner != nil {
		p.drawPackProblems()
	}
}

// drawPackProblems puts up the banner of the packs' problems as last
// loaded, in place of the one before; none when there are none.
func (p *poise) drawPackProblems() {
	if p.problemsBanner != nil {
		p.notices.Remove(p.problemsBanner)
		p.problemsBanner = nil
	}
	var all []kb.Problem
	var names []string
	for _, id := range slices.Sorted(maps.Keys(p.packProblems)) {
		if ps := p.packProblems[id]; len(ps) > 0 {
			all = append(all, ps...)
			names = append(names, shorten(p.packName(id), maxBannerPackName))
		}
	}
	if len(all) == 0 {
		return
	}
	msg := packsProblemsMessage(names, all)
	p.logf("poise: %s", msg)
	var banner *fyne.Container
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
		p.notices.Remove(banner)
		if p.problemsBanner == banner {
			p.problemsBanner = nil
		}
	})
	closeBtn.Importance = widget.LowImportance
	banner = container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), closeBtn, wrapLabel(msg))
	p.problemsBanner = banner
	p.notices.Add(banner)
}

// maxBannerPackName is the most of a pack's name the problems banner
// shows: a name is the pack author's, of any length.
const maxBannerPackName = 40

// packProblemsMessage sums problems up by sort: a folder of thousands of
// notes may have hundreds of one sort, and a count alone says nothing.
func packProblemsMessage(problems []kb.Problem) string {
	return packsProblemsMessage(nil, problems)
}

// packsProblemsMessage is packProblemsMessage naming the packs that have
// the problems (by name, in order): with several packs installed, "A
// content pack has 2,886 problems" left the agent to guess which.
func packsProblemsMessage(names []string, problems []kb.Problem) string {
	var sorts []string
	rest := len(problems)
	for _, g := range kb.Summarize(problems, 1) {
		if len(sorts) == 2 {
			break
		}
		sorts = append(sorts, numtext.Count(g.Count)+" "+g.What)
		rest -= g.Count
	}
	// The sorts left out are counted, not an ellipsis before the full stop.
	if rest == 1 {
		sorts = append(sorts, "and 1 other problem")
	} else if rest > 1 {
		sorts = append(sorts, "and "+numtext.Count(rest)+" other problems")
	}
	subject, lint := "A content pack has", "on the pack"
	switch len(names) {
	case 0:
	case 1:
		subject, lint = "The pack “"+names[0]+"” has", "on its folder"
	case 2:
		subject, lint = "The packs “"+names[0]+"” and “"+names[1]+"” have", "on their folders"
	default:
		subject, lint = numtext.Count(len(names))+" packs (“"+names[0]+"”, “"+names[1]+"” and others) have", "on their folders"
	}
	return fmt.Sprintf("%s %s: %s. Poise uses what did load. Run \"poise pack lint\" %s to see what to fix.", subject, problemCount(len(problems)), strings.Join(sorts, "; "), lint)
}

// problemCount is "1 problem" or "2,886 problems", digits grouped for the
// person's locale: "2886 problem(s)" was the first thing a large vault
// showed, beside counts that were grouped.
func problemCount(n int) string {
	if n == 1 {
		return "1 problem"
	}
	return numtext.Count(n) + " problems"
}
