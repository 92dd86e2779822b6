package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/poisehq/poise/internal/numtext"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/packs"
)

// maxPreviewLines bounds the changes and problems a preview lists, so a
// pack of thousands of items cannot make a dialog taller than any screen.
const maxPreviewLines = 40

// preview shows what a fetched pack is before anything is installed.
func (s *packsScreen) preview(c *packs.Candidate) { s.previewThen(c, nil) }

// previewThen shows the preview and runs next once it is answered.
func (s *packsScreen) previewThen(c *packs.Candidate, next func()) {
	body, confirm, opts := previewContent(c)
	var d *dialog.CustomDialog
	cancelled := func() {
		d.Hide()
		c.Discard()
		if next != nil {
			next()
		}
	}
	cancel := newEscButton("Cancel", cancelled, cancelled)
	ok := newEscButton(confirm, func() {
		d.Hide()
		s.install(c, opts, next)
	}, cancelled)
	ok.Importance = widget.HighImportance
	if c.Trust == packs.TrustChanged || c.Trust == packs.TrustUnsigned {
		ok.Importance = widget.DangerImportance
	}
	title := "Install " + c.Manifest.Name + "?"
	if c.Installed != "" {
		title = "Update " + c.Manifest.Name + "?"
	}
	scroll := container.NewVScroll(body)
	scroll.SetMinSize(fyne.NewSize(560, 360))
	d = dialog.NewCustomWithoutButtons(title, scroll, s.p.win)
	d.SetButtons([]fyne.CanvasObject{cancel, ok})
	s.previewing = d
	d.Show()
	// Keyboard first: Cancel has the focus (Enter or Space never installs
	// by accident), Tab reaches the install button, Esc cancels.
	s.p.win.Canvas().Focus(cancel)
}

// escButton is a button that also answers Esc, so a dialog made of them
// closes from the keyboard whichever has the focus.
type escButton struct {
	widget.Button
	onEscape func()
}

func newEscButton(label string, tapped, escape func()) *escButton {
	b := &escButton{onEscape: escape}
	b.Text, b.OnTapped = label, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey runs onEscape for Esc, presses the button for Enter (the key
// an agent's hand is already on after the Enter that asked the question),
// and leaves every other key to the button.
func (b *escButton) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		b.onEscape()
	case fyne.KeyReturn, fyne.KeyEnter:
		b.Button.Tapped(&fyne.PointEvent{})
	default:
		b.Button.TypedKey(k)
	}
}

// previewContent is the preview's text, its confirm button and the
// options that button installs with.
func previewContent(c *packs.Candidate) (fyne.CanvasObject, string, packs.InstallOptions) {
	m := c.Manifest
	var opts packs.InstallOptions
	lines := []fyne.CanvasObject{
		widget.NewLabelWithStyle(m.Name+"  "+m.Version, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		lowLabel(m.ID + " · from " + c.Source.String()),
	}
	if len(m.Authors) > 0 {
		lines = append(lines, wrapLabel("Authors: "+strings.Join(m.Authors, ", ")))
	}
	confirm := "Install"
	if c.Installed != "" {
		confirm = "Update"
	}
	switch c.Trust {
	case packs.TrustUnsigned:
		opts.AllowUnsigned = true
		confirm = "Install unsigned pack"
		msg := "This pack is UNSIGNED: nobody vouches that it is what its author wrote. Install it only if you trust where it came from."
		if c.Trusted != nil {
			opts.Retrust = true
			msg = "This copy is UNSIGNED, but the installed version was signed by key " + c.Trusted.KeyID + ". Someone may have changed it: ask the pack's author before installing."
		}
		lines = append(lines, warnLabel(msg))
	case packs.TrustNew:
		opts.TrustSigner = true
		confirm = "Trust key " + c.Signature.Signer.KeyID + " and install"
		lines = append(lines, wrapLabel("Signed by key "+c.Signature.Signer.KeyID+". This key is not yet trusted for this pack: trusting it means later updates must be signed by the same key."))
	case packs.TrustKnown:
		lines = append(lines, wrapLabel("Signed by key "+c.Signature.Signer.KeyID+", the key you trust for this pack."))
	case packs.TrustChanged:
		opts.Retrust = true
		confirm = "Trust the new key and install"
		lines = append(lines, warnLabel(fmt.Sprintf("The SIGNING KEY HAS CHANGED: this copy is signed by key %s, but you trust key %s for this pack. Only continue if the pack's author told you they changed keys.",
			c.Signature.Signer.KeyID, c.Trusted.KeyID)))
	}
	lines = append(lines, wrapLabel(countsText(c.Items, c.Counts)))
	for _, o := range m.Overrides {
		lines = append(lines, wrapLabel("Replaces "+o+" in results with its own item."))
	}
	switch {
	case c.Downgrade:
		opts.Force = true
		confirm = "Install older version " + m.Version
		lines = append(lines, warnLabel("This is older than the installed version "+c.Installed+". The installed version is kept for rolling back."))
	case c.Installed != "" && !c.Newer():
		opts.Force = true
		confirm = "Install again"
		lines = append(lines, wrapLabel("This version is already installed."))
	case c.Installed != "":
		lines = append(lines, wrapLabel("Installed now: "+c.Installed+". It is kept, so you can roll back in one step."))
	}
	for _, sk := range c.Skipped { // a folder of notes keeps its notes only
		lines = append(lines, lowLabel(fmt.Sprintf("Left out: %d %s.", sk.Count, sk.Reason)))
	}
	if len(c.Problems) > 0 && m.Layout == kb.LayoutNotes {
		// Thousands of notes may have hundreds of one sort of problem:
		// say how many of each, with the first.
		lines = append(lines, widget.NewLabelWithStyle(problemCount(len(c.Problems))+" found by the lint (the rest of the pack still works):", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, g := range kb.Summarize(c.Problems, 1) {
			lines = append(lines, lowLabel(numtext.Count(g.Count)+" "+g.What+", such as "+g.First[0].String()))
		}
	} else if len(c.Problems) > 0 {
		lines = append(lines, widget.NewLabelWithStyle(problemCount(len(c.Problems))+" found by the lint (the rest of the pack still works):", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for i, pr := range c.Problems {
			if i == maxPreviewLines {
				lines = append(lines, lowLabel(fmt.Sprintf("… and %d more", len(c.Problems)-i)))
				break
			}
			lines = append(lines, lowLabel(pr.String()))
		}
	}
	if c.Installed != "" {
		lines = append(lines, widget.NewLabelWithStyle("What changes:", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		lines = append(lines, changeLines(c.Changes)...)
	}
	return container.NewVBox(lines...), confirm, opts
}

// changeLines lists the items an update adds, rewrites and removes.
func changeLines(ch packs.Changes) []fyne.CanvasObject {
	if ch.Empty() {
		return []fyne.CanvasObject{lowLabel("No item changes.")}
	}
	var out []fyne.CanvasObject
	n := 0
	add := func(sign, verb string, list []packs.Change, hash func(packs.Change) string) {
		for _, x := range list {
			if n == maxPreviewLines {
				return
			}
			n++
			out = append(out, lowLabel(fmt.Sprintf("%s %s: %s (%s)  %s", sign, verb, x.Title, x.ID, hash(x))))
		}
	}
	add("+", "added", ch.Added, func(x packs.Change) string { return x.New })
	add("~", "rewritten", ch.Changed, func(x packs.Change) string { return x.Old + " → " + x.New })
	add("−", "removed", ch.Removed, func(x packs.Change) string { return x.Old })
	if total := len(ch.Added) + len(ch.Changed) + len(ch.Removed); total > n {
		out = append(out, lowLabel(fmt.Sprintf("… and %d more", total-n)))
	}
	return out
}

func warnLabel(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	return l
}

// install swaps the candidate in off the UI goroutine, then reloads.
func (s *packsScreen) install(c *packs.Candidate, opts packs.InstallOptions, next func()) {
	s.setBusy("Installing " + c.Manifest.Name + "…")
	store := s.p.packs
	go func() {
		err := store.Install(c, opts)
		s.p.do(func() {
			s.setBusy("")
			if err != nil {
				s.p.showError(err, "Nothing was installed. "+packErrorText(err))
				if next != nil {
					next()
				}
				return
			}
			s.p.reloadLibrary(func() {
				s.refresh()
				s.p.toast(fmt.Sprintf("Installed %s %s.", c.Manifest.Name, c.Manifest.Version))
				if next != nil {
					next()
				}
			}, c.Manifest.ID)
		})
	}()
}
