package app

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

// unsavedPath is where the unsaved text of rel (a cleaned path of My
// pack) is kept in My pack's folder dir.
func unsavedPath(dir, rel string) string {
	return filepath.Join(dir, unsavedFolder, filepath.FromSlash(rel))
}

// keepUnsavedEdits keeps the text of every editor with unsaved changes.
func (p *poise) keepUnsavedEdits() {
	if p.myState == nil {
		return
	}
	for rel, e := range p.myState.editors {
		if e.text.Text == e.saved {
			continue
		}
		path := unsavedPath(e.m.Dir(), rel)
		err := os.MkdirAll(filepath.Dir(path), 0o700)
		if err == nil {
			err = atomicfile.Write(path, []byte(e.text.Text), 0o600)
		}
		if err != nil {
			p.logf("poise: keep the unsaved text of %s: %v", rel, err)
			continue
		}
		p.logf("poise: the unsaved text of %s is kept in %s; the next editor on it offers it back", rel, path)
	}
}

// takeUnsaved is the text kept for rel at a quit, removed as it is taken
// ("" and false when none).
func (e *editorScreen) takeUnsaved() (string, bool) {
	path := unsavedPath(e.m.Dir(), e.rel)
	b, err := readBoundedFile(path)
	if err != nil {
		return "", false
	}
	os.Remove(path)
	return string(b), true
}

// readBoundedFile reads a kept text, no larger than an editor's file may be.
func readBoundedFile(path string) ([]byte, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() || fi.Size() > maxUnsaved {
		return nil, fmt.Errorf("%s is not a kept text", path)
	}
	return os.ReadFile(path)
}

// maxUnsaved bounds a kept text read back: a pack file is far smaller.
const maxUnsaved = 8 << 20
