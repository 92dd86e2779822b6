package journal

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
)

// What is typed in the quick log when a quit comes while the journal is
// locked is kept, sealed to the journal's public keys, and offered back
// after the next unlock: it was lost, as no draft could be written without
// the keys. Nothing of it is on disk in the clear.
func TestKeepDraftWhileLocked(t *testing.T) {
	for _, tt := range []struct {
		name  string
		fresh bool // a process that has not unlocked the journal: the keys come from the file
	}{
		{"after an unlock in this process", false},
		{"in a process that never unlocked it", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			j, rk := newTestJournal(t)
			j.Lock()
			if tt.fresh {
				j = Open(j.Dir())
			}
			if err := j.KeepDraft(Draft{ID: NewDraftID(), Entry: Entry{WhatHappened: "typed while locked"}}); err != nil {
				t.Fatalf("KeepDraft on a locked journal: %v", err)
			}
			assertNoPlaintext(t, j.Dir(), "typed while locked", "what_happened")
			if err := j.Unlock(testPass); err != nil {
				t.Fatal(err)
			}
			ds, err := j.Drafts()
			if err != nil {
				t.Fatal(err)
			}
			if len(ds) != 1 || ds[0].Entry.WhatHappened != "typed while locked" {
				t.Fatalf("drafts after unlock: %+v, want the one kept while locked", ds)
			}
			if ps := j.Problems(); len(ps) != 0 {
				t.Errorf("problems after unlock: %v", ps)
			}
			// Sealed as SaveDraft seals: the recovery key opens it too.
			names, _ := filepath.Glob(filepath.Join(j.Dir(), draftsDir, "*"))
			rid, err := age.ParseX25519Identity(rk)
			if err != nil || len(names) != 1 {
				t.Fatalf("recovery key %v, drafts %v", err, names)
			}
			f, _ := os.Open(names[0])
			defer f.Close()
			if _, err := age.Decrypt(f, rid); err != nil {
				t.Errorf("the recovery key does not open the draft kept while locked: %v", err)
			}
		})
	}
}

// The public keys in the clear cannot be swapped to read what is kept: a
// file changed to another key is used only by a process that has not
// unlocked the journal, and the next unlock reports it, rewrites it, and
// neither opens nor offers back the draft sealed to the other key.
func TestKeepDraftRecipientsSwapped(t *testing.T) {
	j, _ := newTestJournal(t)
	j.Lock()
	path := filepath.Join(j.Dir(), recipientsFile)
	mine, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no %s after set-up: %v", recipientsFile, err)
	}
	theirs1, _ := age.GenerateX25519Identity()
	theirs2, _ := age.GenerateX25519Identity()
	swapped := theirs1.Recipient().String() + "\n" + theirs2.Recipient().String() + "\n"
	if err := os.WriteFile(path, []byte(swapped), 0o600); err != nil {
		t.Fatal(err)
	}

	// This process unlocked it: the swap is not used.
	if err := j.KeepDraft(Draft{Entry: Entry{WhatHappened: "kept after an unlock"}}); err != nil {
		t.Fatal(err)
	}
	// A process that never unlocked it is misled, and the next unlock says so.
	fresh := Open(j.Dir())
	if err := fresh.KeepDraft(Draft{Entry: Entry{WhatHappened: "sealed to the swapped keys"}}); err != nil {
		t.Fatal(err)
	}
	if err := fresh.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	ds, _ := fresh.Drafts()
	if len(ds) != 1 || ds[0].Entry.WhatHappened != "kept after an unlock" {
		t.Errorf("drafts: %+v, want only the one sealed to the journal's keys", ds)
	}
	var changed, foreign bool
	for _, p := range fresh.Problems() {
		changed = changed || (p.File == recipientsFile && errors.Is(p.Err, errRecipientsChanged))
		foreign = foreign || strings.HasPrefix(p.File, draftsDir+"/")
	}
	if !changed || !foreign {
		t.Errorf("problems %v: want the changed %s and the draft sealed to other keys", fresh.Problems(), recipientsFile)
	}
	if got, _ := os.ReadFile(path); string(got) != string(mine) {
		t.Errorf("%s after unlock:\n%s\nwant the journal's keys back:\n%s", recipientsFile, got, mine)
	}
}

// A recipients file that is a link, that others can write, or that is not
// the journal's two keys is refused; so is a journal with none: nothing
// is written then, and KeepDraft says the journal is locked.
func TestKeepDraftRefusesUntrustedRecipients(t *testing.T) {
	other := filepath.Join(t.TempDir(), "keys.txt")
	for _, tt := range []struct {
		name  string
		setUp func(path string, mine []byte) error
	}{
		{"missing", func(path string, _ []byte) error { return os.Remove(path) }},
		{"a link", func(path string, mine []byte) error {
			if err := os.WriteFile(other, mine, 0o600); err != nil {
				return err
			}
			os.Remove(path)
			return os.Symlink(other, path)
		}},
		{"writable by others", func(path string, _ []byte) error { return os.Chmod(path, 0o666) }},
		{"one key only", func(path string, mine []byte) error {
			return os.WriteFile(path, []byte(strings.Join(strings.Split(string(mine), "\n")[:2], "\n")), 0o600)
		}},
		{"garbage", func(path string, _ []byte) error { return os.WriteFile(path, []byte("age1garbage\nage1more\n"), 0o600) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			j, _ := newTestJournal(t)
			j.Lock()
			path := filepath.Join(j.Dir(), recipientsFile)
			mine, _ := os.ReadFile(path)
			if err := tt.setUp(path, mine); err != nil {
				t.Fatal(err)
			}
			fresh := Open(j.Dir())
			err := fresh.KeepDraft(Draft{Entry: Entry{WhatHappened: "typed"}})
			if err == nil {
				t.Fatal("KeepDraft sealed to an untrusted recipients file")
			}
			if names, _ := filepath.Glob(filepath.Join(j.Dir(), draftsDir, "*")); len(names) != 0 {
				t.Errorf("files written: %v", names)
			}
		})
	}
}
