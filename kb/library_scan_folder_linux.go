package kb

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"

	"golang.org/x/sys/unix"
)

// folder is a folder being walked (scanPackDir), open: its subfolders are
// opened, and its files statted, by name relative to it. With the os
// package a vault of 6,300 files in 630 folders took nine system calls
// per folder (the poller's fcntl and epoll_ctl among them) and a whole
// path resolved per file; this takes four per folder and one per file.
type folder struct{ fd int }

func openFolder(path string) (folder, error) {
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err != nil {
		return folder{}, fmt.Errorf("open %s: %w", path, err)
	}
	return folder{fd}, nil
}

// sub opens the subfolder name, not following a link.
func (f folder) sub(name string) (folder, error) {
	fd, err := unix.Openat(f.fd, name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC|unix.O_NOFOLLOW, 0)
	if err != nil {
		return folder{}, err
	}
	return folder{fd}, nil
}

func (f folder) close() { unix.Close(f.fd) }

// entries lists the folder in name order, reading it into *buf.
func (f folder) entries(buf *[]byte) ([]folderEntry, error) {
	if len(*buf) == 0 {
		*buf = make([]byte, 32<<10)
	}
	var out []folderEntry
	for {
		n, err := unix.Getdents(f.fd, *buf)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, err
		}
		if n <= 0 {
			break
		}
		out = f.appendEntries(out, (*buf)[:n])
	}
	sortEntries(out)
	return out, nil
}

// appendEntries appends the entries of b, as getdents64 wrote them (struct
// linux_dirent64: inode, offset, record length, type, name and a NUL).
func (f folder) appendEntries(out []folderEntry, b []byte) []folderEntry {
	const header = 19
	for len(b) >= header {
		reclen := int(binary.NativeEndian.Uint16(b[16:18]))
		if reclen < header || reclen > len(b) {
			break
		}
		ino, typ, name := binary.NativeEndian.Uint64(b[0:8]), b[18], b[header:reclen]
		b = b[reclen:]
		if i := bytes.IndexByte(name, 0); i >= 0 {
			name = name[:i]
		}
		if ino == 0 || len(name) == 0 || string(name) == "." || string(name) == ".." {
			continue
		}
		if name[0] == '.' || name[0] == '_' {
			continue // left out by the loader: not even named
		}
		e := folderEntry{name: string(name)}
		switch typ {
		case unix.DT_DIR:
			e.dir = true
		case unix.DT_REG:
			e.regular = true
		case unix.DT_UNKNOWN: // file systems that do not say
			var st unix.Stat_t
			if unix.Fstatat(f.fd, e.name, &st, unix.AT_SYMLINK_NOFOLLOW) == nil {
				e.dir = st.Mode&unix.S_IFMT == unix.S_IFDIR
				e.regular = st.Mode&unix.S_IFMT == unix.S_IFREG
			}
		}
		out = append(out, e)
	}
	return out
}

// stat is the size and modification time (Unix nanoseconds) of the entry
// name, not following a link (-1 and 0 when they cannot be read).
func (f folder) stat(name string) (size, mtime int64) {
	var st unix.Stat_t
	if err := unix.Fstatat(f.fd, name, &st, unix.AT_SYMLINK_NOFOLLOW); err != nil {
		return -1, 0
	}
	return st.Size, st.Mtim.Nano()
}

// read is the size and modification time of the regular file name and
// the hash of its content (hashFile's), read by name relative to the
// folder, not following a link: four system calls a file (open, fstat,
// read, close), where hashFile through os.DirFS made ten and resolved the
// whole path twice, for every file of a first scan (6,300 on the issue 10
// vault). A file that cannot be read whole has the empty hash, and the
// size and time stat gives.
func (f folder) read(name string) (size, mtime int64, hash string) {
	var fd int
	err := ignoringEINTR(func() (err error) {
		// Not blocking: should the file have become a pipe since the
		// folder was read, it is not waited on.
		fd, err = unix.Openat(f.fd, name, unix.O_RDONLY|unix.O_CLOEXEC|unix.O_NONBLOCK|unix.O_NOFOLLOW, 0)
		return err
	})
	if err != nil {
		size, mtime = f.stat(name)
		return size, mtime, ""
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		size, mtime = f.stat(name)
		return size, mtime, ""
	}
	h := sha256.New()
	buf := hashBuffers.Get().(*[]byte)
	defer hashBuffers.Put(buf)
	for read := int64(0); ; {
		var n int
		err := ignoringEINTR(func() (err error) {
			n, err = unix.Read(fd, *buf)
			return err
		})
		if err != nil {
			return st.Size, st.Mtim.Nano(), ""
		}
		if n == 0 {
			break
		}
		h.Write((*buf)[:n])
		if read += int64(n); read == st.Size && n < len(*buf) {
			break // as large as its stat said: no call more to be told so
		}
	}
	return st.Size, st.Mtim.Nano(), contentHash(h)
}
