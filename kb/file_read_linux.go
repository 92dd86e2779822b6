package kb

import (
	"fmt"
	"io/fs"
	"os"
	"reflect"

	"golang.org/x/sys/unix"
)

// dirFSType is the type of os.DirFS's file systems, which every folder
// pack is loaded from.
var dirFSType = reflect.TypeOf(os.DirFS("."))

// readFolderFile is readLimitedInto for a file of a folder opened with
// os.DirFS, in four system calls (stat, open, read, close) rather
// than the eleven of fs.Stat, os.Open (the poller's four fcntl and a
// failing epoll_ctl), File.Stat, reading and closing: loading a vault of
// 6,300 notes made 70,000 of them, a seventh of the CPU loading took on
// a machine where each costs a few microseconds. ok is false, and
// nothing is read, when fsys is not such a folder or name is one the
// os package should judge.
func readFolderFile(fsys fs.FS, name string, limit int, buf []byte) (_ []byte, ok bool, _ error) {
	return readFolderFileStat(fsys, name, limit, buf, false)
}

// readWalkedFile is readFolderFile for a file that listing its folder
// found to be a regular file: it is opened without a stat first (open
// and a stat of what was opened, which leads through no path), as a
// stat of its path was a third of the time reading a vault's notes took
// (each walks the note's folders again). Should it be something else
// by now, it is opened as readFolderFile would not (a pipe or a device
// opens without blocking, and is refused once opened); a symbolic link
// is still never followed.
func readWalkedFile(fsys fs.FS, name string, limit int, buf []byte) (_ []byte, ok bool, _ error) {
	return readFolderFileStat(fsys, name, limit, buf, true)
}

func readFolderFileStat(fsys fs.FS, name string, limit int, buf []byte, walked bool) (_ []byte, ok bool, _ error) {
	v := reflect.ValueOf(fsys)
	if !v.IsValid() || v.Type() != dirFSType {
		return nil, false, nil
	}
	dir := v.String()
	if dir == "" || !fs.ValidPath(name) || name == "." {
		return nil, false, nil
	}
	full := dir + "/" + name
	if dir[len(dir)-1] == '/' {
		full = dir + name
	}
	// Lstat, and O_NOFOLLOW below: a note that is a symbolic link (or
	// became one since the pack was walked) could lead out of the pack.
	var st unix.Stat_t
	if !walked {
		if err := ignoringEINTR(func() error { return unix.Lstat(full, &st) }); err != nil {
			return nil, true, &fs.PathError{Op: "lstat", Path: name, Err: err}
		}
		if err := statRegular(name, &st, limit); err != nil {
			return nil, true, err
		}
	}
	// Not blocking: should the file become a pipe after the stat, reading
	// it says so at once instead of waiting for a writer.
	var fd int
	err := ignoringEINTR(func() (err error) {
		fd, err = unix.Open(full, unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NONBLOCK|unix.O_NOFOLLOW, 0)
		return err
	})
	if err != nil {
		return nil, true, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer unix.Close(fd)
	if walked {
		if err := ignoringEINTR(func() error { return unix.Fstat(fd, &st) }); err != nil {
			return nil, true, &fs.PathError{Op: "fstat", Path: name, Err: err}
		}
		if err := statRegular(name, &st, limit); err != nil {
			return nil, true, err
		}
	}
	size := 512
	if st.Size > 0 {
		size = int(st.Size) + 1
	}
	if cap(buf) < size {
		buf = make([]byte, 0, size)
	}
	buf = buf[:0]
	for len(buf) <= limit {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		var n int
		err := ignoringEINTR(func() (err error) {
			n, err = unix.Read(fd, buf[len(buf):cap(buf)])
			return err
		})
		if err != nil {
			return nil, true, &fs.PathError{Op: "read", Path: full, Err: err}
		}
		if n == 0 {
			return buf, true, nil
		}
		buf = buf[:len(buf)+n]
		if int64(len(buf)) == st.Size {
			// The file as large as its stat said: read whole, with no
			// call more to be told so (one of six per note).
			return buf, true, nil
		}
	}
	return nil, true, fmt.Errorf("%s: %w", name, errTooLarge)
}

// statRegular is the error for a file of stat st that is not a regular
// file, or larger than limit; nil when it is neither.
func statRegular(name string, st *unix.Stat_t, limit int) error {
	if st.Mode&unix.S_IFMT != unix.S_IFREG {
		return fmt.Errorf("%s: %w", name, errNotRegular)
	}
	if st.Size > int64(limit) {
		return fmt.Errorf("%s: %w", name, errTooLarge)
	}
	return nil
}

func ignoringEINTR(f func() error) error {
	for {
		if err := f(); err != unix.EINTR {
			return err
		}
	}
}
