package packs

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/poisehq/poise/kb"
)

// buildTime is every archive entry's time, so building the same folder
// twice gives the same bytes (and the same signature check).
var buildTime = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// Build lints the pack folder dir the way Poise loads it and writes it to w
// as a .poisepack: a zip of its files with .poise/contents.json, the
// SHA-256 of each. A pack with any lint problem is refused with ErrLint
// wrapping the *kb.ProblemsError; so is a folder that breaks the limits an
// install enforces. Names starting with "." or "_" (Git, editors, drafts)
// are left out, as Poise ignores them.
func Build(dir string, w io.Writer, lim Limits) (*kb.Pack, Contents, error) {
	if _, err := os.Stat(filepath.Join(dir, "pack.toml")); err != nil {
		return nil, Contents{}, fmt.Errorf("build %s: a pack needs pack.toml to be built: %w", dir, err)
	}
	p, err := kb.LoadDir(dir)
	if err != nil {
		var pe *kb.ProblemsError
		if errors.As(err, &pe) {
			return p, Contents{}, fmt.Errorf("build %s: %w: %w", dir, ErrLint, err)
		}
		return nil, Contents{}, fmt.Errorf("build %s: %w", dir, err)
	}
	zw := zip.NewWriter(w)
	tw := newTreeWriter(lim, func(name string, data []byte) error { return zipPut(zw, name, data) })
	if err := copyFolder(dir, tw, true); err != nil {
		return nil, Contents{}, fmt.Errorf("build %s: %w", dir, err)
	}
	c := Contents{Format: contentsFormat, Pack: p.Manifest.ID, Version: p.Manifest.Version, Files: tw.sums}
	if err := zipPut(zw, contentsName, c.marshal()); err != nil {
		return nil, Contents{}, err
	}
	if err := zw.Close(); err != nil {
		return nil, Contents{}, fmt.Errorf("build %s: %w", dir, err)
	}
	return p, c, nil
}

func zipPut(zw *zip.Writer, name string, data []byte) error {
	h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: buildTime}
	h.SetMode(0o644)
	f, err := zw.CreateHeader(h)
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// copyFolder passes every file of dir through tw, refusing links and
// devices (never following them). With fresh, the folder's own .poise
// metadata is left out because a build writes it anew.
func copyFolder(dir string, tw *treeWriter, fresh bool) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return err
	}
	defer root.Close()
	return fs.WalkDir(root.FS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if name == "." {
			return nil
		}
		if skipped(name) || fresh && (name == stateDirName || strings.HasPrefix(name, stateDirName+"/")) {
			tw.skipHidden(name)
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return checkName(name)
		}
		if tw.skip(name, d.Type().IsRegular(), d.Type()&fs.ModeSymlink != 0) {
			return nil
		}
		if err := checkMode(name, d.Type()); err != nil {
			return err
		}
		f, err := root.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil {
			return err
		}
		return tw.write(name, info.Mode(), f, 0)
	})
}
