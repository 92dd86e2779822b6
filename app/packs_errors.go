package app

import (
	"errors"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/poisehq/poise/kb/packs"
)

// packErrorText says in a sentence what went wrong with a pack and what to
// do; the full error goes to the log.
func packErrorText(err error) string {
	switch {
	case errors.Is(err, packs.ErrHostile):
		return "The pack was refused because it holds something a pack must not (" + reason(err) + "). Ask its author for a fresh copy."
	case errors.Is(err, packs.ErrTampered):
		return "The pack does not match its signature or content list, so it was changed after it was made. Ask its author for a fresh copy."
	case errors.Is(err, packs.ErrKeyChanged):
		return "The pack is signed by a different key than before. Ask its author whether they changed keys."
	case errors.Is(err, packs.ErrTooNew):
		return "The pack needs a newer Poise. Update Poise, then install it again."
	case errors.Is(err, packs.ErrBuiltin):
		return "The built-in pack can be disabled, not removed."
	case errors.Is(err, packs.ErrMine):
		return "My pack holds your own writing, so it is not removed. Revert or delete its items one by one, or disable it."
	case errors.Is(err, packs.ErrNoPrevious):
		return "There is no earlier version kept to roll back to."
	case errors.Is(err, packs.ErrNotInstalled):
		return "That pack is not installed, or was copied in by hand and has no source to update from."
	}
	return "Check the address or file and try again."
}

// reason is the detail after the sentinel, for refusals a person can act on.
func reason(err error) string {
	_, r, ok := strings.Cut(err.Error(), packs.ErrHostile.Error()+": ")
	if !ok {
		return "see the log"
	}
	return r
}

// onDropped installs a .poisepack (or pack folder) dropped on the window,
// through the same preview as every other install.
func (p *poise) onDropped(_ fyne.Position, uris []fyne.URI) {
	if p.packs == nil || len(uris) == 0 {
		return
	}
	u := uris[0]
	if u.Scheme() != "file" {
		return
	}
	path := u.Path()
	if unescaped, err := url.PathUnescape(path); err == nil {
		path = unescaped
	}
	p.show(screenPacks)
	if p.packsView != nil {
		p.packsView.fetchSource(path, "")
	}
}
