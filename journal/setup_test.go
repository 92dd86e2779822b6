package journal

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// Every way to set a passphrase applies the minimum, so no front end can
// skip it (issue 9, item 1).
func TestEveryNewPassphraseIsChecked(t *testing.T) {
	short := []string{"", "abc", "   ", "xy", "        "}
	for _, p := range short {
		t.Run("init "+p, func(t *testing.T) {
			j := Open(t.TempDir())
			if _, err := j.Init(p); !errors.Is(err, ErrPassphraseTooShort) {
				t.Errorf("Init(%q): err = %v, want ErrPassphraseTooShort", p, err)
			}
			if j.IsSetUp() {
				t.Errorf("Init(%q) left a journal set up", p)
			}
		})
	}
	j, rk := newTestJournal(t)
	if _, err := j.Save(fullEntry()); err != nil {
		t.Fatal(err)
	}
	j.Lock()
	before := snapshot(t, j.Dir())
	for _, p := range short {
		if err := j.ChangePassphrase(testPass, p); !errors.Is(err, ErrPassphraseTooShort) {
			t.Errorf("ChangePassphrase(%q): err = %v, want ErrPassphraseTooShort", p, err)
		}
		if err := j.Recover(rk, p); !errors.Is(err, ErrPassphraseTooShort) {
			t.Errorf("Recover(%q): err = %v, want ErrPassphraseTooShort", p, err)
		}
	}
	if !reflect.DeepEqual(before, snapshot(t, j.Dir())) {
		t.Error("a refused passphrase changed files on disk")
	}
	if err := j.Unlock(testPass); err != nil {
		t.Errorf("the old passphrase no longer opens the journal: %v", err)
	}
}

// A journal that lost identity.age is still set up: init must not replace
// its recovery copy, and recover works from that copy alone (item 2).
func TestLostIdentityIsRecoveredNotReinitialised(t *testing.T) {
	j, rk := newTestJournal(t)
	e, err := j.Save(fullEntry())
	if err != nil {
		t.Fatal(err)
	}
	j.Lock()
	if err := os.Remove(filepath.Join(j.Dir(), identityFile)); err != nil {
		t.Fatal(err)
	}
	j = Open(j.Dir())
	if !j.IsSetUp() {
		t.Fatal("a journal with a recovery copy and entries reports not set up")
	}
	if err := j.Unlock(testPass); !errors.Is(err, ErrIdentityMissing) {
		t.Errorf("Unlock: err = %v, want ErrIdentityMissing", err)
	}
	escrow, _ := os.ReadFile(filepath.Join(j.Dir(), escrowFile))
	if _, err := j.Init("another long passphrase"); !errors.Is(err, ErrAlreadySetUp) {
		t.Fatalf("Init over a recovery copy: err = %v, want ErrAlreadySetUp", err)
	}
	if now, _ := os.ReadFile(filepath.Join(j.Dir(), escrowFile)); string(now) != string(escrow) {
		t.Fatal("Init overwrote the recovery copy")
	}
	if err := j.Recover(rk, "a fresh passphrase"); err != nil {
		t.Fatalf("Recover from the recovery copy alone: %v", err)
	}
	if _, err := j.Entry(e.ID); err != nil {
		t.Error(err)
	}
	j.Lock()
	if err := j.Unlock("a fresh passphrase"); err != nil {
		t.Errorf("unlock after recovery: %v", err)
	}
}

// Init never writes over a key file or into a folder that already holds
// entries, whatever else is missing.
func TestInitNeverOverwrites(t *testing.T) {
	tests := []struct {
		name   string
		remove []string
	}{
		{"only identity.age left", []string{escrowFile}},
		{"only entries left", []string{identityFile, escrowFile}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j, _ := newTestJournal(t)
			if _, err := j.Save(fullEntry()); err != nil {
				t.Fatal(err)
			}
			j.Lock()
			for _, f := range tt.remove {
				if err := os.Remove(filepath.Join(j.Dir(), f)); err != nil {
					t.Fatal(err)
				}
			}
			before := snapshot(t, j.Dir())
			j = Open(j.Dir())
			if !j.IsSetUp() {
				t.Error("IsSetUp = false")
			}
			if _, err := j.Init("another long passphrase"); !errors.Is(err, ErrAlreadySetUp) {
				t.Errorf("Init: err = %v, want ErrAlreadySetUp", err)
			}
			if !reflect.DeepEqual(before, snapshot(t, j.Dir())) {
				t.Error("Init changed files on disk")
			}
		})
	}
	t.Run("an empty folder can be set up", func(t *testing.T) {
		dir := t.TempDir()
		for _, d := range []string{entriesDir, draftsDir} {
			if err := os.MkdirAll(filepath.Join(dir, d), 0o700); err != nil {
				t.Fatal(err)
			}
		}
		j := Open(dir)
		if j.IsSetUp() {
			t.Error("empty folders count as set up")
		}
		if _, err := j.Init(testPass); err != nil {
			t.Error(err)
		}
	})
}

// A journal that lost both key files comes back from a backup, which
// brings its keys; the entries left in the folder open again.
func TestRestoreBringsBackLostKeyFiles(t *testing.T) {
	j, _ := newTestJournal(t)
	e, err := j.Save(fullEntry())
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := j.Backup(&buf); err != nil {
		t.Fatal(err)
	}
	j.Lock()
	for _, f := range []string{identityFile, escrowFile} {
		if err := os.Remove(filepath.Join(j.Dir(), f)); err != nil {
			t.Fatal(err)
		}
	}
	j = Open(j.Dir())
	if err := j.Unlock(testPass); !errors.Is(err, ErrKeysMissing) {
		t.Errorf("Unlock: err = %v, want ErrKeysMissing", err)
	}
	if _, err := j.Restore(&buf, testPass); err != nil {
		t.Fatal(err)
	}
	if got, err := j.Entry(e.ID); err != nil || got.WhatHappened != e.WhatHappened {
		t.Errorf("entry after restore: %v", err)
	}
	if err := j.CheckKeys(); err != nil {
		t.Errorf("CheckKeys after restore: %v", err)
	}
}
