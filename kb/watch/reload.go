package watch

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"

	"github.com/poisehq/poise/kb"
)

// ErrGone means the pack folder is no longer there: load the whole
// library again.
var ErrGone = errors.New("the pack folder is gone")

// Reloaded is a library with one pack loaded again.
type Reloaded struct {
	// Library is the library given with Pack in place.
	Library *kb.Library
	// Pack is the pack as reloaded, last good files kept.
	Pack *kb.Pack
	// Loaded is the pack as it is on disk, problems and all.
	Loaded *kb.Pack
	PackID string
	// Problems are every problem of the pack as it is now on disk.
	Problems []kb.Problem
	// Kept lists the files whose new text has problems and whose last
	// good items stay in the library (and so in search) until fixed.
	Kept []string
}

// ReloadPack loads the pack folder dir again and returns lib with it in
// place of the pack of the same id. A file whose edit brought problems
// keeps the items it had in lib, so a half-typed or broken edit never
// takes working content out of search; a broken pack.toml keeps the
// whole pack as it was.
func ReloadPack(lib *kb.Library, dir string) (*Reloaded, error) {
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("reload %s: %w", dir, ErrGone)
	}
	p, err := kb.LoadDir(dir)
	var pe *kb.ProblemsError
	if err != nil && !errors.As(err, &pe) {
		return nil, fmt.Errorf("reload %s: %w", dir, err)
	}
	// As LoadLibrary names it: what reads a note back from disk (the app,
	// for a large pack's bodies) and reindexes the pack find it by this.
	p.Dir = filepath.Base(dir)
	r := &Reloaded{PackID: p.Manifest.ID, Loaded: p}
	if pe != nil {
		r.Problems = pe.Problems
	}
	return r.On(lib), nil
}

// On is r put into lib: the library may have changed while the pack
// loaded (another edit applied meanwhile), and the last good version of a
// broken file is the one lib has now.
func (r *Reloaded) On(lib *kb.Library) *Reloaded {
	cp := *r
	prev, _ := lib.Pack(r.PackID)
	cp.Pack, cp.Kept = keepGood(prev, r.Loaded, r.Problems)
	cp.Library = lib.WithPack(cp.Pack)
	return &cp
}

// keepGood is next with the items of prev in place of those of every file
// that has problems in next that may cost items (breaksItems) and had
// items in prev.
func keepGood(prev, next *kb.Pack, problems []kb.Problem) (*kb.Pack, []string) {
	if prev == nil || len(problems) == 0 {
		return next, nil
	}
	broken := map[string]bool{}
	for _, pr := range problems {
		if breaksItems(pr) {
			broken[pr.File] = true
		}
	}
	if broken["pack.toml"] {
		return prev, []string{"pack.toml"}
	}
	had := map[string]bool{}
	for _, it := range prev.Items {
		if broken[it.Source.File] {
			had[it.Source.File] = true
		}
	}
	if len(had) == 0 {
		return next, nil
	}
	cp := *next
	cp.Items = slices.DeleteFunc(slices.Clone(next.Items), func(it kb.Item) bool { return had[it.Source.File] })
	for _, it := range prev.Items {
		if had[it.Source.File] {
			cp.Items = append(cp.Items, it)
		}
	}
	// Files load in path order; keep it, and each file's own order.
	slices.SortStableFunc(cp.Items, func(a, b kb.Item) int { return cmp.Compare(a.Source.File, b.Source.File) })
	kept := make([]string, 0, len(had))
	for f := range had {
		kept = append(kept, f)
	}
	slices.Sort(kept)
	return &cp, kept
}

// breaksItems reports whether a problem may have cost its file items or
// their text, so the last good version is worth keeping. A link to a
// note or heading that does not exist costs nothing: the file's items load
// whole, and a vault has thousands of such links (the Obsidian help vault,
// 2,886), so keeping those files would leave every edit of them out of
// search for good.
func breaksItems(p kb.Problem) bool {
	switch p.Group {
	case kb.GroupMissingNote, kb.GroupMissingHeading, kb.GroupOutside:
		return false
	}
	return true
}

// Breaking are the problems of r that may have cost their files items
// (breaksItems): what an edit broke, leaving out links to notes or
// headings that do not exist, which a vault has by the thousand from the
// start.
func (r *Reloaded) Breaking() []kb.Problem {
	var out []kb.Problem
	for _, p := range r.Problems {
		if breaksItems(p) {
			out = append(out, p)
		}
	}
	return out
}

// Changes reports whether r differs from the pack of the same id in lib,
// so a reload of what is already there (the watcher hearing Poise's own
// save) changes nothing on screen.
func (r *Reloaded) Changes(lib *kb.Library) bool {
	cur, ok := lib.Pack(r.PackID)
	return !ok || len(r.Problems) > 0 || !reflect.DeepEqual(cur.Manifest, r.Pack.Manifest) || !reflect.DeepEqual(cur.Items, r.Pack.Items)
}

// ReloadFiles is ReloadPack for a pack the library holds with its
// guides' bodies left out (a large folder of notes, kb.Pack.Shed): only
// files, the pack's files that changed, are read again (kb.LoadFilesChecked)
// and their items put in place of those they had, bodies left out, so an
// edit costs its notes rather than a parse of the whole folder (for a
// vault of 6,000 notes, seconds and hundreds of MB). problems are the
// pack's problems before the edit: those of the files read again are
// replaced by what they have now. A change a few files cannot settle
// (pack.toml, synonyms.md, an id another file also gives, or files not
// known) loads the whole pack, as ReloadPack does.
func ReloadFiles(lib *kb.Library, dir string, files []string, problems []kb.Problem) (*Reloaded, error) {
	name := filepath.Base(dir)
	var prev *kb.Pack
	for _, p := range lib.Packs {
		if p.Dir == name && !p.Builtin {
			prev = p
		}
	}
	if prev == nil || !prev.Shed || len(files) == 0 {
		return ReloadPack(lib, dir)
	}
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("reload %s: %w", dir, ErrGone)
	}
	next, found, err := kb.UpdateFiles(prev, os.DirFS(dir), files, problems)
	if err != nil {
		return ReloadPack(lib, dir)
	}
	r := &Reloaded{PackID: prev.Manifest.ID, Loaded: next, Problems: found}
	return r.On(lib), nil
}
