package app

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/internal/numtext"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

// Search folds the statements for one situation, and the further sections
// of one guide, into one result (see search.Hit.More), so the first rows
// are different answers. The list shows "N more like this" ("N more in
// this guide") on such a result; → at the end of the search
// field opens them under it and ← folds them again.

// moreRows is the state of the Find list's groups.
type moreRows struct {
	results []search.Hit // as searched, each with its More
	open    string       // id of the result whose More are shown, "" for none
	notes   []rowNote    // per row of findScreen.hits
	// suggest are the nearest queries that find something, when this
	// one found nothing; → at the end of the field tries the first.
	suggest []search.Suggestion
}

// rowNote is what a row says about its group.
type rowNote struct {
	more   int  // hits folded under this result
	open   bool // and they are shown below it
	member bool // the row is one of another result's More
	guide  bool // the folded hits are further sections of this guide
}

// setResults shows a new search's results, every group folded.
func (f *findScreen) setResults(hits []search.Hit) {
	f.more.results, f.more.open = hits, ""
	f.flattenRows()
}

// flattenRows rebuilds the list's rows from the results and the open group.
func (f *findScreen) flattenRows() {
	f.hits = f.hits[:0:0]
	f.more.notes = f.more.notes[:0:0]
	for _, h := range f.more.results {
		open := h.ID == f.more.open && len(h.More) > 0
		f.hits = append(f.hits, h)
		f.more.notes = append(f.more.notes, rowNote{more: len(h.More), open: open, guide: h.Kind == kb.KindGuide})
		if !open {
			continue
		}
		for _, m := range h.More {
			f.hits = append(f.hits, m)
			f.more.notes = append(f.more.notes, rowNote{member: true})
		}
	}
	f.showFullButton()
}

// note is what row i says about its group.
func (f *findScreen) note(i int) rowNote {
	if i < 0 || i >= len(f.more.notes) {
		return rowNote{}
	}
	return f.more.notes[i]
}

// groupOf is the index of the result row that row i belongs to.
func (f *findScreen) groupOf(i int) int {
	for i > 0 && f.note(i).member {
		i--
	}
	return i
}

// moreKey opens (→) or folds (←) the selected result's "more like this",
// when the cursor is at the end of the search field so that → and ← still
// move the cursor while the agent edits the words. It reports whether it
// used the key.
func (f *findScreen) moreKey(k *fyne.KeyEvent) bool {
	atEnd := f.entry.CursorRow == 0 && f.entry.CursorColumn >= utf8.RuneCountInString(f.entry.Text)
	if len(f.hits) == 0 && len(f.more.suggest) > 0 && k.Name == fyne.KeyRight && atEnd {
		f.trySuggestion(f.more.suggest[0])
		return true
	}
	if f.sel < 0 || f.sel >= len(f.hits) {
		return false
	}
	switch k.Name {
	case fyne.KeyRight:
		n := f.note(f.sel)
		if !atEnd || n.member || n.more == 0 || n.open {
			return false
		}
		f.setOpen(f.hits[f.sel].ID, f.sel)
		return true
	case fyne.KeyLeft:
		if f.more.open == "" {
			return false
		}
		head := f.groupOf(f.sel)
		if !f.note(head).open {
			return false
		}
		f.setOpen("", head)
		return true
	}
	return false
}

// setOpen shows the More of the result with the given id ("" folds every
// group) and selects row sel, which is the same result in both layouts.
func (f *findScreen) setOpen(id string, sel int) {
	shown := f.hits[f.sel].ID
	f.more.open = id
	f.flattenRows()
	f.list.Refresh()
	// The list's OnSelected skips the row already marked selected, so the
	// selection is set here and the preview follows it.
	f.sel = sel
	f.list.Select(sel)
	f.list.ScrollTo(sel)
	if f.hits[sel].ID != shown {
		f.showSelected()
	}
}

// moreSegments is the end of a result's title: how many more are folded
// under it and the key that shows them.
func moreSegments(n rowNote) []widget.RichTextSegment {
	quiet := widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText}
	switch {
	case n.open:
		return []widget.RichTextSegment{&widget.TextSegment{Text: "  " + numtext.Count(n.more) + " more below ←", Style: quiet}}
	case n.more > 0 && n.guide:
		return []widget.RichTextSegment{&widget.TextSegment{Text: "  +" + numtext.Count(n.more) + " more in this guide →", Style: quiet}}
	case n.more > 0:
		return []widget.RichTextSegment{&widget.TextSegment{Text: "  +" + numtext.Count(n.more) + " more like this →", Style: quiet}}
	}
	return nil
}

// noResults is the info line for a query that found nothing: the nearest
// queries that find something, and the key that tries the first.
func noResults(sug []search.Suggestion) string {
	if len(sug) == 0 {
		return "Nothing found. Try fewer or other words, or clear the filters."
	}
	var tries []string
	for _, s := range sug {
		switch {
		case s.DropFilter == "all":
			tries = append(tries, "without the filters ("+numtext.Count(s.Total)+")")
		case s.DropFilter != "":
			tries = append(tries, fmt.Sprintf("without the %s filter (%s)", s.DropFilter, numtext.Count(s.Total)))
		case s.Dropped != "":
			tries = append(tries, fmt.Sprintf("%q, without %q (%s)", s.Text, s.Dropped, numtext.Count(s.Total)))
		default:
			tries = append(tries, fmt.Sprintf("%q (%s)", s.Text, numtext.Count(s.Total)))
		}
	}
	return "Nothing found. Try " + strings.Join(tries, " or ") + " · → tries the first"
}

// trySuggestion searches for a suggestion: its words, without the filter
// it drops.
func (f *findScreen) trySuggestion(s search.Suggestion) {
	switch s.DropFilter {
	case "kind":
		f.kinds.selected = ""
	case "emotion":
		f.emotions.selected = ""
	case "all", "pack", "tag":
		f.kinds.selected, f.emotions.selected = "", ""
	}
	if s.Text != f.entry.Text {
		f.entry.SetText(s.Text) // searches again
		f.entry.CursorColumn = utf8.RuneCountInString(s.Text)
		f.entry.Refresh() // show the cursor at the end, where typing goes on
		return
	}
	f.refresh()
}
