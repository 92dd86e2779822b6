package mine

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/poisehq/poise/internal/atomicfile"
	"github.com/poisehq/poise/kb"
)

// Copy is an item made yours: the file it was copied to and the id the
// copy has in My pack.
type Copy struct {
	File string
	ID   string
}

// MakeMine copies the source file of the library's item id into My pack at
// the same path, so the copy has the same folder and slug, and lists the
// original in My pack's overrides: the copy then stands in for the
// original (and the original file's other items) everywhere, and no update
// of the original's pack touches it. A hash of the original is kept to
// tell later whether the original changed. Making an item yours twice
// returns the copy made the first time.
func (m *Pack) MakeMine(lib *kb.Library, id string, src Sources) (Copy, error) {
	it, ok := lib.Item(id)
	if !ok {
		// Already yours, in a library loaded since: the original is out of
		// it and your copy stands for it.
		base, frag, _ := strings.Cut(id, "#")
		if _, rest, found := strings.Cut(base, "/"); found {
			cp := Copy{ID: ID + "/" + rest}
			if frag != "" {
				cp.ID += "#" + frag
			}
			if mineIt, ok := lib.Item(cp.ID); ok {
				if r, ok := lib.Replaces(cp.ID); ok && r == base {
					cp.File = mineIt.Source.File
					return cp, nil
				}
			}
		}
		return Copy{}, fmt.Errorf("make %s mine: %w", id, fs.ErrNotExist)
	}
	if it.Pack == ID {
		return Copy{}, fmt.Errorf("make %s mine: %w", id, ErrAlreadyMine)
	}
	base, frag, _ := strings.Cut(it.ID, "#")
	_, rest, _ := strings.Cut(base, "/")
	cp := Copy{File: it.Source.File, ID: ID + "/" + rest}
	if frag != "" {
		cp.ID += "#" + frag
	}
	raw, sum, err := src.read(it)
	if err != nil {
		return Copy{}, fmt.Errorf("make %s mine: %w", id, err)
	}
	if len(raw) > MaxFileSize {
		return Copy{}, fmt.Errorf("make %s mine: %w", id, ErrTooLarge)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.ensure(); err != nil {
		return Copy{}, err
	}
	man, err := m.readManifest()
	if err != nil {
		return Copy{}, err
	}
	if slices.Contains(man.overrides(), base) {
		return cp, nil
	}
	for _, o := range man.overrides() {
		if _, r, _ := strings.Cut(o, "/"); r == rest {
			return Copy{}, fmt.Errorf("make %s mine: %w: your version of %s is there; revert it first", id, ErrTaken, o)
		}
	}
	full, err := m.file(cp.File)
	if err != nil {
		return Copy{}, fmt.Errorf("make %s mine: %w", id, err)
	}
	if _, err := os.Lstat(full); err == nil {
		return Copy{}, fmt.Errorf("make %s mine: %w: %s is one of your own items", id, ErrTaken, cp.File)
	}
	if err := os.MkdirAll(filepath.Dir(full), 0o700); err != nil {
		return Copy{}, fmt.Errorf("make %s mine: %w", id, err)
	}
	// The file first: a crash before the manifest leaves a second item,
	// never an override standing for nothing.
	if err := atomicfile.Write(full, raw, 0o600); err != nil {
		return Copy{}, fmt.Errorf("make %s mine: %w", id, err)
	}
	if err := m.setOverrides(func(list []string) []string { return append(list, base) }); err != nil {
		return Copy{}, fmt.Errorf("make %s mine: %w", id, err)
	}
	o, err := m.readOrigins()
	if err != nil {
		return cp, nil // the copy stands; only the "changed since" note is lost
	}
	o[base] = Origin{File: cp.File, Hash: sum, Copied: now()}
	if err := m.writeOrigins(o); err != nil {
		return cp, nil
	}
	return cp, nil
}

// Revert removes your version id (an item of My pack that replaces
// another pack's) and its override, so the original is back, and returns
// the original's id.
func (m *Pack) Revert(lib *kb.Library, id string) (string, error) {
	if kb.PackOf(id) != ID {
		return "", fmt.Errorf("revert %s: %w", id, ErrNotOverride)
	}
	base, frag, _ := strings.Cut(id, "#")
	_, rest, _ := strings.Cut(base, "/")
	m.mu.Lock()
	defer m.mu.Unlock()
	man, err := m.readManifest()
	if err != nil {
		return "", err
	}
	entry := ""
	for _, o := range man.overrides() {
		if _, r, _ := strings.Cut(o, "/"); r == rest {
			entry = o
		}
	}
	if entry == "" {
		return "", fmt.Errorf("revert %s: %w", id, ErrNotOverride)
	}
	orig, _ := m.readOrigins()
	file := orig[entry].File
	if it, ok := lib.Item(id); ok && it.Pack == ID {
		file = it.Source.File
	}
	full, err := m.file(file)
	if err != nil {
		return "", fmt.Errorf("revert %s: %w", id, err)
	}
	// The override first: a crash before the file is removed leaves your
	// version beside the original, never the original hidden.
	if err := m.setOverrides(func(list []string) []string {
		return slices.DeleteFunc(list, func(s string) bool { return s == entry })
	}); err != nil {
		return "", fmt.Errorf("revert %s: %w", id, err)
	}
	if err := os.Remove(full); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("revert %s: %w", id, err)
	}
	if _, ok := orig[entry]; ok {
		delete(orig, entry)
		_ = m.writeOrigins(orig) // a stale record only costs a note
	}
	if frag != "" {
		return entry + "#" + frag, nil
	}
	return entry, nil
}

// Status is what the preview says about an item of My pack.
type Status struct {
	// Mine is true for every item of My pack.
	Mine bool
	// Original is the id of the item this one stands in for; "" for an
	// item of your own.
	Original string
	// OriginalGone: the original's pack no longer has it.
	OriginalGone bool
	// OriginalChanged: the original's file differs from when you copied
	// it (false when that is not known).
	OriginalChanged bool
	// File is the item's file inside My pack.
	File string
}

// StatusOf says whether id is yours, what it replaces and whether the
// original changed since it was copied. It reads one file of the
// original's pack.
func (m *Pack) StatusOf(lib *kb.Library, id string, src Sources) Status {
	it, ok := lib.Item(id)
	if !ok || it.Pack != ID {
		return Status{}
	}
	st := Status{Mine: true, File: it.Source.File}
	replaced, ok := lib.Replaces(id)
	if !ok {
		return st
	}
	st.Original = replaced
	orig, ok := lib.Original(id)
	if !ok {
		st.OriginalGone = true
		return st
	}
	st.Original = orig.ID
	m.mu.Lock()
	o, err := m.readOrigins()
	m.mu.Unlock()
	rec, known := o[replaced]
	if err != nil || !known {
		return st
	}
	if _, sum, err := src.read(orig); err == nil && sum != rec.Hash {
		st.OriginalChanged = true
	}
	return st
}

// Sides are your version's file and the original's as it is now, for a
// side-by-side view.
func (m *Pack) Sides(lib *kb.Library, id string, src Sources) (mine, original []byte, err error) {
	it, ok := lib.Item(id)
	if !ok || it.Pack != ID {
		return nil, nil, fmt.Errorf("compare %s: %w", id, ErrNotOverride)
	}
	orig, ok := lib.Original(id)
	if !ok {
		return nil, nil, fmt.Errorf("compare %s: %w", id, ErrNotOverride)
	}
	full, err := m.file(it.Source.File)
	if err != nil {
		return nil, nil, fmt.Errorf("compare %s: %w", id, err)
	}
	mine, err = readBounded(full)
	if err != nil {
		return nil, nil, fmt.Errorf("compare %s: %w", id, err)
	}
	original, _, err = src.read(orig)
	if err != nil {
		return nil, nil, fmt.Errorf("compare %s: %w", id, err)
	}
	return mine, original, nil
}

func readBounded(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if info.Size() > MaxFileSize {
		return nil, ErrTooLarge
	}
	return os.ReadFile(path)
}
