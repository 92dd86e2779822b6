package kb

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// BuiltinID is the id of the pack bundled with Poise; no other pack may use it.
const BuiltinID = "builtin"

// ErrReservedID is matched (errors.Is) by the error of loading a pack whose
// id, once normalised, is reserved (BuiltinID): such a pack is refused
// outright, never loaded beside the pack it would impersonate.
var ErrReservedID = errors.New("pack id is reserved")

// LoadLibrary loads the built-in pack from builtin (none when nil) and every
// installed pack folder under packsDir (<data dir>/packs/<id>/, sorted by id;
// a missing packsDir means none are installed). A pack with problems is still added with whatever did
// load, and a pack that cannot load at all is left out; neither stops the
// others. The error, when not nil, joins one error per troubled pack, each
// wrapping its *ProblemsError where there is one.
func LoadLibrary(builtin fs.FS, packsDir string) (*Library, error) {
	return LoadLibraryKept(builtin, packsDir, Kept{})
}

// Kept says where large packs are kept as shown (StorePack), for
// LoadLibraryKept, and who hears of each pack loaded.
type Kept struct {
	// Dir is the folder packs are kept in; "" reads every pack's files.
	Dir string
	// State describes the packs' files, scanned before loading
	// (ScanLibrary): a pack kept for the same files is read from Dir.
	State *LibraryState
	// Loaded, if set, hears of every pack of the library, with its
	// problems, and whether it was read from Dir as kept (not when files
	// changed since were read again: StoredPackUpdated).
	Loaded func(p *Pack, problems []Problem, kept bool)
	// FileLoaded, if set, is called after each markdown file parsed
	// from an installed pack's folder (not for packs read as kept, nor
	// the built-in pack), one call at a time: see LoadOptions.
	FileLoaded func()
	// Hashes, if set, collects the hashes of the files parsed from
	// installed packs' folders, for State (of ScanLibraryUnread) to be
	// completed with once loaded (LibraryState.Hashed).
	Hashes *FileHashes
}

// packState is the state of pack folder name, when known.
func (k Kept) packState(name string) (PackState, bool) {
	if k.Dir == "" || k.State == nil {
		return PackState{}, false
	}
	for _, ps := range k.State.Packs {
		if ps.Dir == name {
			return ps, true
		}
	}
	return PackState{}, false
}

// LoadLibraryKept is LoadLibrary reading each installed pack that kept
// holds for the same files from there instead of parsing its files.
func LoadLibraryKept(builtin fs.FS, packsDir string, kept Kept) (*Library, error) {
	var packs []*Pack
	var errs []error
	var bp *Pack
	if builtin != nil { // nil in tools and tests that want installed packs only
		var err error
		bp, err = LoadFS(builtin, LoadOptions{ID: BuiltinID, Builtin: true})
		if err != nil {
			errs = append(errs, fmt.Errorf("built-in pack: %w", err))
		}
	}
	if bp != nil {
		packs = append(packs, bp)
		if kept.Loaded != nil {
			kept.Loaded(bp, problemsOf(errors.Join(errs...)), false)
		}
	}
	entries, err := os.ReadDir(packsDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		errs = append(errs, fmt.Errorf("list installed packs: %w", err))
	}
	seen := map[string]string{}
	if bp != nil {
		seen[bp.Manifest.ID] = "the built-in pack"
	}
	for _, e := range entries {
		name := e.Name()
		if name[0] == '.' || name[0] == '_' {
			continue
		}
		dir := filepath.Join(packsDir, name)
		if e.Type()&fs.ModeSymlink != 0 {
			if err := linkedPack(dir, packsDir); err != nil {
				errs = append(errs, err)
				continue
			}
		} else if !e.IsDir() {
			continue
		}
		p, fromStore, err := loadPackFolder(dir, name, kept)
		if err != nil {
			errs = append(errs, fmt.Errorf("pack %s: %w", dir, err))
		}
		if p == nil {
			continue
		}
		p.Dir = name
		if other, dup := seen[p.Manifest.ID]; dup {
			errs = append(errs, fmt.Errorf("pack %s: id %q is already used by %s; it was not loaded", dir, p.Manifest.ID, other))
			continue
		}
		seen[p.Manifest.ID] = dir
		packs = append(packs, p)
		if kept.Loaded != nil {
			kept.Loaded(p, problemsOf(err), fromStore)
		}
	}
	installed := packs
	if bp != nil {
		installed = packs[1:] // the built-in pack stays first
	}
	slices.SortStableFunc(installed, func(a, b *Pack) int { return cmp.Compare(a.Manifest.ID, b.Manifest.ID) })
	return NewLibrary(packs...), errors.Join(errs...)
}

// loadPackFolder loads the pack in folder dir (named name in the packs
// folder) from what kept holds for its files, or else from its files.
func loadPackFolder(dir, name string, kept Kept) (p *Pack, fromStore bool, err error) {
	if ps, ok := kept.packState(name); ok {
		if sp, problems, serr := StoredPack(kept.Dir, ps); serr == nil {
			if len(problems) > 0 {
				err = &ProblemsError{Problems: problems}
			}
			return sp, true, err
		}
		// Files changed since: only they are read. Not "kept" for the
		// caller, who keeps the pack again for the files as they are.
		if sp, problems, serr := StoredPackUpdated(kept.Dir, dir, ps); serr == nil {
			sp.Dir = name
			if len(problems) > 0 {
				err = &ProblemsError{Problems: problems}
			}
			return sp, false, err
		}
	}
	p, err = loadDir(dir, false, LoadOptions{FileLoaded: kept.FileLoaded, fileRead: kept.Hashes.recorder(name)})
	return p, false, err
}

// problemsOf are the problems err holds, if any.
func problemsOf(err error) []Problem {
	var pe *ProblemsError
	if errors.As(err, &pe) {
		return pe.Problems
	}
	return nil
}

// linkedPack checks a pack folder that is a symbolic link (a team keeping
// its pack in a synced or checked-out folder and linking it in): it is
// followed when it leads to a folder inside the person's home folder or the
// data folder, and refused, with the reason, when it leads elsewhere, so a
// link planted in the packs folder cannot make Poise read system files.
func linkedPack(link, packsDir string) error {
	target, err := filepath.EvalSymlinks(link)
	if err != nil {
		return fmt.Errorf("pack %s: it is a link that leads nowhere (%w); fix or remove the link", link, err)
	}
	info, err := os.Stat(target)
	if err != nil || !info.IsDir() {
		return fmt.Errorf("pack %s: it is a link to %s, which is not a folder; link to the pack's folder", link, target)
	}
	var roots []string
	if home, err := os.UserHomeDir(); err == nil {
		roots = append(roots, home)
	}
	roots = append(roots, filepath.Dir(packsDir))
	for _, root := range roots {
		if r, err := filepath.EvalSymlinks(root); err == nil && within(target, r) {
			return nil
		}
	}
	return fmt.Errorf("pack %s: it is a link to %s, outside your home folder, so it was not followed; move the pack into your home folder or copy it into the packs folder", link, target)
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// PackFolder is the folder of the installed pack named name in packsDir,
// checked as LoadLibrary checks it (hidden names skipped, links followed
// only within the person's folders). The error wraps fs.ErrNotExist when
// LoadLibrary would load no pack from it.
func PackFolder(packsDir, name string) (string, error) {
	if name == "" || name[0] == '.' || name[0] == '_' || name != filepath.Base(name) {
		return "", fmt.Errorf("pack folder %q: %w", name, fs.ErrNotExist)
	}
	dir := filepath.Join(packsDir, name)
	info, err := os.Lstat(dir)
	if err != nil {
		return "", fmt.Errorf("pack folder %s: %w", dir, err)
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		if err := linkedPack(dir, packsDir); err != nil {
			return "", fmt.Errorf("%w (%w)", err, fs.ErrNotExist)
		}
		return dir, nil
	}
	if !info.IsDir() {
		return "", fmt.Errorf("pack folder %s: not a folder: %w", dir, fs.ErrNotExist)
	}
	return dir, nil
}
