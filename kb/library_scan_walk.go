package kb

import (
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// walkPackDir is walkPackFiles over the pack folder dir on disk, with its
// top-level folders walked on every core at once: "poise search" checks
// every file's size and time before it answers, and on a 6,300-file vault
// the walk was nearly half of its time. fn is called as walkPackFiles
// calls it: for the same files, with the size and time (Unix nanoseconds)
// its information gives (-1 and 0 when it cannot be read), in path order.
//
// Folders are read and their files statted by name relative to the open
// folder (see folder), not by whole paths the system would resolve again,
// folder by folder, for every file.
func walkPackDir(dir string, fn func(path string, size, mtime int64)) error {
	root, err := openFolder(dir)
	if err != nil {
		return err
	}
	defer root.close()
	var buf []byte
	top, err := root.entries(&buf)
	if err != nil {
		return err
	}
	// One job per top-level entry, in name order; each collects its files
	// in path order, so the jobs' files one after another are in order.
	jobs := make([][]walkedFile, len(top))
	var wg sync.WaitGroup
	next := make(chan int)
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			var buf []byte // each walker reads folders into its own
			for i := range next {
				e := top[i]
				if e.dir {
					jobs[i] = walkPackSubdir(root, e.name, e.name, &buf, nil)
				} else if packFileWanted(e.name, e.name) {
					size, mtime := root.stat(e.name)
					jobs[i] = []walkedFile{{e.name, size, mtime}}
				}
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
	for _, files := range jobs {
		for _, f := range files {
			fn(f.path, f.size, f.mtime)
		}
	}
	return nil
}

// walkedFile is one file walkPackDir found.
type walkedFile struct {
	path        string
	size, mtime int64
}

// folderEntry is one entry of a folder: its name, and whether it is a
// folder itself (not a link to one).
type folderEntry struct {
	name string
	dir  bool
}

// walkPackSubdir appends to out the files of the folder name of parent,
// whose path in the pack is rel, as fs.WalkDir would find them: entries
// in name order, folders that cannot be read skipped. buf is the
// walker's buffer for reading folders.
func walkPackSubdir(parent folder, name, rel string, buf *[]byte, out []walkedFile) []walkedFile {
	f, err := parent.sub(name)
	if err != nil {
		return out
	}
	defer f.close()
	entries, err := f.entries(buf)
	if err != nil {
		return out
	}
	for _, e := range entries {
		if skippedName(e.name) {
			continue
		}
		p := path.Join(rel, e.name)
		if e.dir {
			out = walkPackSubdir(f, e.name, p, buf, out)
		} else if packFileWanted(p, e.name) {
			size, mtime := f.stat(e.name)
			out = append(out, walkedFile{p, size, mtime})
		}
	}
	return out
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
