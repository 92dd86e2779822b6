package app

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/mine"
	"github.com/poisehq/poise/kb/search"
	"github.com/poisehq/poise/kb/watch"
)

// Words shown for My pack's items, in results and the preview.
const (
	yourVersion = "Your version"
	yourItem    = "Yours"
)

// hitSource is where a result comes from, as its row says it: "Your
// version" for your copy of another pack's item, else the pack's name.
func (p *poise) hitSource(h search.Hit) string {
	if h.Pack == mine.ID {
		if _, ok := p.lib.Replaces(h.ID); ok {
			return yourVersion
		}
		return yourItem
	}
	if h.PackName != "" && h.Pack != kb.BuiltinID && !p.hasPack(h.Pack) {
		return h.PackName // the packs are still loading: the index knows it
	}
	return p.packName(h.Pack)
}

// mineBar is the line under an item's title about My pack: "Make it mine"
// on another pack's item; on yours, what it is, with Edit, and for your
// version of another's item, the original and a way back to it. Nil for
// an item that is not the library's own (an original, or the editor's
// unsaved preview), and without a data folder.
func (p *poise) mineBar(it *kb.Item) fyne.CanvasObject {
	m := p.myPack()
	if m == nil || !p.isLibraryItem(it) {
		return nil
	}
	if it.Pack != mine.ID {
		b := widget.NewButtonWithIcon("Make it mine ("+keyLabel(keyMakeMine)+")", theme.DocumentCreateIcon(), func() { p.makeMine(it.ID) })
		b.Importance = widget.LowImportance
		return container.NewHBox(b)
	}
	st := m.StatusOf(p.lib, it.ID, p.sources())
	edit := widget.NewButtonWithIcon("Edit ("+keyLabel(keyMakeMine)+")", theme.DocumentCreateIcon(), func() { p.openEditor(st.File) })
	edit.Importance = widget.LowImportance
	if st.Original == "" {
		return container.NewHBox(markLabel("Your own item"), edit)
	}
	objs := []fyne.CanvasObject{container.NewHBox(markLabel(yourVersion), edit)}
	if st.OriginalGone {
		objs = append(objs, lowLabel("Its original ("+st.Original+") is no longer in its pack."))
	} else {
		show := widget.NewButton("Show the original", func() { p.showOriginal(it.ID) })
		revert := widget.NewButton("Revert to the original", func() { p.confirmRevert(it.ID) })
		show.Importance, revert.Importance = widget.LowImportance, widget.LowImportance
		objs[0].(*fyne.Container).Add(show)
		objs[0].(*fyne.Container).Add(revert)
	}
	if st.OriginalChanged {
		cmp := widget.NewButtonWithIcon("Compare side by side", theme.ViewRestoreIcon(), func() { p.compareOriginal(it.ID) })
		cmp.Importance = widget.WarningImportance
		objs = append(objs, container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), cmp,
			wrapLabel("The original changed since you copied it.")))
	}
	return container.NewVBox(objs...)
}

// markLabel is a short bold mark in the theme's primary colour.
func markLabel(s string) fyne.CanvasObject {
	t := widget.NewRichText(&widget.TextSegment{Text: s, Style: widget.RichTextStyle{
		Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}})
	return t
}

// makeMine copies the item into My pack and opens the copy to edit.
// keyMakeMine makes the item shown yours, or opens your own in the
// editor: "Make it mine" and "Edit" under an item's title.
var keyMakeMine = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}

// makeShownMine is Ctrl+E: what "Make it mine" (or, on your own item,
// "Edit") does for the item on screen in Find, Matrix or Guides.
func (p *poise) makeShownMine() {
	var id string
	switch {
	case p.current == screenFind && p.find != nil:
		if it, ok := p.find.itemOnScreen(); ok {
			id = it.ID
		}
	case p.current == screenMatrix && p.matrix != nil:
		id = p.matrix.current
	case p.current == screenGuides && p.guides != nil:
		id = p.guides.current
	}
	it, ok := p.item(id)
	if !ok || p.myPack() == nil {
		p.toast(keyLabel(keyMakeMine) + " makes the item shown yours to edit: choose one in Find, Guides or Matrix first.")
		return
	}
	if it.Pack == mine.ID {
		p.openEditor(it.Source.File)
		return
	}
	p.makeMine(it.ID)
}

func (p *poise) makeMine(id string) {
	m := p.myPack()
	if m == nil {
		return
	}
	cp, err := m.MakeMine(p.lib, id, p.sources())
	if err != nil {
		p.showError(err, mineErrorText(err))
		return
	}
	p.my().successor[id] = cp.ID
	p.reloadPack(m.Dir(), nil, func(_ *watch.Reloaded, err error) {
		if err != nil {
			return
		}
		p.toast("Copied into My pack: edit it as you like; pack updates never touch it.")
		p.openEditor(cp.File)
	}, nil)
}

// confirmRevert asks, then deletes your version so the original is back.
func (p *poise) confirmRevert(id string) {
	dialog.ShowConfirm("Revert to the original?",
		"Your version is deleted from My pack, with your changes, and the original comes back.",
		func(ok bool) {
			if ok {
				p.revert(id)
			}
		}, p.win)
}

func (p *poise) revert(id string) {
	m := p.myPack()
	if m == nil {
		return
	}
	orig, err := m.Revert(p.lib, id)
	if err != nil {
		p.showError(err, mineErrorText(err))
		return
	}
	p.my().successor[id] = orig
	p.reloadPack(m.Dir(), nil, func(_ *watch.Reloaded, err error) {
		if err != nil {
			return
		}
		p.toast("Back to the original.")
	}, nil)
}

// showOriginal shows the item your version stands in for.
func (p *poise) showOriginal(id string) {
	orig, ok := p.lib.Original(id)
	if !ok {
		return
	}
	view, _ := p.itemView(orig)
	note := lowLabel(fmt.Sprintf("The original, from %s. Your version is used instead of it.", p.packName(orig.Pack)))
	scroll := container.NewVScroll(container.NewVBox(note, view))
	d := dialog.NewCustom("The original", "Close", scroll, p.win)
	d.Resize(fyne.NewSize(640, 480))
	d.Show()
}

// compareOriginal shows your version's file beside the original's as it
// is now.
func (p *poise) compareOriginal(id string) {
	m := p.myPack()
	if m == nil {
		return
	}
	yours, orig, err := m.Sides(p.lib, id, p.sources())
	if err != nil {
		p.showError(err, mineErrorText(err))
		return
	}
	a, b, aChanged, bChanged := mine.LineDiff(string(yours), string(orig))
	side := func(title string, lines []string, changed []bool) fyne.CanvasObject {
		return container.NewBorder(boldLabel(title), nil, nil, nil, container.NewVScroll(diffText(lines, changed)))
	}
	split := container.NewHSplit(
		side("Your version (lines the original lacks in colour)", a, aChanged),
		side("The original now (lines yours lacks in colour)", b, bChanged))
	w := p.app.NewWindow("Your version and the original")
	revert := widget.NewButton("Revert to the original", func() { w.Close(); p.confirmRevert(id) })
	edit := widget.NewButton("Edit yours", func() {
		w.Close()
		if it, ok := p.item(id); ok {
			p.openEditor(it.Source.File)
		}
	})
	edit.Importance = widget.HighImportance
	w.SetContent(container.NewBorder(nil, container.NewHBox(edit, revert, widget.NewButton("Close", w.Close)), nil, nil, split))
	w.Resize(fyne.NewSize(1000, 640))
	w.Show()
}

// diffText shows lines in a fixed-width font, wrapped, the changed ones
// in the theme's primary colour.
func diffText(lines []string, changed []bool) fyne.CanvasObject {
	segs := make([]widget.RichTextSegment, 0, len(lines))
	for i, l := range lines {
		st := widget.RichTextStyle{TextStyle: fyne.TextStyle{Monospace: true}}
		if changed[i] {
			st.ColorName = theme.ColorNamePrimary // no bold: themes have no bold fixed-width font
		}
		if l == "" {
			l = " "
		}
		segs = append(segs, &widget.TextSegment{Text: l, Style: st})
	}
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// mineErrorText says what to do when My pack refuses something.
func mineErrorText(err error) string {
	switch {
	case errors.Is(err, mine.ErrTaken):
		return "My pack already has an item in that place. Revert or rename it first, then try again."
	case errors.Is(err, mine.ErrNotCopyable):
		return "Items of a folder without pack.toml cannot be made yours. Copy the text into a new item in My pack instead."
	case errors.Is(err, mine.ErrAlreadyMine):
		return "This item is already yours."
	case errors.Is(err, mine.ErrNotOverride):
		return "This item is your own, not a copy of another pack's, so there is no original to go back to."
	case errors.Is(err, mine.ErrBadPath):
		return "That file name cannot be used in My pack. Use letters, digits and hyphens, ending in .md."
	case errors.Is(err, mine.ErrTooLarge):
		return "The text is too long for one item (1 MB at most). Split it into several items."
	}
	return "My pack could not be changed. Check that the data folder is writable, then try again."
}
