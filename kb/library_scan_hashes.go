package kb

import (
	"crypto/sha256"
	"path"
	"slices"
	"strings"
	"sync"
)

// FileHashes collects the content hashes of the installed packs' files
// as a load reads them (Kept.Hashes), for a state of ScanLibraryUnread to
// be completed with (LibraryState.Hashed) without reading every file a
// second time. It is safe for concurrent use: the loader's workers each
// hash the files they read.
type FileHashes struct {
	mu sync.Mutex
	m  map[string]map[string]string // pack folder → path in it → hash
}

// NewFileHashes returns an empty collection.
func NewFileHashes() *FileHashes { return &FileHashes{m: map[string]map[string]string{}} }

// recorder is what the loader of the pack folder dir calls with each
// file it has read, whole (LoadOptions.fileRead); nil for a nil h.
func (h *FileHashes) recorder(dir string) func(path string, src []byte) {
	if h == nil {
		return nil
	}
	return func(path string, src []byte) {
		sum := sha256.New()
		sum.Write(src)
		hash := contentHash(sum)
		h.mu.Lock()
		defer h.mu.Unlock()
		files := h.m[dir]
		if files == nil {
			files = map[string]string{}
			h.m[dir] = files
		}
		files[path] = hash
	}
}

// Unread reports whether s came from ScanLibraryUnread and is not yet
// Hashed: its installed packs' files have no hashes.
func (s *LibraryState) Unread() bool { return s != nil && s.unread }

// Hashed is the state s of ScanLibraryUnread with every installed pack's
// file hashed: from h, what a load read (nil: none), and otherwise read
// from packsDir now (files the load skipped: too large, unreadable, the
// manifest). A file's size and time stay those scanned, so a file
// changed after the scan was loaded as it is now, with the hash of that,
// and the next scan sees a time that differs, reads it, and finds the
// hash recorded: nothing is reindexed for nothing, and nothing changed is
// missed. Any other state is returned as it is.
func (s *LibraryState) Hashed(packsDir string, h *FileHashes) *LibraryState {
	if !s.Unread() {
		return s
	}
	st := &LibraryState{Version: s.Version, Builtin: s.Builtin, Packs: make([]PackState, len(s.Packs))}
	for i, ps := range s.Packs {
		var read map[string]string
		if h != nil {
			h.mu.Lock()
			read = h.m[ps.Dir]
			h.mu.Unlock()
		}
		files := slices.Clone(ps.Files)
		var root *folder // the pack's folder, once a file needs reading
		for j := range files {
			f := &files[j]
			if hash, ok := read[f.Path]; ok {
				f.Hash = hash
				continue
			}
			if root == nil {
				dir, err := PackFolder(packsDir, ps.Dir)
				if err != nil {
					break // gone: its files stay unhashed, as changed
				}
				r, err := openFolder(dir)
				if err != nil {
					break
				}
				defer r.close()
				root = &r
			}
			f.Hash = hashInFolder(*root, f.Path) // "" when unreadable: changed
		}
		st.Packs[i] = PackState{Dir: ps.Dir, Files: files}
	}
	return st
}

// hashInFolder is the hash of the file at the slash-separated path p in
// root, read as the scan reads files (folder.read): by name relative to
// each folder, following no link, never waiting on a pipe that took a
// file's place since the scan; "" when it cannot be read.
func hashInFolder(root folder, p string) string {
	dir, name := path.Split(p)
	f := root
	for _, sub := range strings.Split(strings.TrimSuffix(dir, "/"), "/") {
		if sub == "" {
			continue
		}
		next, err := f.sub(sub)
		if f != root {
			f.close()
		}
		if err != nil {
			return ""
		}
		f = next
	}
	_, _, hash := f.read(name)
	if f != root {
		f.close()
	}
	return hash
}
