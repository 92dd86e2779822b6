package kb

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// loadVersion changes whenever what the loader makes of the same files
// changes (ids, kinds, languages, item fields), so that anything kept on
// disk for a library state is rebuilt.
const loadVersion = "kb-load-3"

// LibraryState is a cheap description of the library's files: for each
// installed pack, the path, size, modification time and content hash of
// every file the loader reads, and a hash of the built-in pack. Comparing
// two states says whether the library changed, and which packs, without
// parsing anything: scanning with the previous state only stats files, and
// reads just those whose size or modification time changed.
type LibraryState struct {
	Version string      `json:"version"`
	Builtin string      `json:"builtin"` // hash of the built-in pack's files
	Packs   []PackState `json:"packs"`

	// unread marks a state of ScanLibraryUnread, whose installed packs'
	// files have no hashes yet.
	unread bool
}

// PackState is one installed pack folder's files, in path order.
type PackState struct {
	Dir   string      `json:"dir"` // the folder's name under the packs folder
	Files []FileState `json:"files"`
}

// FileState is one file of a pack.
type FileState struct {
	Path    string `json:"path"` // inside the pack, slash-separated
	Size    int64  `json:"size"`
	ModTime int64  `json:"mtime"` // Unix nanoseconds
	Hash    string `json:"hash"`  // of the content
}

// ScanLibrary describes the files LoadLibrary would read from builtin and
// packsDir. Files whose size and modification time match prev (nil for a
// first scan) keep prev's hash unread. Packs LoadLibrary would skip
// (hidden, or links it would refuse) are skipped; unreadable files are
// described with an empty hash, so they count as changed.
func ScanLibrary(builtin fs.FS, packsDir string, prev *LibraryState) (*LibraryState, error) {
	return scanLibrary(builtin, packsDir, prev, false)
}

// ScanLibraryUnread is ScanLibrary with nothing to compare against,
// reading none of the installed packs' files: their sizes and times are
// described, their hashes left to the load that reads them anyway
// (Kept.Hashes, then LibraryState.Hashed). A first index build reads
// every file to load it, and reading and hashing each one beforehand as
// well delayed both the window and the loading (140-290 ms for the issue
// 10 vault's 32 MB, on 2 cores at load 5). Such a state is Unread until
// Hashed: it is the state to load with, never one to record.
func ScanLibraryUnread(builtin fs.FS, packsDir string) (*LibraryState, error) {
	return scanLibrary(builtin, packsDir, nil, true)
}

func scanLibrary(builtin fs.FS, packsDir string, prev *LibraryState, unread bool) (*LibraryState, error) {
	st := &LibraryState{Version: loadVersion, unread: unread}
	if builtin != nil {
		h, err := hashFS(builtin)
		if err != nil {
			return nil, fmt.Errorf("scan built-in pack: %w", err)
		}
		st.Builtin = h
	}
	entries, err := os.ReadDir(packsDir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("scan installed packs: %w", err)
	}
	old := map[string][]FileState{}
	if prev != nil && prev.Version == loadVersion {
		for _, p := range prev.Packs {
			old[p.Dir] = p.Files
		}
	}
	for _, e := range entries {
		if ps, ok := scanPack(packsDir, e, old[e.Name()], unread); ok {
			st.Packs = append(st.Packs, ps)
		}
	}
	slices.SortFunc(st.Packs, func(a, b PackState) int { return cmp.Compare(a.Dir, b.Dir) })
	return st, nil
}

// scanPack describes the pack folder e of packsDir, reading only the files
// whose size or time differ from old (the folder's files as a state last
// described them, in path order); false when LoadLibrary would skip it.
func scanPack(packsDir string, e fs.DirEntry, old []FileState, unread bool) (PackState, bool) {
	name := e.Name()
	if name[0] == '.' || name[0] == '_' {
		return PackState{}, false
	}
	dir := filepath.Join(packsDir, name)
	if e.Type()&fs.ModeSymlink != 0 {
		if linkedPack(dir, packsDir) != nil {
			return PackState{}, false
		}
	} else if !e.IsDir() {
		return PackState{}, false
	}
	files, err := scanPackDir(dir, old, unread)
	if err != nil {
		return PackState{}, false // LoadLibrary reports it
	}
	ps := PackState{Dir: name, Files: files}
	return ps, true
}

// RescanPack is s with one pack described afresh, as ScanLibrary would:
// the installed pack folder dir of packsDir (gone from the state when the
// folder is), or, when dir is "", the built-in pack from builtin (nil when
// it is disabled). The other packs are left as s describes them, so the
// state stays that of what was loaded: after reindexing one pack, the
// state the index was built for.
func (s *LibraryState) RescanPack(builtin fs.FS, packsDir, dir string) (*LibraryState, error) {
	if s.unread {
		s = s.Hashed(packsDir, nil)
	}
	st := &LibraryState{Version: loadVersion, Builtin: s.Builtin}
	if s.Version != loadVersion {
		return ScanLibrary(builtin, packsDir, s)
	}
	if dir == "" {
		st.Builtin = ""
		if builtin != nil {
			h, err := hashFS(builtin)
			if err != nil {
				return nil, fmt.Errorf("scan built-in pack: %w", err)
			}
			st.Builtin = h
		}
		st.Packs = slices.Clone(s.Packs)
		return st, nil
	}
	var old []FileState
	for _, p := range s.Packs {
		if p.Dir == dir {
			old = p.Files
			continue
		}
		st.Packs = append(st.Packs, p)
	}
	info, err := os.Lstat(filepath.Join(packsDir, dir))
	if err == nil {
		if ps, ok := scanPack(packsDir, fs.FileInfoToDirEntry(info), old, false); ok {
			st.Packs = append(st.Packs, ps)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("scan pack %s: %w", dir, err)
	}
	slices.SortFunc(st.Packs, func(a, b PackState) int { return cmp.Compare(a.Dir, b.Dir) })
	return st, nil
}

// walkPackFiles calls fn for every file of a pack the loader reads, in
// path order: pack.toml and markdown, skipping names starting "." or "_".
func walkPackFiles(fsys fs.FS, fn func(path string, info fs.FileInfo)) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." {
				return err
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
		if d.IsDir() || !(isMarkdown(name) || p == "pack.toml") {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			fn(p, zeroInfo{})
			return nil
		}
		fn(p, info)
		return nil
	})
}

func hashFile(fsys fs.FS, p string) (string, error) {
	f, err := openRegular(fsys, p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	buf := hashBuffers.Get().(*[]byte)
	defer hashBuffers.Put(buf)
	// Hidden behind a plain Reader, a file cannot copy itself (WriteTo),
	// which allocates a buffer of its own for every file: 5 MB for the
	// built-in pack's 155 files, hashed at every start.
	if _, err := io.CopyBuffer(h, struct{ io.Reader }{f}, *buf); err != nil {
		return "", err
	}
	return contentHash(h), nil
}

// contentHash is how a file's content hash is written in the library's
// state: the first 16 bytes of its SHA-256, in hex. Every reader of
// files hashes through it, as a hash written another way would make the
// state look stale and rebuild the index at every start.
func contentHash(h hash.Hash) string {
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// hashBuffers are the buffers hashFile reads through.
var hashBuffers = sync.Pool{New: func() any { b := make([]byte, 32<<10); return &b }}

// hashFS hashes every file the loader reads from fsys, names and contents.
func hashFS(fsys fs.FS) (string, error) {
	h := sha256.New()
	var ferr error
	err := walkPackFiles(fsys, func(p string, _ fs.FileInfo) {
		fh, err := hashFile(fsys, p)
		if err != nil {
			ferr = err
		}
		io.WriteString(h, p+"\x00"+fh+"\x00")
	})
	if err := cmp.Or(err, ferr); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)[:16]), nil
}

// Key is a digest of the whole state: libraries with the same key load to
// the same items.
func (s *LibraryState) Key() string {
	// One buffer for what is hashed: every start computes the key, and
	// joining strings for each of a large vault's files allocated twice
	// per file.
	h := sha256.New()
	buf := make([]byte, 0, 512)
	write := func(parts ...string) {
		buf = buf[:0]
		for _, p := range parts {
			buf = append(buf, p...)
			buf = append(buf, 0)
		}
		h.Write(buf)
	}
	write(s.Version, s.Builtin)
	for _, p := range s.Packs {
		write("pack", p.Dir)
		for _, f := range p.Files {
			write(f.Path, f.Hash)
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// ChangedPacks lists the pack folders whose files differ between old and
// s: added, removed or with any file added, removed or changed. builtin is
// true when the built-in pack (or the loader) changed.
func (s *LibraryState) ChangedPacks(old *LibraryState) (dirs []string, builtin bool) {
	if old == nil || old.Version != s.Version {
		builtin = true
		old = &LibraryState{}
	}
	builtin = builtin || old.Builtin != s.Builtin
	digest := func(p PackState) string {
		var b strings.Builder
		for _, f := range p.Files {
			b.WriteString(f.Path + "\x00" + f.Hash + "\x00" + strconv.FormatInt(f.Size, 10) + "\x00")
		}
		return b.String()
	}
	before := map[string]string{}
	for _, p := range old.Packs {
		before[p.Dir] = digest(p)
	}
	for _, p := range s.Packs {
		if d, ok := before[p.Dir]; !ok || d != digest(p) {
			dirs = append(dirs, p.Dir)
		}
		delete(before, p.Dir)
	}
	for dir := range before {
		dirs = append(dirs, dir)
	}
	slices.Sort(dirs)
	return dirs, builtin
}

// zeroInfo stands for a file whose details could not be read.
type zeroInfo struct{ fs.FileInfo }

func (zeroInfo) Size() int64        { return -1 }
func (zeroInfo) ModTime() time.Time { return time.Time{} }

// RescanFiles is s with only the given files of the installed pack folder
// dir described afresh (slash-separated paths inside it; a file gone, or
// one the loader does not read, leaves the state): what reindexing a few
// edited files needs, without walking a large pack.
func (s *LibraryState) RescanFiles(packsDir, dir string, paths []string) (*LibraryState, error) {
	if s.unread {
		s = s.Hashed(packsDir, nil)
	}
	st := &LibraryState{Version: s.Version, Builtin: s.Builtin, Packs: slices.Clone(s.Packs)}
	i := slices.IndexFunc(st.Packs, func(p PackState) bool { return p.Dir == dir })
	if i < 0 || s.Version != loadVersion {
		return s.RescanPack(nil, packsDir, dir)
	}
	root, err := PackFolder(packsDir, dir)
	if err != nil {
		return s.RescanPack(nil, packsDir, dir)
	}
	fsys := os.DirFS(root)
	files := slices.Clone(st.Packs[i].Files)
	for _, p := range paths {
		at, found := slices.BinarySearchFunc(files, p, func(f FileState, p string) int { return walkOrder(f.Path, p) })
		info, err := fs.Stat(fsys, p)
		if err != nil || !info.Mode().IsRegular() || !fs.ValidPath(p) || !(isMarkdown(p) || p == "pack.toml") || skippedPath(p) {
			if found {
				files = slices.Delete(files, at, at+1)
			}
			continue
		}
		f := FileState{Path: p, Size: info.Size(), ModTime: info.ModTime().UnixNano()}
		f.Hash, _ = hashFile(fsys, p)
		if found {
			files[at] = f
		} else {
			files = slices.Insert(files, at, f)
		}
	}
	st.Packs[i].Files = files
	return st, nil
}

// walkOrder compares paths in the order fs.WalkDir visits them (the order
// of a pack's files in a state): name by name, each folder's entries
// sorted.
func walkOrder(a, b string) int {
	for {
		ha, ta, moreA := strings.Cut(a, "/")
		hb, tb, moreB := strings.Cut(b, "/")
		if c := cmp.Compare(ha, hb); c != 0 || !moreA || !moreB {
			if c == 0 {
				return cmp.Compare(len(a), len(b))
			}
			return c
		}
		a, b = ta, tb
	}
}
