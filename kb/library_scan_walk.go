package kb

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// walkPackDir is walkPackFiles over the pack folder dir on disk, with its
// top-level folders walked on every core at once: "poise search" checks
// every file's size and time before it answers, and on a 6,300-file vault
// the walk was nearly half of its time. fn is called as walkPackFiles
// calls it: for the same files, with the same information, in path order.
func walkPackDir(dir string, fn func(path string, info fs.FileInfo)) error {
	top, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	type found struct {
		path string
		info fs.FileInfo
	}
	// One job per top-level entry, in name order; each collects its files
	// in path order, so the jobs' files one after another are in order.
	jobs := make([][]found, len(top))
	var wg sync.WaitGroup
	next := make(chan int)
	for range max(1, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := range next {
				e := top[i]
				var out []found
				add := func(p string, info fs.FileInfo) { out = append(out, found{p, info}) }
				if e.IsDir() {
					walkPackSubdir(filepath.Join(dir, e.Name()), e.Name(), add)
				} else if packFileWanted(e.Name(), e.Name()) {
					add(e.Name(), entryInfo(e))
				}
				jobs[i] = out
			}
		})
	}
	for i, e := range top {
		if skippedName(e.Name()) {
			continue
		}
		next <- i
	}
	close(next)
	wg.Wait()
	for _, files := range jobs {
		for _, f := range files {
			fn(f.path, f.info)
		}
	}
	return nil
}

// walkPackSubdir walks the folder dir, whose path in the pack is rel, as
// fs.WalkDir would: entries in name order, folders that cannot be read
// skipped.
func walkPackSubdir(dir, rel string, fn func(path string, info fs.FileInfo)) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if skippedName(name) {
			continue
		}
		p := path.Join(rel, name)
		if e.IsDir() {
			walkPackSubdir(filepath.Join(dir, name), p, fn)
		} else if packFileWanted(p, name) {
			fn(p, entryInfo(e))
		}
	}
}

// skippedName is a file or folder the loader leaves out.
func skippedName(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}

// packFileWanted is a file the loader reads: markdown, and the manifest at
// the top.
func packFileWanted(p, name string) bool { return isMarkdown(name) || p == "pack.toml" }

func entryInfo(e fs.DirEntry) fs.FileInfo {
	info, err := e.Info()
	if err != nil {
		return zeroInfo{}
	}
	return info
}
