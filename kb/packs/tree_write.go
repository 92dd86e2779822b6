package packs

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/poisehq/poise/kb"
)

// treeWriter writes the files of an untrusted pack into a fresh staging
// folder, refusing anything a pack must not hold. Every source (archive,
// folder, Git tree) goes through it, so the rules are the same everywhere.
type treeWriter struct {
	// put stores one checked file: into the staging folder when installing,
	// into the archive when building.
	put   func(name string, data []byte) error
	lim   Limits
	seen  map[string]string // case-folded name → name, for duplicates
	dirs  map[string]bool   // case-folded folders that hold a file
	total int64
	sums  map[string]string // name → SHA-256 of what was written
	// notes: a folder of notes is imported, keeping markdown only and
	// skipping (recorded in skipped) what a pack would be refused for.
	notes       bool
	skipped     []Skipped
	hiddenSeen  map[string]bool
	hadManifest bool // a note import met a pack.toml at the root
}

func newTreeWriter(lim Limits, put func(name string, data []byte) error) *treeWriter {
	return &treeWriter{put: put, lim: lim.withDefaults(), seen: map[string]string{}, sums: map[string]string{}}
}

// rootWriter returns a put that writes into root, which nothing can leave
// (os.Root refuses "..", absolute paths and links out of it).
func rootWriter(root *os.Root) func(name string, data []byte) error {
	made := map[string]bool{} // folders already made: most files share a few
	return func(name string, data []byte) error {
		if dir := path.Dir(name); dir != "." && !made[dir] {
			if err := root.MkdirAll(dir, 0o700); err != nil {
				return fmt.Errorf("unpack %s: %w", name, err)
			}
			made[dir] = true
		}
		f, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return fmt.Errorf("unpack %s: %w", name, err)
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("unpack %s: %w", name, err)
		}
		return nil
	}
}

// hostile wraps ErrHostile with what was found.
func hostile(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrHostile, fmt.Sprintf(format, args...))
}

// checkName refuses names that could leave the folder, forge terminal
// output or mean two things on a case-insensitive disk.
func checkName(name string) error {
	switch {
	case !utf8.ValidString(name):
		return hostile("a file name is not UTF-8 (%q)", name)
	case strings.IndexFunc(name, unicode.IsControl) >= 0:
		return hostile("file name %q holds control characters", name)
	case strings.HasPrefix(name, "/") || len(name) > 1 && name[1] == ':':
		return hostile("file %q has an absolute path", name)
	case strings.Contains(name, "\\"):
		return hostile("file name %q holds a backslash, which on Windows leaves its folder", name)
	case strings.Contains(name, ":"):
		return hostile("file name %q holds a colon", name)
	case !fs.ValidPath(name) || name == ".":
		return hostile("file %q would be written outside the pack", name)
	case len(name) > maxPathBytes:
		return hostile("the path %q is longer than %d bytes: shorten its folder or file names", short(name), maxPathBytes)
	}
	for _, part := range strings.Split(name, "/") {
		if len(part) > maxNameBytes {
			return hostile("the name %q is longer than %d bytes: shorten it", short(part), maxNameBytes)
		}
	}
	return nil
}

// A name longer than most disks allow (255 bytes) failed only when it was
// written, in the disk's words; a long path is kept well inside what every
// system allows once the data folder is in front of it.
const (
	maxNameBytes = 255
	maxPathBytes = 1024
)

// short cuts a long name for an error message.
func short(name string) string {
	if len(name) <= 60 {
		return name
	}
	cut := 60
	for !utf8.RuneStart(name[cut]) {
		cut--
	}
	return name[:cut] + "…"
}

// checkFolders refuses a file named as a folder that holds other files
// (guides, and guides/a.md), in either order: the disk refused it in its
// own words. folded is name as w.seen keys it.
func (w *treeWriter) checkFolders(name, folded string) error {
	if w.dirs == nil {
		w.dirs = map[string]bool{}
	}
	clash := func(file, folder string) error {
		if file != folder {
			return hostile("%q is both a file and a folder (%q, names that differ only in case are one on Windows and macOS): rename one of them", file, folder)
		}
		return hostile("%q is both a file and a folder: rename one of them", file)
	}
	if w.dirs[folded] {
		return clash(name, name)
	}
	parts, folds := strings.Split(name, "/"), strings.Split(folded, "/")
	for i := 1; i < len(parts) && len(folds) == len(parts); i++ {
		dir, fdir := strings.Join(parts[:i], "/"), strings.Join(folds[:i], "/")
		if prev, ok := w.seen[fdir]; ok {
			return clash(prev, dir)
		}
		w.dirs[fdir] = true
	}
	return nil
}

// checkMode refuses everything but plain files and folders.
func checkMode(name string, mode fs.FileMode) error {
	switch {
	case mode&fs.ModeSymlink != 0:
		return hostile("%q is a symbolic link; packs hold plain files only", name)
	case mode&(fs.ModeDevice|fs.ModeCharDevice) != 0:
		return hostile("%q is a device file; packs hold plain files only", name)
	case !mode.IsRegular() && !mode.IsDir():
		return hostile("%q is not a plain file (%s); packs hold plain files only", name, mode.Type())
	}
	return nil
}

// binaryExt are the only files a pack may hold that are not UTF-8 text:
// pictures a guide may link to.
var binaryExt = map[string]bool{".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true}

// write copies one file from r, counting it against the limits. compressed
// is its size in the archive (0 when not compressed), for the ratio check.
func (w *treeWriter) write(name string, mode fs.FileMode, r io.Reader, compressed int64) error {
	if err := checkName(name); err != nil {
		if w.notes && fs.ValidPath(name) && !strings.HasPrefix(name, "/") {
			// A person's own note with an odd name: left out, named
			// (escaped wherever it is shown), not the whole folder refused.
			w.skipAs(skipName, name)
			return nil
		}
		return err
	}
	if err := checkMode(name, mode); err != nil {
		return err
	}
	if mode.IsDir() {
		return nil
	}
	// Case and Unicode normalisation both fold: "café.md" written composed
	// and decomposed is one file on macOS and one item id everywhere.
	folded := norm.NFC.String(strings.ToLower(norm.NFD.String(name)))
	if prev, dup := w.seen[folded]; dup {
		if !strings.EqualFold(prev, name) {
			return hostile("%q appears twice (as %q and %q: an accent encoded two ways, which look alike but are different Unicode)", name, prev, name)
		}
		return hostile("%q appears twice (as %q and %q)", name, prev, name)
	}
	if err := w.checkFolders(name, folded); err != nil {
		return err
	}
	w.seen[folded] = name
	if len(w.seen) > w.lim.MaxFiles {
		return hostile("it holds more than %d files", w.lim.MaxFiles)
	}
	left := w.lim.MaxUnpacked - w.total
	limit := left
	if w.notes && limit > kb.MaxFileBytes {
		limit = kb.MaxFileBytes // the loader would skip a larger note anyway
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	n := int64(len(data))
	if w.notes && n > kb.MaxFileBytes {
		w.skipAs(skipLarge, name)
		delete(w.seen, folded)
		return nil
	}
	if n > left {
		return hostile("it unpacks to more than %s", size(w.lim.MaxUnpacked))
	}
	if compressed > 0 && n > ratioFloor && n > compressed*w.lim.MaxRatio {
		return hostile("%q expands more than %d times (a zip bomb?)", name, w.lim.MaxRatio)
	}
	w.total += n
	if w.notes && !utf8.Valid(data) {
		w.skipAs(skipNotUTF8, name)
		delete(w.seen, folded)
		w.total -= n
		return nil
	}
	if !binaryExt[strings.ToLower(path.Ext(name))] && !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		return hostile("%s:%d is not UTF-8 text; save it as UTF-8", name, line)
	}
	if err := w.put(name, data); err != nil {
		return err
	}
	sum := sha256.Sum256(data)
	w.sums[name] = hex.EncodeToString(sum[:])
	return nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// skipped reports whether a file of a pack folder is left out of builds and
// installs: Git's folder, editor folders and drafts, as the loader ignores
// names starting with "." or "_". The pack's own .poise folder is kept.
func skipped(name string) bool {
	if name == stateDirName || strings.HasPrefix(name, stateDirName+"/") {
		return false
	}
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") || strings.HasPrefix(part, "_") {
			return true
		}
	}
	return false
}
