//go:build unix

package journal

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A FIFO, /dev/zero or a 1 GB file in place of any of the draft-only key's
// files neither hangs nor exhausts an unlock, nor KeepDraft: each is
// refused as not a regular file or too large (readBounded), reported, and
// the key's own files are put back. There is no timeout here: without the
// checks the FIFO blocks the open for good, and the test binary's own
// deadline fails it.
func TestDraftKeyFilesHostile(t *testing.T) {
	plants := []struct {
		name  string
		plant func(path string) error
	}{
		{"a FIFO", func(path string) error { return syscall.Mkfifo(path, 0o600) }},
		{"a link to /dev/zero", func(path string) error { return os.Symlink("/dev/zero", path) }},
		{"a 1 GB file", func(path string) error {
			f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY, 0o600)
			if err != nil {
				return err
			}
			defer f.Close()
			return f.Truncate(1 << 30) // sparse: no disk used
		}},
	}
	for _, target := range []string{lockedKeyFile, lockedRecipientFile, filepath.Join(lockedDraftsDir, "planted.age")} {
		for _, pl := range plants {
			t.Run(target+" is "+pl.name, func(t *testing.T) {
				j, _ := newTestJournal(t)
				j.Lock()
				path := filepath.Join(j.Dir(), target)
				os.MkdirAll(filepath.Dir(path), 0o700)
				os.Remove(path)
				if err := pl.plant(path); err != nil {
					t.Fatal(err)
				}
				if target == lockedRecipientFile {
					_, err := Open(j.Dir()).KeepDraft(Draft{Entry: Entry{WhatHappened: "typed"}})
					if err == nil || errors.Is(err, ErrTooManyLockedDrafts) {
						t.Errorf("KeepDraft with %s as the recipient: %v, want it refused", pl.name, err)
					}
				}
				fresh := Open(j.Dir())
				if err := fresh.Unlock(testPass); err != nil {
					t.Fatal(err)
				}
				reported := false
				for _, p := range fresh.Problems() {
					reported = reported || p.File == filepath.ToSlash(target)
				}
				if !reported {
					t.Errorf("problems %v: want %s reported", fresh.Problems(), target)
				}
				if target != filepath.Join(lockedDraftsDir, "planted.age") {
					fi, err := os.Lstat(path)
					if err != nil || !fi.Mode().IsRegular() || fi.Size() > 4096 {
						t.Errorf("%s after unlock: %v, %v; want the journal's own file back", target, fi, err)
					}
				}
				fresh.Lock()
				if _, err := Open(j.Dir()).KeepDraft(Draft{Entry: Entry{WhatHappened: "typed after"}}); err != nil {
					t.Errorf("KeepDraft after the unlock put things right: %v", err)
				}
			})
		}
	}
}
