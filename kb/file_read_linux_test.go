package kb

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A folder's files are read with a few system calls of their own
// (readFolderFile): whatever the file, they read what the fs package
// reads, and fail alike.
func TestReadFolderFileReadsAsTheFSDoes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	const limit = 64
	write("a.md", "# Alpha\n\nFirst.\n")
	write("empty.md", "")
	write("sub/deep.md", "deep")
	write("at-limit.md", strings.Repeat("x", limit))
	write("over-limit.md", strings.Repeat("x", limit+1))
	if err := os.Mkdir(filepath.Join(dir, "folder.md"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("a.md", filepath.Join(dir, "link.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("nowhere.md", filepath.Join(dir, "dangling.md")); err != nil {
		t.Fatal(err)
	}
	names := []string{"a.md", "empty.md", "sub/deep.md", "at-limit.md", "over-limit.md", "folder.md", "link.md", "dangling.md", "missing.md"}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o600); err == nil {
		names = append(names, "pipe.md")
	}
	for _, root := range []string{dir, dir + "/"} {
		fsys := os.DirFS(root)
		for _, name := range names {
			for _, buf := range [][]byte{nil, make([]byte, 0, 3), make([]byte, 0, 4*limit)} {
				got, ok, gotErr := readFolderFile(fsys, name, limit, buf)
				if !ok {
					t.Fatalf("%s: a folder's file was not read by readFolderFile", name)
				}
				want, wantErr := readFSInto(fsys, name, limit, buf)
				if string(got) != string(want) || fmt.Sprint(gotErr) != fmt.Sprint(wantErr) ||
					errors.Is(gotErr, errTooLarge) != errors.Is(wantErr, errTooLarge) || errors.Is(gotErr, errNotRegular) != errors.Is(wantErr, errNotRegular) {
					t.Errorf("%s (root %q, room %d): read %q, %v; the fs package reads %q, %v", name, root, cap(buf), got, gotErr, want, wantErr)
				}
				// Without a stat first (a file the walk found regular,
				// which may have changed since): the same bytes, and an
				// error where there is one, the link and the pipe
				// refused rather than read.
				got, ok, gotErr = readWalkedFile(fsys, name, limit, buf)
				if !ok || string(got) != string(want) || (gotErr == nil) != (wantErr == nil) || errors.Is(gotErr, errTooLarge) != errors.Is(wantErr, errTooLarge) {
					t.Errorf("%s (root %q, room %d): read %q, %v without a stat; the fs package reads %q, %v", name, root, cap(buf), got, gotErr, want, wantErr)
				}
			}
		}
	}
	// Anything but a folder opened with os.DirFS, and names the os
	// package judges, are left to the fs package.
	for _, name := range []string{"../a.md", "/a.md", ".", "a.md/"} {
		if _, ok, _ := readFolderFile(os.DirFS(dir), name, limit, nil); ok {
			t.Errorf("%q was read by readFolderFile", name)
		}
	}
	if _, ok, _ := readFolderFile(os.DirFS(""), "a.md", limit, nil); ok {
		t.Error("a file of os.DirFS(\"\") was read by readFolderFile")
	}
	if _, ok, _ := readFolderFile(nil, "a.md", limit, nil); ok {
		t.Error("a file of no folder was read by readFolderFile")
	}
}

// A note that is a symbolic link is never read through: it could lead out
// of the pack (a file planted as a link after the pack was walked).
func TestReadFolderFileDoesNotFollowALink(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.md")
	if err := os.WriteFile(outside, []byte("outsidesecretword"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dir, "leak.md")); err != nil {
		t.Fatal(err)
	}
	got, ok, err := readFolderFile(os.DirFS(dir), "leak.md", 1<<20, nil)
	if !ok || !errors.Is(err, errNotRegular) || len(got) != 0 {
		t.Errorf("read %q, ok %v, err %v; want nothing read and errNotRegular", got, ok, err)
	}
}
