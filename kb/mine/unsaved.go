package mine

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/poisehq/poise/internal/atomicfile"
)

// A quit by a signal (a session logging out, a service manager) or by the
// main window closing ends the app without the editor's "Close without
// saving?": the text typed in an editor since its last save is kept in
// My pack's hidden .unsaved folder (never loaded as pack content) and
// offered back, unsaved, by the next editor on that file.

// unsavedFolder holds the kept texts, by the path they were typed for.
const unsavedFolder = ".unsaved"

// maxUnsaved bounds a kept text read back: a pack file is far smaller.
const maxUnsaved = 8 << 20

// UnsavedPath is where the unsaved text of rel is kept, "" when rel is
// not a path of My pack (CleanPath).
func (m *Pack) UnsavedPath(rel string) string {
	rel, err := CleanPath(rel)
	if err != nil {
		return ""
	}
	return filepath.Join(m.dir, unsavedFolder, filepath.FromSlash(rel))
}

// KeepUnsaved keeps text, typed for rel and not saved, until TakeUnsaved;
// it returns where.
func (m *Pack) KeepUnsaved(rel, text string) (string, error) {
	path := m.UnsavedPath(rel)
	if path == "" {
		return "", fmt.Errorf("keep unsaved text: %q is not a file of my pack", rel)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return "", fmt.Errorf("keep unsaved text of %s: %w", rel, err)
	}
	if err := atomicfile.Write(path, []byte(text), 0o600); err != nil {
		return "", fmt.Errorf("keep unsaved text of %s: %w", rel, err)
	}
	return path, nil
}

// TakeUnsaved is the text kept for rel, removed as it is taken ("" and
// false when none, or when what is there is not a kept text).
func (m *Pack) TakeUnsaved(rel string) (string, bool) {
	path := m.UnsavedPath(rel)
	if path == "" {
		return "", false
	}
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxUnsaved {
		return "", false
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", false
	}
	os.Remove(path)
	return string(b), true
}
