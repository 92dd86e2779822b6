package kb

import (
	"runtime"
	"slices"
	"strings"
	"sync"
)

// scanPackDir describes the files of the pack folder dir that the loader
// reads (those walkPackFiles finds), in path order, with its top-level
// folders walked on every core at once: "poise search" checks every
// file's size and time before it answers, and on a 6,300-file vault the
// walk was nearly half of its time. A file whose size and time match its
// entry in old (the folder's files as a state last described them, in
// path order) keeps that entry, unread and with no new strings made for
// it; any other is described afresh, its content hashed, unless unread
// (ScanLibraryUnread): then every file is only statted.
//
// Folders are read and their files statted by name relative to the open
// folder (see folder), not by whole paths the system would resolve again,
// folder by folder, for every file.
func scanPackDir(dir string, old []FileState, unread bool) ([]FileState, error) {
	root, err := openFolder(dir)
	if err != nil {
		return nil, err
	}
	defer root.close()
	var buf []byte
	top, err := root.entries(&buf)
	if err != nil {
		return nil, err
	}
	// The previous files under each top-level entry, a run of old each.
	// A run out of order (not of a state this made) is not used: its
	// files are read again.
	oldUnder := map[string][]FileState{}
	for i := 0; i < len(old); {
		name := topName(old[i].Path)
		j := i + 1
		for j < len(old) && topName(old[j].Path) == name {
			j++
		}
		if _, seen := oldUnder[name]; !seen {
			oldUnder[name] = old[i:j]
		}
		i = j
	}
	// One job per top-level entry, in name order; each collects its files
	// in path order, so the jobs' files one after another are in order.
	jobs := make([][]FileState, len(top))
	var wg sync.WaitGroup
	next := make(chan int)
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			var buf []byte // each walker reads folders into its own
			for i := range next {
				e := top[i]
				s := folderScan{old: oldUnder[e.name], buf: &buf, unread: unread}
				// Most often the files are those of before.
				s.out = make([]FileState, 0, len(s.old))
				if e.dir {
					s.folder(root, e.name, e.name)
				} else if packFileWanted(e.name, e.name) {
					s.file(root, "", e)
				}
				jobs[i] = s.out
			}
		})
	}
	for i, e := range top {
		if skippedName(e.name) {
			continue
		}
		next <- i
	}
	close(next)
	wg.Wait()
	n := 0
	for _, files := range jobs {
		n += len(files)
	}
	files := make([]FileState, 0, n)
	for _, f := range jobs {
		files = append(files, f...)
	}
	return files, nil
}

// folderScan is one walker's scan of a top-level entry of a pack.
type folderScan struct {
	old    []FileState // the previous files not yet passed, in path order
	buf    *[]byte     // for reading folders
	unread bool        // stat files without reading them (ScanLibraryUnread)
	out    []FileState
}

// folder scans the folder name of parent, whose path in the pack is rel,
// as fs.WalkDir would walk it: entries in name order, folders that cannot
// be read skipped.
func (s *folderScan) folder(parent folder, name, rel string) {
	f, err := parent.sub(name)
	if err != nil {
		return
	}
	defer f.close()
	entries, err := f.entries(s.buf)
	if err != nil {
		return
	}
	for _, e := range entries {
		if skippedName(e.name) {
			continue
		}
		if e.dir {
			s.folder(f, e.name, rel+"/"+e.name)
		} else if isMarkdown(e.name) { // pack.toml counts at the top only
			s.file(f, rel, e)
		}
	}
}

// file describes the file e of the folder f, whose path in the pack is
// rel ("" at the top): statted, and read only when the state before did
// not have it with that size and time.
func (s *folderScan) file(f folder, rel string, e folderEntry) {
	name := e.name
	var p string
	if len(s.old) > 0 && isPathOf(s.old[0].Path, rel, name) {
		p = s.old[0].Path // the usual case: the file the state had next
	} else {
		p = name
		if rel != "" {
			p = rel + "/" + name
		}
		for len(s.old) > 0 && walkOrder(s.old[0].Path, p) < 0 {
			s.old = s.old[1:] // gone since
		}
	}
	if len(s.old) > 0 && s.old[0].Path == p {
		o := s.old[0]
		s.old = s.old[1:]
		if size, mtime := f.stat(name); o.Size == size && o.ModTime == mtime && size >= 0 {
			s.out = append(s.out, o)
			return
		}
	}
	var size, mtime int64
	var hash string
	if e.regular && !s.unread {
		size, mtime, hash = f.read(name)
	} else {
		// Not opened: a pipe or a device named like a note could block,
		// or do something, when opened; it is described, unread.
		size, mtime = f.stat(name)
	}
	s.out = append(s.out, FileState{Path: p, Size: size, ModTime: mtime, Hash: hash})
}

// isPathOf reports whether p is the path of the file name in the folder
// rel of a pack, without joining them.
func isPathOf(p, rel, name string) bool {
	if rel == "" {
		return p == name
	}
	return len(p) == len(rel)+1+len(name) && p[len(rel)] == '/' && p[:len(rel)] == rel && p[len(rel)+1:] == name
}

// topName is the first name of the slash-separated path p.
func topName(p string) string {
	name, _, _ := strings.Cut(p, "/")
	return name
}

// folderEntry is one entry of a folder: its name, and whether it is a
// folder itself or a regular file (not a link to one).
type folderEntry struct {
	name         string
	dir, regular bool
}

// sortEntries puts a folder's entries in name order, as fs.ReadDir does.
func sortEntries(entries []folderEntry) {
	slices.SortFunc(entries, func(a, b folderEntry) int { return strings.Compare(a.name, b.name) })
}

// skippedName is a file or folder the loader leaves out.
func skippedName(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}

// packFileWanted is a file the loader reads: markdown, and the manifest at
// the top.
func packFileWanted(p, name string) bool { return isMarkdown(name) || p == "pack.toml" }
