package packs

import "errors"

// Sentinels callers branch on; the errors returned wrap them with details.
var (
	// ErrHostile: the source holds something a pack must not (a path
	// outside the pack, a link, a device file, too many or too large files,
	// a zip bomb, text that is not UTF-8, a forged id).
	ErrHostile = errors.New("refused pack")
	// ErrTampered: a file differs from the pack's content hashes, or a
	// signature does not match.
	ErrTampered = errors.New("pack was changed after it was signed or built")
	// ErrUnsigned: the pack has no signature and unsigned packs were not
	// allowed.
	ErrUnsigned = errors.New("pack is unsigned")
	// ErrUntrusted: the pack is signed by a key not yet trusted for it; the
	// person must be asked.
	ErrUntrusted = errors.New("signing key is not trusted for this pack")
	// ErrKeyChanged: the pack is signed by a different key than the one
	// trusted for it.
	ErrKeyChanged = errors.New("pack is signed by a different key than before")
	// ErrDowngrade: the version is older than the one installed.
	ErrDowngrade = errors.New("pack is older than the installed version")
	// ErrSameVersion: the version is the one installed.
	ErrSameVersion = errors.New("this version is already installed")
	// ErrNotInstalled: no installed pack has the id.
	ErrNotInstalled = errors.New("pack is not installed")
	// ErrBuiltin: the built-in pack cannot be removed or replaced.
	ErrBuiltin = errors.New("the built-in pack cannot be changed this way")
	// ErrMine: My pack holds the person's own writing; it is never
	// removed as a whole.
	ErrMine = errors.New("my pack holds your own writing and cannot be removed")
	// ErrNoPrevious: there is no earlier version to roll back to.
	ErrNoPrevious = errors.New("no previous version is kept")
	// ErrTooNew: the pack needs a newer Poise.
	ErrTooNew = errors.New("pack needs a newer Poise")
	// ErrIsPack: what was to be imported as notes is a pack already (it
	// has a pack.toml, or is a .poisepack): install it instead.
	ErrIsPack = errors.New("it is a pack already")
	// ErrLint: the pack has problems and cannot be built.
	ErrLint = errors.New("pack has problems")
	// ErrIDTaken: an import names the id of a pack installed from somewhere
	// else; replacing it would silently drop that pack's items.
	ErrIDTaken = errors.New("another pack already has this id")
)
