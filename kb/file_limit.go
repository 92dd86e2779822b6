package kb

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// MaxFileBytes is the largest markdown file a pack may hold (4 MiB); a
// larger one is skipped with a problem saying to split it. Loading costs
// tens of times a file's size while it is parsed, so one 46 MB note (a
// manual exported as a single page) took about 1 GB; no note written for
// people to read mid-call comes near this size.
const MaxFileBytes = 4 << 20

// errTooLarge is readLimitedInto's answer for a file over the limit.
var errTooLarge = errors.New("file too large")

// readLimitedInto reads the file at name, reading no more than limit
// bytes (and one over, to know): a huge file costs nothing to refuse. It
// reads into buf when the file fits in its capacity, a new buffer when not.
func readLimitedInto(fsys fs.FS, name string, limit int, buf []byte) ([]byte, error) {
	if b, ok, err := readFolderFile(fsys, name, limit, buf); ok {
		return b, err
	}
	return readFSInto(fsys, name, limit, buf)
}

// readWalkedInto is readLimitedInto for a file that listing its folder
// found to be a regular file (readWalkedFile).
func readWalkedInto(fsys fs.FS, name string, limit int, buf []byte) ([]byte, error) {
	if b, ok, err := readWalkedFile(fsys, name, limit, buf); ok {
		return b, err
	}
	return readFSInto(fsys, name, limit, buf)
}

// readFSInto is readLimitedInto through fsys's own methods.
func readFSInto(fsys fs.FS, name string, limit int, buf []byte) ([]byte, error) {
	f, err := openRegular(fsys, name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := 512
	if info, err := f.Stat(); err == nil && info.Size() > 0 {
		if info.Size() > int64(limit) {
			return nil, fmt.Errorf("%s: %w", name, errTooLarge)
		}
		size = int(info.Size()) + 1
	}
	if cap(buf) < size {
		buf = make([]byte, 0, size)
	}
	buf, err = readAll(io.LimitReader(f, int64(limit)+1), buf[:0])
	if err != nil {
		return nil, err
	}
	if len(buf) > limit {
		return nil, fmt.Errorf("%s: %w", name, errTooLarge)
	}
	return buf, nil
}

// readAll is io.ReadAll into buf, which already has room for the file.
func readAll(r io.Reader, buf []byte) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// errNotRegular is openRegular's answer for a pipe, device or socket.
var errNotRegular = errors.New("not a regular file")

// openRegular opens the file at name only when it is a regular file:
// opening a pipe named like a note, which has no writer, would wait for
// one forever, in "poise search" and at the app's start. A symbolic link
// is not one (fs.Lstat): it could lead out of the pack.
func openRegular(fsys fs.FS, name string) (fs.File, error) {
	info, err := fs.Lstat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w", name, errNotRegular)
	}
	return fsys.Open(name)
}

// MaxFileTags is the most tags one file keeps; the rest are a problem.
// Every item made of a file carries all its tags, so its tags times its
// headings are indexed: one 60 KB note of 5,000 #tags and 2,000 headings
// took 151 s and 15 GB of memory to index. Tags sort a library; no note
// needs more than a few dozen.
const MaxFileTags = 100
