package mine

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"github.com/poisehq/poise/internal/atomicfile"
	"github.com/poisehq/poise/kb"
)

// now is the clock; tests set it.
var now = time.Now

// maxFiles bounds how many files of My pack a lint reads.
const maxFiles = 10000

// Read returns the text of a file of My pack.
func (m *Pack) Read(rel string) ([]byte, error) {
	full, err := m.file(rel)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", rel, err)
	}
	b, err := readBounded(full)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", rel, err)
	}
	return b, nil
}

// Save replaces a file of My pack with src, atomically: a crash leaves the
// old text or the new, never a mix. It saves what the person wrote even
// when it has problems (Lint says which); only text that is not UTF-8 or
// is too long is refused.
func (m *Pack) Save(rel string, src []byte) error {
	if len(src) > MaxFileSize {
		return fmt.Errorf("save %s: %w (at most %d bytes)", rel, ErrTooLarge, MaxFileSize)
	}
	if !utf8.Valid(src) {
		return fmt.Errorf("save %s: the text is not UTF-8", rel)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.ensure(); err != nil {
		return err
	}
	full, err := m.file(rel)
	if err != nil {
		return fmt.Errorf("save %s: %w", rel, err)
	}
	if err := os.MkdirAll(filepath.Dir(full), 0o700); err != nil {
		return fmt.Errorf("save %s: %w", rel, err)
	}
	if err := atomicfile.Write(full, src, 0o600); err != nil {
		return fmt.Errorf("save %s: %w", rel, err)
	}
	return nil
}

// Checked is My pack as it would load with one file's text in place of
// what is saved: the problems of that file, with their lines, and the
// items it would give.
type Checked struct {
	Problems []kb.Problem
	Items    []kb.Item
	// Pack is the whole of My pack with the text in place, for a
	// library that shows the edit before it is saved.
	Pack *kb.Pack
}

// Lint loads My pack with src as the text of rel, exactly as Poise loads
// every pack, without writing anything, and returns what that file would
// give: the pack's lint (placeholders included) as you type. A link of
// your version of another pack's item to a file My pack does not have is
// checked against the original's pack, in from, as the library reads it.
func (m *Pack) Lint(rel string, src []byte, from Sources) (*Checked, error) {
	rel, err := CleanPath(rel)
	if err != nil {
		return nil, err
	}
	if len(src) > MaxFileSize {
		return nil, fmt.Errorf("check %s: %w", rel, ErrTooLarge)
	}
	files := fstest.MapFS{}
	m.mu.Lock()
	err = m.snapshot(files)
	m.mu.Unlock()
	if err != nil {
		return nil, err
	}
	if _, ok := files["pack.toml"]; !ok {
		files["pack.toml"] = &fstest.MapFile{Data: []byte(starterManifest)}
	}
	files[rel] = &fstest.MapFile{Data: src, Mode: 0o600}
	p, err := kb.LoadFS(files, kb.LoadOptions{ID: ID})
	var pe *kb.ProblemsError
	if err != nil && !errors.As(err, &pe) {
		return nil, fmt.Errorf("check %s: %w", rel, err)
	}
	c := &Checked{Pack: p}
	if pe != nil {
		for _, pr := range pe.Problems {
			if pr.File == rel {
				c.Problems = append(c.Problems, pr)
			}
		}
	}
	if p != nil {
		c.Problems = append(c.Problems, from.brokenOriginalLinks(p.OriginalLinks, rel)...)
		slices.SortStableFunc(c.Problems, func(a, b kb.Problem) int { return a.Line - b.Line })
	}
	if p != nil {
		for _, it := range p.Items {
			if it.Source.File == rel {
				c.Items = append(c.Items, it)
			}
		}
	}
	return c, nil
}

// snapshot reads the files of My pack the loader reads into files.
func (m *Pack) snapshot(files fstest.MapFS) error {
	fsys := os.DirFS(m.dir)
	n := 0
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll // not created yet
			}
			return nil
		}
		name := d.Name()
		if p != "." && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		ext := strings.ToLower(path.Ext(name))
		if d.IsDir() || !d.Type().IsRegular() || (p != "pack.toml" && ext != ".md" && ext != ".markdown") {
			return nil
		}
		if n++; n > maxFiles {
			return fmt.Errorf("check my pack: more than %d files", maxFiles)
		}
		info, err := d.Info()
		if err != nil || info.Size() > MaxFileSize {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err == nil {
			files[p] = &fstest.MapFile{Data: b, Mode: 0o600}
		}
		return nil
	})
	return err
}
