//go:build unix

package journal

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A FIFO in place of an entry or of the file-key cache does not hang the
// unlock: the entry is reported and skipped, the cache ignored. Both were
// read with os.ReadFile, which waits on a FIFO for a writer forever. In
// place of identity.age, the unlock fails and says why.
func TestUnlockWithFIFOs(t *testing.T) {
	j, _ := newTestJournal(t)
	if _, err := j.Save(Entry{WhatHappened: "a real entry"}); err != nil {
		t.Fatal(err)
	}
	j.Lock()
	fifo := filepath.Join(entriesDir, "planted.age")
	for _, name := range []string{fifo, fileKeysFile} {
		os.Remove(filepath.Join(j.Dir(), name))
		if err := syscall.Mkfifo(filepath.Join(j.Dir(), name), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := j.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	if es, _ := j.Entries(); len(es) != 1 {
		t.Errorf("entries: %+v, want the real one", es)
	}
	if !hasProblem(j.Problems(), fifo, errNotRegular) {
		t.Errorf("problems %v: want the FIFO in entries/", j.Problems())
	}
	j.Lock()

	os.Remove(filepath.Join(j.Dir(), identityFile))
	if err := syscall.Mkfifo(filepath.Join(j.Dir(), identityFile), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := j.Unlock(testPass); err == nil {
		t.Error("unlocked with a FIFO as identity.age")
	}
}
