//go:build !linux

package kb

import (
	"os"
	"path/filepath"
)

// folder is a folder being walked (scanPackDir), by its path.
type folder struct{ path string }

func openFolder(path string) (folder, error) {
	info, err := os.Stat(path)
	if err != nil {
		return folder{}, err
	}
	if !info.IsDir() {
		return folder{}, &os.PathError{Op: "open", Path: path, Err: os.ErrInvalid}
	}
	return folder{path}, nil
}

func (f folder) sub(name string) (folder, error) { return folder{filepath.Join(f.path, name)}, nil }

func (f folder) close() {}

// entries lists the folder in name order.
func (f folder) entries(*[]byte) ([]folderEntry, error) {
	des, err := os.ReadDir(f.path)
	if err != nil {
		return nil, err
	}
	out := make([]folderEntry, len(des))
	for i, d := range des {
		out[i] = folderEntry{name: d.Name(), dir: d.IsDir(), regular: d.Type().IsRegular()}
	}
	return out, nil
}

// stat is the size and modification time (Unix nanoseconds) of the entry
// name, not following a link (-1 and 0 when they cannot be read).
func (f folder) stat(name string) (size, mtime int64) {
	info, err := os.Lstat(filepath.Join(f.path, name))
	if err != nil {
		return -1, 0
	}
	return info.Size(), info.ModTime().UnixNano()
}

// read is the size and modification time of the regular file name and
// the hash of its content (hashFile's); a file that cannot be read has
// the empty hash.
func (f folder) read(name string) (size, mtime int64, hash string) {
	size, mtime = f.stat(name)
	hash, _ = hashFile(os.DirFS(f.path), name)
	return size, mtime, hash
}
