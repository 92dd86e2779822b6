// Package datadir finds where Poise keeps its data and makes sure only one
// running Poise writes to it at a time.
package datadir

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/adrg/xdg"
	"github.com/gofrs/flock"
)

// EnvHome overrides the data directory, as --data-dir does.
const EnvHome = "POISE_HOME"

// ErrLocked means another running Poise holds the data directory.
var ErrLocked = errors.New("another Poise is already using this data directory")

// Resolve returns the data directory: flagValue when set, else $POISE_HOME,
// else the XDG data directory's poise folder (~/.local/share/poise on Linux).
func Resolve(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if v := os.Getenv(EnvHome); v != "" {
		return v
	}
	return filepath.Join(xdg.DataHome, "poise")
}

// Dir is an opened data directory.
type Dir struct {
	Path string
	lock *flock.Flock
}

// Open creates the directory if needed (readable by the user only: it holds
// a private journal) and takes its lock. A second process gets ErrLocked at
// once rather than waiting, so it can say Poise is already running.
func Open(path string) (*Dir, error) {
	if err := os.MkdirAll(path, 0o700); err != nil {
		return nil, fmt.Errorf("create data directory %s: %w", path, err)
	}
	lk := flock.New(filepath.Join(path, "poise.lock"))
	ok, err := lk.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock data directory %s: %w", path, err)
	}
	if !ok {
		return nil, fmt.Errorf("lock data directory %s: %w", path, ErrLocked)
	}
	return &Dir{Path: path, lock: lk}, nil
}

// Join returns a path inside the data directory.
func (d *Dir) Join(elem ...string) string {
	return filepath.Join(append([]string{d.Path}, elem...)...)
}

// Close releases the lock.
func (d *Dir) Close() error {
	return d.lock.Unlock()
}

// Contains reports whether the file path would be written inside dataDir,
// where only Poise's own (encrypted) files belong: a plain-text export there
// would sit beside the journal or overwrite its key. Links are followed, so
// another name for the folder is caught too.
func Contains(dataDir, path string) bool {
	rel, err := filepath.Rel(resolveLinks(dataDir), resolveLinks(filepath.Dir(path)))
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// resolveLinks makes p absolute and resolves the links of its longest part
// that exists (the rest may not have been created yet).
func resolveLinks(p string) string {
	p, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	for dir, rest := p, ""; ; {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(r, rest)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return p
		}
		rest = filepath.Join(filepath.Base(dir), rest)
		dir = parent
	}
}
