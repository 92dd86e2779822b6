package packs

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"strings"
)

// unpackArchive checks the .poisepack in r and unpacks it into the empty
// folder dir, returning its content-hash manifest once every file matched
// it. Anything hostile stops it with ErrHostile; the caller removes dir.
func unpackArchive(r io.ReaderAt, n int64, dir string, lim Limits) (Contents, error) {
	lim = lim.withDefaults()
	zr, err := zip.NewReader(r, n)
	if err != nil {
		return Contents{}, hostile("it is not a .poisepack file (%v)", err)
	}
	if len(zr.File) > lim.MaxFiles+1 { // +1: contents.json
		return Contents{}, hostile("it holds more than %d files", lim.MaxFiles)
	}
	// Sizes in the zip's directory may lie, so they only allow an early
	// refusal; the writer counts the bytes really unpacked.
	var declared, compressed uint64
	for _, f := range zr.File {
		declared += f.UncompressedSize64
		compressed += f.CompressedSize64
	}
	if declared > uint64(lim.MaxUnpacked) {
		return Contents{}, hostile("it unpacks to more than %s", size(lim.MaxUnpacked))
	}
	if declared > ratioFloor && declared > compressed*uint64(lim.MaxRatio) {
		return Contents{}, hostile("it expands more than %d times (a zip bomb?)", lim.MaxRatio)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return Contents{}, fmt.Errorf("open staging folder: %w", err)
	}
	defer root.Close()
	tw := newTreeWriter(lim, rootWriter(root))
	var contents []byte
	for _, f := range zr.File {
		name := f.Name
		if strings.HasSuffix(name, "/") && f.Mode().IsDir() {
			if err := checkName(strings.TrimSuffix(name, "/")); err != nil {
				return Contents{}, err
			}
			continue
		}
		if err := checkName(name); err != nil {
			return Contents{}, err
		}
		if err := checkMode(name, f.Mode()); err != nil {
			return Contents{}, err
		}
		rc, err := f.Open()
		if err != nil {
			return Contents{}, hostile("%q cannot be read (%v)", name, err)
		}
		err = tw.write(name, f.Mode(), rc, max(int64(f.CompressedSize64), 1))
		rc.Close()
		if err != nil {
			return Contents{}, err
		}
		if name == contentsName {
			contents, err = root.ReadFile(contentsName)
			if err != nil {
				return Contents{}, err
			}
		}
	}
	if tw.total > ratioFloor && uint64(tw.total) > compressed*uint64(lim.MaxRatio) {
		return Contents{}, hostile("it expands more than %d times (a zip bomb?)", lim.MaxRatio)
	}
	if contents == nil {
		return Contents{}, hostile("it has no %s; build packs with poise pack build", contentsName)
	}
	c, err := parseContents(contents)
	if err != nil {
		return Contents{}, err
	}
	if err := c.check(tw.sums); err != nil {
		return Contents{}, err
	}
	return c, nil
}
