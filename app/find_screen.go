package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/internal/numtext"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// findLimit is how many hits the list shows; enough to scroll, few enough
// to render at once.
const findLimit = 50

// findScreen is where an agent types a few words and copies what to say.
// Searches run off the UI goroutine; while one runs, keystrokes coalesce
// into a single follow-up search, so typing never queues stale work and a
// lone keystroke is answered at once.
type findScreen struct {
	widget.BaseWidget
	p *poise

	entry    *shortcutEntry
	kinds    *chipRow
	emotions *chipRow
	info     *widget.Label
	list     *widget.List // wideList or narrowList, whichever shows
	preview  *previewPane
	content  fyne.CanvasObject

	// The layout follows the width (see find_narrow.go).
	wideList, narrowList *widget.List
	split                *container.Split
	body, infoRow        *fyne.Container
	fullBtn              *widget.Button
	narrow, previewOpen  bool

	hits   []search.Hit // the list's rows: results, and an opened group's more
	more   moreRows     // which rows are groups (find_more.go)
	sel    int
	recent map[string]bool // recently copied, marked on the empty screen

	running bool
	pending bool
	gen     int // counts queries asked for, so stale previews are skipped
	// askedAt is when the first key not yet answered on screen was typed,
	// for the keystroke-to-results time memLogEnv logs.
	askedAt time.Time
	// applied, when set by tests and benchmarks, is called after a result
	// list is shown, with the query text it answers.
	applied func(text string)
}

func (p *poise) newFindScreen() fyne.CanvasObject {
	f := &findScreen{p: p, sel: -1}
	f.ExtendBaseWidget(f)
	p.find = f

	f.entry = newShortcutEntry(p)
	f.entry.SetPlaceHolder(fmt.Sprintf("Type a few words: late refund, angry, manager…  (%s)", keyLabel(keyFind)))
	f.entry.OnChanged = func(text string) {
		if capQuery(f.entry, text) {
			p.toast(fmt.Sprintf("Searches use the first %d characters; the rest was left out.", maxQueryRunes))
			return // SetText has searched for what is left
		}
		p.call.Touch(p.now()) // searching is working on the call
		f.refresh()
	}
	f.entry.OnSubmitted = func(string) { f.copySelected() }
	f.entry.onKey = f.typedKey
	f.entry.onShortcut = f.typedShortcut

	f.kinds = newChipRow("All", func(v string) string { return kindPlural(kb.Kind(v)) }, f.picked)
	f.emotions = newChipRow("Any feeling", strings.ToLower, f.picked)
	f.info = widget.NewLabel(p.indexing)
	secondary(f.info)
	f.info.Truncation = fyne.TextTruncateEllipsis

	f.wideList = f.newList(false)
	f.list = f.wideList
	f.preview = newPreviewPane(p)

	f.fullBtn = widget.NewButtonWithIcon("Full text (→)", theme.NavigateNextIcon(), f.openPreview)
	f.fullBtn.Importance = widget.LowImportance
	f.infoRow = container.NewStack(f.info)
	top := container.NewVBox(f.entry,
		container.NewHScroll(f.kinds.box),
		container.NewHScroll(f.emotions.box),
		f.infoRow)
	f.split = container.NewHSplit(f.list, f.preview)
	f.split.Offset = 0.45
	f.body = container.NewStack(f.split)
	f.content = container.NewBorder(top, nil, nil, nil, f.body)

	p.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { f.openSelected() })
	p.onSearch(f.refresh)
	return f
}

func (f *findScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(f.content)
}

// focus puts the cursor in the search field with its text selected, so
// the next words replace the last query.
func (f *findScreen) focus() {
	if !f.p.shown {
		return // the shell is still being built; Run focuses Find when done
	}
	f.p.win.Canvas().Focus(f.entry)
	f.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// showIndexing shows the index's progress until search is ready.
func (f *findScreen) showIndexing() {
	if f.p.search == nil {
		f.info.SetText(f.p.indexing)
	}
}

func (f *findScreen) query() search.Query {
	q := search.Query{Text: f.entry.Text, Limit: findLimit, Default: f.p.usage.Defaults(), Language: readerLanguage()}
	if strings.TrimSpace(q.Text) == "" {
		q.Limit = findLimit * blankFetch // folded to findLimit rows (groupBlank)
	}
	if k := f.kinds.selected; k != "" {
		q.Kinds = []kb.Kind{kb.Kind(k)}
	}
	if e := f.emotions.selected; e != "" {
		q.Emotions = []string{e}
	}
	return q
}

// refresh searches for what is typed now, or marks that another search is
// due when one is still running.
func (f *findScreen) refresh() {
	f.gen++
	if f.askedAt.IsZero() {
		f.askedAt = time.Now()
	}
	s := f.p.search
	if s == nil {
		return
	}
	if f.running {
		f.pending = true
		return
	}
	f.running = true
	q := f.query()
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		res, err := s.Search(ctx, q)
		if err == nil && strings.TrimSpace(q.Text) == "" {
			res.Hits = groupBlank(res.Hits, q.Default, findLimit) // find_results.go
		}
		// The chips count what the query finds without the filter, so a
		// filter never hides how much else there is ("All 12", not "All 5").
		unfiltered := res
		if err == nil && (len(q.Kinds) > 0 || len(q.Emotions) > 0) {
			all := q
			all.Kinds, all.Emotions, all.Limit = nil, nil, 1
			unfiltered, err = s.Search(ctx, all)
		}
		cancel()
		f.p.do(func() {
			f.running = false
			if f.pending {
				f.pending = false
				f.refresh()
				return
			}
			f.apply(q, res, unfiltered, err)
		})
		f.p.pages.afterSearch()
	}()
}

// apply shows res, the hits for q; unfiltered is what q finds without its
// kind and emotion filters (res itself when there are none), for the chips.
func (f *findScreen) apply(q search.Query, res, unfiltered *search.Results, err error) {
	if err != nil {
		if !errors.Is(err, context.Canceled) {
			f.p.logf("poise: search %q: %v", q.Text, err)
			f.info.SetText("Search failed. Try again, or restart Poise if it keeps failing.")
		}
		return
	}
	f.setResults(res.Hits)
	f.more.suggest = res.Suggestions
	if f.previewOpen {
		f.closePreview() // the full text shown was of the last results
	}
	f.p.gapShown(q.Text, unfiltered.Total)
	blank := strings.TrimSpace(q.Text) == ""
	f.recent = map[string]bool{}
	if blank {
		for _, id := range f.p.usage.Recent() {
			f.recent[id] = true
		}
	}
	filter := f.filterLabel()
	switch {
	case filter != "" && res.Total == 0:
		f.info.SetText(fmt.Sprintf("Filtered to %s: nothing found · %s without the filter · Esc on an empty field clears it", filter, numtext.Count(unfiltered.Total)))
	case filter != "":
		f.info.SetText(fmt.Sprintf("Filtered to %s: %s of %s found · Esc on an empty field clears the filter", filter, numtext.Count(res.Total), numtext.Count(unfiltered.Total)))
	case blank && len(q.Default) > 0:
		f.info.SetText("Your favourites and recently copied items come first. Type to search.")
	case blank:
		f.info.SetText("Type a few words to search. Enter copies, Ctrl+D stars an item to keep it here.")
	case res.Total == 0:
		f.info.SetText(noResults(res.Suggestions)) // find_more.go
	case res.Corrected != "":
		f.info.SetText(fmt.Sprintf("Showing results for %q · %s found · ↑↓ choose · Enter copy", res.Corrected, numtext.Count(res.Total)))
	default:
		f.info.SetText(numtext.Count(res.Total) + " found · ↑↓ choose · Enter copy · Ctrl+Enter open · Esc clear")
	}
	f.kinds.set(unfiltered.Facets.Kinds, "All "+numtext.Count(unfiltered.Total))
	f.emotions.set(unfiltered.Facets.Emotions, "Any feeling")
	f.sel = -1
	f.list.UnselectAll()
	f.list.Refresh()
	if len(f.hits) > 0 {
		f.list.ScrollToTop()
		f.list.Select(0)
	} else {
		f.preview.clear()
	}
	f.p.trimSoon() // what the search allocated, once typing pauses
	if memLogOn {
		// The length, never the text: a query holds what the customer
		// said, and standard error ends up in the session's log on disk.
		f.p.logf("poise: results for a query of %d characters shown %s after its first key", utf8.RuneCountInString(q.Text), time.Since(f.askedAt).Round(100*time.Microsecond))
	}
	f.askedAt = time.Time{}
	if f.applied != nil {
		f.applied(q.Text)
	}
}

func (f *findScreen) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(f.hits) {
		return
	}
	h := f.hits[i]
	where := f.p.hitSource(h) // "Your version" for your copy (mine_marks.go)
	if f.recent[h.ID] {
		where = "Recent" // on the empty screen, say why it is at the top
	} else if it, ok := f.p.lib.Item(h.ID); ok {
		// The language first: the wide row cuts this label to its column.
		if l := languageLabel(it.Language, readerLanguage()); l != "" {
			where = l + " · " + where
		}
	}
	h.Snippet, h.Highlights = bracketKeys(h.Snippet, h.Highlights, f.p.placeholderKeys(h.ID))
	o.(*hitRow).set(h, where, f.p.usage.IsFavourite(h.ID), f.note(i))
}

func (f *findScreen) showSelected() {
	if f.sel < 0 || f.sel >= len(f.hits) {
		f.preview.clear()
		return
	}
	f.preview.show(f.hits[f.sel].ID)
}

// move changes the selection by delta, staying within the list.
func (f *findScreen) move(delta int) {
	if len(f.hits) == 0 {
		return
	}
	i := min(max(f.sel+delta, 0), len(f.hits)-1)
	f.list.Select(i)
	f.list.ScrollTo(i)
}

func (f *findScreen) typedKey(k *fyne.KeyEvent) bool {
	// "More like this" first: → on a group opens it, elsewhere → opens
	// the full text in a narrow window.
	if f.moreKey(k) || f.narrowKey(k) {
		return true
	}
	switch k.Name {
	case fyne.KeyDown:
		f.move(1)
	case fyne.KeyUp:
		f.move(-1)
	case fyne.KeyPageDown:
		f.move(8)
	case fyne.KeyPageUp:
		f.move(-8)
	case fyne.KeyEscape:
		f.clear()
	case fyne.KeyBackspace:
		// On an empty field Backspace has nothing to delete: it is Back.
		return f.entry.Text == "" && f.preview.goBack()
	default:
		return false
	}
	return true
}

func (f *findScreen) typedShortcut(s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if ok && cs.Modifier == fyne.KeyModifierAlt && cs.KeyName == fyne.KeyLeft {
		return f.preview.goBack() || f.closePreview()
	}
	if ok && cs.Modifier == fyne.KeyModifierAlt {
		// Alt+2 copies the second option of the concern on screen: in the
		// field a plain digit is part of the query.
		if n := digitKey(cs.KeyName); n > 0 {
			it, _ := f.itemOnScreen()
			return f.p.copyOptionNumber(it, n)
		}
	}
	if !ok || cs.Modifier != fyne.KeyModifierShortcutDefault {
		return false
	}
	switch cs.KeyName {
	case fyne.KeyReturn, fyne.KeyEnter:
		f.openSelected()
	case fyne.KeyD:
		f.toggleFavourite()
	default:
		return false
	}
	return true
}

// newCall forgets the last call's query and filters.
func (f *findScreen) newCall() {
	f.kinds.selected, f.emotions.selected = "", ""
	if f.entry.Text != "" {
		f.entry.SetText("") // searches again
		return
	}
	f.refresh()
}

// clear empties the field, then the filters on a second Esc.
func (f *findScreen) clear() {
	if f.entry.Text != "" {
		f.entry.SetText("")
		return
	}
	f.clearFilters()
}

// clearFilters drops the kind and emotion filters and searches again; a
// filter left from an earlier question must not hide this one's answer.
func (f *findScreen) clearFilters() {
	if f.kinds.selected != "" || f.emotions.selected != "" {
		f.kinds.selected, f.emotions.selected = "", ""
		f.refresh()
	}
}

// picked runs after a chip is chosen: search again, and give the keyboard
// back to the field so Esc and typing reach it.
func (f *findScreen) picked(string) {
	f.refresh()
	if f.p.shown {
		f.p.win.Canvas().Focus(f.entry)
	}
}

// filterLabel names the active filters for the info line, "" when none.
func (f *findScreen) filterLabel() string {
	var parts []string
	if k := f.kinds.selected; k != "" {
		parts = append(parts, kindPlural(kb.Kind(k)))
	}
	if e := f.emotions.selected; e != "" {
		parts = append(parts, strings.ToLower(e))
	}
	return strings.Join(parts, ", ")
}

func (f *findScreen) selectedItem() (*kb.Item, bool) {
	if f.sel < 0 || f.sel >= len(f.hits) {
		return nil, false
	}
	return f.p.item(f.hits[f.sel].ID)
}

// itemOnScreen is the item the preview shows: a followed link, else the
// list's selection.
func (f *findScreen) itemOnScreen() (*kb.Item, bool) {
	if f.preview.following() {
		return f.p.item(f.preview.id)
	}
	return f.selectedItem()
}

// copySelected copies the item on screen: the one a followed link shows
// in the preview, else the list's selection (whose preview may not be
// drawn yet when the agent types fast). Either way Enter copies as it does
// from a row, through the placeholder form.
func (f *findScreen) copySelected() {
	it, ok := f.itemOnScreen()
	if !ok {
		return
	}
	// A concern listed as Recent copies the option used last time.
	if o, isOption := f.p.recentOption(it); isOption && f.recent[it.ID] && !f.preview.following() {
		f.p.copyOption(it, o)
		return
	}
	f.p.copyItem(it)
}

func (f *findScreen) openSelected() {
	if f.preview.following() {
		f.p.open(f.preview.id)
		return
	}
	if it, ok := f.selectedItem(); ok {
		f.p.open(it.ID)
	}
}

func (f *findScreen) toggleFavourite() {
	it, ok := f.selectedItem()
	if f.preview.following() {
		it, ok = f.p.item(f.preview.id)
	}
	if !ok {
		return
	}
	f.p.toggleFavourite(it)
	f.list.RefreshItem(f.sel)
}

// hasPack reports whether the library has loaded the pack id.
func (p *poise) hasPack(id string) bool {
	for _, pk := range p.lib.Packs {
		if pk.Manifest.ID == id {
			return true
		}
	}
	return false
}

// packName is the name of a pack as its manifest gives it.
func (p *poise) packName(id string) string {
	for _, pk := range p.lib.Packs {
		if pk.Manifest.ID == id {
			if pk.Builtin {
				return "Built-in"
			}
			if pk.Manifest.Name != "" {
				return pk.Manifest.Name
			}
		}
	}
	return id
}

// toggleFavourite stars or unstars an item and says so.
func (p *poise) toggleFavourite(it *kb.Item) {
	on := !p.usage.IsFavourite(it.ID)
	if err := p.usage.SetFavourite(it.ID, on); err != nil {
		p.showError(err, "Your favourites could not be saved. Check that the data folder is writable.")
		return
	}
	if on {
		p.toast("Starred: " + shorten(it.Title, 60))
	} else {
		p.toast("Unstarred: " + shorten(it.Title, 60))
	}
	if p.find != nil {
		p.find.preview.refreshStar()
	}
}
