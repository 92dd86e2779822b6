package journal

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"filippo.io/age"

	"github.com/poisehq/poise/journal/internal/vault"
)

// What the quick log holds when Poise quits while the journal is locked is
// kept, sealed to the draft-only key, and offered back after the next
// unlock as a draft typed while locked: it was lost, as no draft could be
// written without the journal's keys. Nothing of it is in the clear, and
// it becomes the journal's own draft, or goes, only by the person's hand.
func TestKeepDraftWhileLocked(t *testing.T) {
	for _, tt := range []struct {
		name  string
		fresh bool // a process that never unlocked: no keys in memory, the recipient read from its file
	}{
		{"in a process that never unlocked it", true},
		{"after an unlock in this process", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			j, rk := newTestJournal(t)
			j.Lock()
			if tt.fresh {
				j = Open(j.Dir())
				j.now = func() time.Time { return fixedNow }
			}
			const typed = "Typed in the quick log while locked: she asked for a refund"
			if _, err := j.KeepDraft(Draft{ID: NewDraftID(), Entry: Entry{WhatHappened: typed}}); err != nil {
				t.Fatalf("KeepDraft on a locked journal: %v", err)
			}
			assertNoPlaintext(t, j.Dir(), "refund", "what_happened")
			kept := dirNames(t, j.Dir(), lockedDraftsDir)
			if len(kept) != 1 || len(dirNames(t, j.Dir(), draftsDir)) != 0 {
				t.Fatalf("locked-drafts/ %v, drafts/ %v: want one file kept apart from the journal's drafts", kept, dirNames(t, j.Dir(), draftsDir))
			}
			// Sealed to the draft-only key alone: the journal's recovery
			// key (and so its identity, sealed with it) is no recipient.
			rid, _ := age.ParseX25519Identity(rk)
			if _, err := age.Decrypt(bytes.NewReader(readFile(t, j.Dir(), lockedDraftsDir, kept[0])), rid); err == nil {
				t.Error("the journal's recovery key opens a draft kept while locked: it was sealed to the journal's keys")
			}

			if err := j.Unlock(testPass); err != nil {
				t.Fatal(err)
			}
			if ps := j.Problems(); len(ps) != 0 {
				t.Errorf("problems after unlock: %v", ps)
			}
			ds, err := j.Drafts()
			if err != nil {
				t.Fatal(err)
			}
			if len(ds) != 1 || ds[0].Entry.WhatHappened != typed || !ds[0].WhileLocked || ds[0].EntryID != "" {
				t.Fatalf("drafts after unlock: %+v, want the text typed while locked, marked so", ds)
			}
			if es, _ := j.Entries(); len(es) != 0 {
				t.Errorf("entries after unlock: %+v, want none until the person saves", es)
			}

			// Restored into the form and autosaved: the journal's own draft
			// now, the kept file gone.
			d := ds[0]
			d.Entry.WhatHappened += ", reviewed"
			if _, err := j.SaveDraft(d); err != nil {
				t.Fatal(err)
			}
			if got := dirNames(t, j.Dir(), lockedDraftsDir); len(got) != 0 {
				t.Errorf("locked-drafts/ after the draft was saved: %v, want empty", got)
			}
			ds, _ = j.Drafts()
			if len(ds) != 1 || ds[0].WhileLocked || ds[0].ID != d.ID {
				t.Errorf("drafts after saving it: %+v, want one journal draft", ds)
			}
			if err := j.DiscardDraft(d.ID); err != nil {
				t.Fatal(err)
			}
			j.Lock()
			if err := j.Unlock(testPass); err != nil {
				t.Fatal(err)
			}
			if ds, _ := j.Drafts(); len(ds) != 0 {
				t.Errorf("drafts after discarding: %+v, want none offered again", ds)
			}
		})
	}
}

// Discarding a draft typed while locked removes its file.
func TestDiscardDraftTypedWhileLocked(t *testing.T) {
	j, _ := newTestJournal(t)
	j.Lock()
	if _, err := j.KeepDraft(Draft{Entry: Entry{WhatHappened: "not worth keeping"}}); err != nil {
		t.Fatal(err)
	}
	if err := j.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	ds, _ := j.Drafts()
	if len(ds) != 1 {
		t.Fatalf("drafts: %+v", ds)
	}
	if err := j.DiscardDraft(ds[0].ID); err != nil {
		t.Fatal(err)
	}
	if got := dirNames(t, j.Dir(), lockedDraftsDir); len(got) != 0 {
		t.Errorf("locked-drafts/ after discarding: %v", got)
	}
}

// Nothing sealed to the draft-only key is ever taken as an entry, a trash
// item or a journal draft, and nothing but a draft kept while locked is
// taken from locked-drafts/: its public key is in the clear, so anyone
// who can write the folder can seal to it. Each such file is reported.
func TestDraftKeyNeverOpensEntries(t *testing.T) {
	j, _ := newTestJournal(t)
	j.Lock()
	fresh := Open(j.Dir())
	r, err := fresh.readLockedRecipient()
	if err != nil {
		t.Fatal(err)
	}
	forged := fullEntry()
	forged.ID, forged.Created, forged.Updated = newID(), fixedNow, fixedNow
	plant := func(sub string, rec fileRecord) string {
		plain, err := encodeRecord(rec)
		if err != nil {
			t.Fatal(err)
		}
		data, err := r.Seal(plain)
		if err != nil {
			t.Fatal(err)
		}
		name := randomName()
		os.MkdirAll(filepath.Join(j.Dir(), sub), 0o700)
		if err := os.WriteFile(filepath.Join(j.Dir(), sub, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
		return sub + "/" + name
	}
	draft := &Draft{ID: newID(), Entry: forged}
	want := []string{
		plant(entriesDir, fileRecord{Format: formatEntry, Entry: &forged}),
		plant(trashDir, fileRecord{Format: formatEntry, Entry: &forged, Deleted: fixedNow}),
		plant(draftsDir, fileRecord{Format: formatDraft, Draft: draft}),
		plant(draftsDir, fileRecord{Format: formatLockedDraft, Draft: draft}),
		plant(lockedDraftsDir, fileRecord{Format: formatEntry, Entry: &forged}),
		plant(lockedDraftsDir, fileRecord{Format: formatDraft, Draft: draft}),
	}
	if err := fresh.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	if es, _ := fresh.Entries(); len(es) != 0 {
		t.Errorf("entries: %+v, want none: they were sealed to the draft-only key", es)
	}
	if ts, _ := fresh.Trash(); len(ts) != 0 {
		t.Errorf("trash: %+v, want none", ts)
	}
	if ds, _ := fresh.Drafts(); len(ds) != 0 {
		t.Errorf("drafts: %+v, want none", ds)
	}
	reported := map[string]bool{}
	for _, p := range fresh.Problems() {
		reported[p.File] = true
	}
	for _, f := range want {
		if !reported[f] {
			t.Errorf("%s not reported; problems: %v", f, fresh.Problems())
		}
	}
}

// A swapped recipient file: the process that unlocked keeps sealing to the
// key it checked then; a process that never unlocked is misled, and the
// next unlock says so, puts the right key back, and reports the draft it
// cannot open.
func TestLockedRecipientSwapped(t *testing.T) {
	j, _ := newTestJournal(t)
	j.Lock()
	path := filepath.Join(j.Dir(), lockedRecipientFile)
	mine, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("no %s after set-up: %v", lockedRecipientFile, err)
	}
	theirs, _ := age.GenerateX25519Identity()
	if err := os.WriteFile(path, []byte(theirs.Recipient().String()+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}

	if _, err := j.KeepDraft(Draft{Entry: Entry{WhatHappened: "kept by the process that unlocked"}}); err != nil {
		t.Fatal(err)
	}
	fresh := Open(j.Dir())
	if _, err := fresh.KeepDraft(Draft{Entry: Entry{WhatHappened: "sealed to the swapped key"}}); err != nil {
		t.Fatal(err)
	}
	theirsOpen := 0
	for _, name := range dirNames(t, j.Dir(), lockedDraftsDir) {
		if _, err := age.Decrypt(bytes.NewReader(readFile(t, j.Dir(), lockedDraftsDir, name)), theirs); err == nil {
			theirsOpen++
		}
	}
	if theirsOpen != 1 {
		t.Errorf("the swapped key opens %d kept drafts, want only the fresh process's", theirsOpen)
	}

	// A read-only unlock (poise journal list) says so and writes nothing.
	ro := OpenReadOnly(j.Dir())
	if err := ro.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	if !hasProblem(ro.Problems(), lockedRecipientFile, errLockedRecipientChanged) {
		t.Errorf("read-only unlock, problems %v: want the changed %s", ro.Problems(), lockedRecipientFile)
	}
	if got, _ := os.ReadFile(path); bytes.Equal(got, mine) {
		t.Errorf("a read-only unlock rewrote %s", lockedRecipientFile)
	}

	if err := fresh.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	ds, _ := fresh.Drafts()
	if len(ds) != 1 || ds[0].Entry.WhatHappened != "kept by the process that unlocked" {
		t.Errorf("drafts: %+v, want only the one sealed to the draft-only key", ds)
	}
	var changed, foreign bool
	for _, p := range fresh.Problems() {
		changed = changed || (p.File == lockedRecipientFile && errors.Is(p.Err, errLockedRecipientChanged))
		foreign = foreign || strings.HasPrefix(p.File, lockedDraftsDir+"/")
	}
	if !changed || !foreign {
		t.Errorf("problems %v: want the changed %s and the draft sealed to the other key", fresh.Problems(), lockedRecipientFile)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, mine) {
		t.Errorf("%s after unlock:\n%s\nwant the draft-only key back:\n%s", lockedRecipientFile, got, mine)
	}
	// Reported once: the next unlock finds it right.
	fresh.Lock()
	if err := fresh.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	for _, p := range fresh.Problems() {
		if p.File == lockedRecipientFile {
			t.Errorf("reported again after it was put right: %v", p)
		}
	}
}

// A journal from before the draft-only key (none of its files) unlocks as
// before and gets the key; a locked one that never had it keeps nothing
// and says the journal is locked.
func TestOldJournalWithoutDraftKey(t *testing.T) {
	j, _ := newTestJournal(t)
	if _, err := j.Save(Entry{WhatHappened: "an old entry"}); err != nil {
		t.Fatal(err)
	}
	j.Lock()
	for _, name := range []string{lockedKeyFile, lockedRecipientFile, lockedDraftsDir} {
		if err := os.RemoveAll(filepath.Join(j.Dir(), name)); err != nil {
			t.Fatal(err)
		}
	}
	old := Open(j.Dir())
	if _, err := old.KeepDraft(Draft{Entry: Entry{WhatHappened: "typed"}}); !errors.Is(err, ErrLocked) {
		t.Errorf("KeepDraft with no draft key yet: %v, want ErrLocked", err)
	}
	if err := old.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	if ps := old.Problems(); len(ps) != 0 {
		t.Errorf("problems unlocking a journal without the draft key's files: %v", ps)
	}
	if es, _ := old.Entries(); len(es) != 1 {
		t.Errorf("entries: %+v", es)
	}
	for _, name := range []string{lockedKeyFile, lockedRecipientFile} {
		fi, err := os.Stat(filepath.Join(j.Dir(), name))
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s after unlock: %v, %v; want a 0600 file", name, fi, err)
		}
	}
	old.Lock()
	if _, err := Open(j.Dir()).KeepDraft(Draft{Entry: Entry{WhatHappened: "typed"}}); err != nil {
		t.Errorf("KeepDraft once the key is made: %v", err)
	}
}

// A damaged draft key is reported and replaced; a read-only journal
// reports it and writes nothing.
func TestDamagedDraftKey(t *testing.T) {
	j, _ := newTestJournal(t)
	j.Lock()
	if _, err := Open(j.Dir()).KeepDraft(Draft{Entry: Entry{WhatHappened: "sealed to the old key"}}); err != nil {
		t.Fatal(err)
	}
	keyPath := filepath.Join(j.Dir(), lockedKeyFile)
	other, _ := age.GenerateX25519Identity()
	var buf bytes.Buffer
	w, _ := age.Encrypt(&buf, other.Recipient())
	w.Write([]byte("AGE-SECRET-KEY-1 not ours\n"))
	w.Close()
	if err := os.WriteFile(keyPath, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}

	ro := OpenReadOnly(j.Dir())
	if err := ro.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	if !hasProblem(ro.Problems(), lockedKeyFile, errLockedKeyDamaged) {
		t.Errorf("read-only unlock, problems %v: want the damaged key", ro.Problems())
	}
	if got, _ := os.ReadFile(keyPath); !bytes.Equal(got, buf.Bytes()) {
		t.Error("a read-only unlock rewrote the draft key")
	}

	if err := j.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	if !hasProblem(j.Problems(), lockedKeyFile, errLockedKeyDamaged) {
		t.Errorf("problems %v: want the damaged key", j.Problems())
	}
	if got := dirNames(t, j.Dir(), lockedDraftsDir); len(got) != 1 {
		t.Errorf("locked-drafts/ %v: the draft sealed to the old key must stay", got)
	}
	j.Lock()
	if err := j.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	if hasProblem(j.Problems(), lockedKeyFile, errLockedKeyDamaged) {
		t.Errorf("the new key is reported damaged: %v", j.Problems())
	}
}

// A missing draft key beside its public half is reported, then made
// anew; the right public key open to others is made 0600 without a word.
func TestMissingDraftKeyAndLooseRecipient(t *testing.T) {
	j, _ := newTestJournal(t)
	j.Lock()
	if err := os.Remove(filepath.Join(j.Dir(), lockedKeyFile)); err != nil {
		t.Fatal(err)
	}
	if err := j.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	if !hasProblem(j.Problems(), lockedKeyFile, errLockedKeyDamaged) {
		t.Errorf("problems %v: want the missing key", j.Problems())
	}
	j.Lock()
	path := filepath.Join(j.Dir(), lockedRecipientFile)
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := j.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	if ps := j.Problems(); len(ps) != 0 {
		t.Errorf("problems: %v, want none for the right key with loose permissions", ps)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("%s: %v, %v; want 0600", lockedRecipientFile, fi, err)
	}
}

// At most maxLockedDrafts drafts are kept while locked (the oldest stay,
// the next is refused), and an unlock opens at most as many, saying there
// are more.
func TestLockedDraftsBounded(t *testing.T) {
	j, _ := newTestJournal(t)
	j.Lock()
	for i := range maxLockedDrafts {
		if _, err := j.KeepDraft(Draft{Entry: Entry{WhatHappened: strings.Repeat("x", i+1)}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := j.KeepDraft(Draft{Entry: Entry{WhatHappened: "one too many"}}); !errors.Is(err, ErrTooManyLockedDrafts) {
		t.Fatalf("KeepDraft past the bound: %v, want ErrTooManyLockedDrafts", err)
	}
	// Planted past the bound.
	for range 5 {
		os.WriteFile(filepath.Join(j.Dir(), lockedDraftsDir, randomName()), []byte("x"), 0o600)
	}
	if err := j.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	ds, _ := j.Drafts()
	if len(ds) > maxLockedDrafts {
		t.Errorf("%d drafts opened, want at most %d", len(ds), maxLockedDrafts)
	}
	if !hasProblem(j.Problems(), lockedDraftsDir, errLockedDraftsMore) {
		t.Errorf("problems %v: want the folder's extra files reported", j.Problems())
	}
}

// A backup carries drafts typed while locked, and a restore keeps them
// such: still offered for review, still kept apart from the journal's.
// Rekey reseals the draft key, which then still opens them.
func TestLockedDraftsBackupAndRekey(t *testing.T) {
	j, _ := newTestJournal(t)
	j.Lock()
	if _, err := j.KeepDraft(Draft{Entry: Entry{WhatHappened: "typed while locked"}}); err != nil {
		t.Fatal(err)
	}
	if err := j.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	newKey, err := j.Rekey(testPass)
	if err != nil {
		t.Fatal(err)
	}
	rid, _ := age.ParseX25519Identity(newKey)
	if _, err := age.Decrypt(bytes.NewReader(readFile(t, j.Dir(), "", lockedKeyFile)), rid); err != nil {
		t.Errorf("the new recovery key does not open %s: %v", lockedKeyFile, err)
	}
	j.Lock()
	if err := j.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	if ps := j.Problems(); len(ps) != 0 {
		t.Errorf("problems after rekey: %v", ps)
	}
	var buf bytes.Buffer
	if err := j.Backup(&buf); err != nil {
		t.Fatal(err)
	}
	assertNoPlaintextIn(t, buf.Bytes(), "typed while locked")

	to := Open(t.TempDir())
	if _, err := to.Restore(bytes.NewReader(buf.Bytes()), testPass); err != nil {
		t.Fatal(err)
	}
	ds, _ := to.Drafts()
	if len(ds) != 1 || !ds[0].WhileLocked || ds[0].Entry.WhatHappened != "typed while locked" {
		t.Fatalf("drafts after restore: %+v, want the one typed while locked, marked so", ds)
	}
	if got := dirNames(t, to.Dir(), lockedDraftsDir); len(got) != 1 {
		t.Errorf("locked-drafts/ after restore: %v", got)
	}
	// Restoring again adds nothing.
	if _, err := to.Restore(bytes.NewReader(buf.Bytes()), testPass); err != nil {
		t.Fatal(err)
	}
	if ds, _ := to.Drafts(); len(ds) != 1 {
		t.Errorf("%d drafts after restoring twice", len(ds))
	}
}

func hasProblem(ps []Problem, file string, err error) bool {
	for _, p := range ps {
		if p.File == file && errors.Is(p.Err, err) {
			return true
		}
	}
	return false
}

func dirNames(t *testing.T, dir, sub string) []string {
	t.Helper()
	des, err := os.ReadDir(filepath.Join(dir, sub))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	var out []string
	for _, de := range des {
		if !isTempName(de.Name()) {
			out = append(out, de.Name())
		}
	}
	return out
}

func readFile(t *testing.T, dir, sub, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, sub, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// FuzzDecodeLockedDraft: the parser of drafts kept while locked never
// panics, and takes only its own format, with a draft of a new entry.
func FuzzDecodeLockedDraft(f *testing.F) {
	good, _ := encodeRecord(fileRecord{Format: formatLockedDraft, Draft: &Draft{ID: newID(), Entry: Entry{WhatHappened: "x"}}})
	f.Add(good)
	entry, _ := encodeRecord(fileRecord{Format: formatEntry, Entry: &Entry{ID: newID(), WhatHappened: "x"}})
	f.Add(entry)
	f.Add([]byte(`{"format":"poise-journal-locked-draft","version":1,"draft":{"id":"aaaaaaaaaaaa","entry_id":"x","entry":{}}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := decodeLockedDraft(b)
		if err != nil {
			return
		}
		if !d.WhileLocked || d.EntryID != "" || !wellFormedID(d.ID) || d.Entry.validateDraft() != nil {
			t.Errorf("decodeLockedDraft(%q) took %+v", b, d)
		}
		if _, err := decodeRecord(b); err == nil {
			t.Errorf("%q passes for a journal record too", b)
		}
	})
}

// Recovering a forgotten passphrase offers what was kept while locked, as
// an unlock does: the draft key's secret is sealed to the identity, which
// the recovery copy brings back.
func TestRecoverOffersLockedDrafts(t *testing.T) {
	j, rk := newTestJournal(t)
	j.Lock()
	other := Open(j.Dir()) // another process, on the same clock
	other.now = j.now
	if _, err := other.KeepDraft(Draft{Entry: Entry{WhatHappened: "typed before forgetting"}}); err != nil {
		t.Fatal(err)
	}
	if err := j.Recover(rk, "a brand new passphrase"); err != nil {
		t.Fatal(err)
	}
	ds, _ := j.Drafts()
	if len(ds) != 1 || !ds[0].WhileLocked || ds[0].Entry.WhatHappened != "typed before forgetting" {
		t.Errorf("drafts after recovery: %+v", ds)
	}
	if ps := j.Problems(); len(ps) != 0 {
		t.Errorf("problems after recovery: %v", ps)
	}
}

// CanKeepDraft tells the quick log, before anything is typed, whether a
// quit while locked would keep what it holds, in each case KeepDraft
// refuses, and writes nothing.
func TestCanKeepDraft(t *testing.T) {
	for _, tt := range []struct {
		name    string
		prepare func(t *testing.T, dir string)
		wantErr error // nil: can keep; errAny: some error
	}{
		{"draft key made", func(*testing.T, string) {}, nil},
		{"no draft key yet", func(t *testing.T, dir string) {
			for _, name := range []string{lockedKeyFile, lockedRecipientFile} {
				if err := os.Remove(filepath.Join(dir, name)); err != nil {
					t.Fatal(err)
				}
			}
		}, ErrLocked},
		{"recipient file writable by others", func(t *testing.T, dir string) {
			if err := os.Chmod(filepath.Join(dir, lockedRecipientFile), 0o666); err != nil {
				t.Fatal(err)
			}
		}, errAny},
		{"recipient file damaged", func(t *testing.T, dir string) {
			if err := os.WriteFile(filepath.Join(dir, lockedRecipientFile), []byte("not a key"), 0o600); err != nil {
				t.Fatal(err)
			}
		}, errAny},
		{"bound reached", func(t *testing.T, dir string) {
			j := Open(dir)
			for i := range maxLockedDrafts {
				if _, err := j.KeepDraft(Draft{Entry: Entry{WhatHappened: strings.Repeat("x", i+1)}}); err != nil {
					t.Fatal(err)
				}
			}
		}, ErrTooManyLockedDrafts},
	} {
		t.Run(tt.name, func(t *testing.T) {
			j, _ := newTestJournal(t)
			if err := j.CanKeepDraft(); err != nil {
				t.Errorf("CanKeepDraft unlocked: %v, want nil", err)
			}
			j.Lock()
			tt.prepare(t, j.Dir())
			before := dirNames(t, j.Dir(), lockedDraftsDir)
			locked := Open(j.Dir())
			err := locked.CanKeepDraft()
			switch {
			case tt.wantErr == nil && err != nil:
				t.Errorf("CanKeepDraft: %v, want nil", err)
			case tt.wantErr == errAny && err == nil:
				t.Errorf("CanKeepDraft: nil, want an error")
			case tt.wantErr != nil && tt.wantErr != errAny && !errors.Is(err, tt.wantErr):
				t.Errorf("CanKeepDraft: %v, want %v", err, tt.wantErr)
			}
			// It agrees with what KeepDraft does.
			_, keepErr := locked.KeepDraft(Draft{Entry: Entry{WhatHappened: "typed"}})
			if (err == nil) != (keepErr == nil) {
				t.Errorf("CanKeepDraft says %v, KeepDraft %v", err, keepErr)
			}
			if keepErr != nil {
				if after := dirNames(t, j.Dir(), lockedDraftsDir); len(after) != len(before) {
					t.Errorf("drafts %d → %d after a refused keep", len(before), len(after))
				}
			}
		})
	}
}

var errAny = errors.New("any error")

// Rekey makes a new draft-only key rather than reseal the old one, whose
// secret the old recovery key opened: a draft kept while locked after a
// rekey must not open with the old key. Every draft the old key opened is
// resealed, those past the 32 an unlock offers too, and none is lost.
func TestRekeyRenewsTheDraftKey(t *testing.T) {
	j, _ := newTestJournal(t)
	j.Lock()
	for range maxLockedDrafts {
		if _, err := j.KeepDraft(Draft{Entry: Entry{WhatHappened: "typed while locked"}}); err != nil {
			t.Fatal(err)
		}
	}
	// One more than KeepDraft keeps, as a restore can leave.
	r, err := vault.ParseDraftRecipient(readFile(t, j.Dir(), "", lockedRecipientFile))
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := encodeRecord(fileRecord{Format: formatLockedDraft, Draft: &Draft{ID: NewDraftID(), Entry: Entry{WhatHappened: "the last one"}}})
	sealed, err := r.Seal(plain)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(j.Dir(), lockedDraftsDir, randomName()), sealed, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := j.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	oldKey := j.draftKey
	if _, err := j.Rekey(testPass); err != nil {
		t.Fatal(err)
	}
	j.Lock()
	files := dirNames(t, j.Dir(), lockedDraftsDir)
	if len(files) != maxLockedDrafts+1 {
		t.Fatalf("%d files in %s after rekey, want %d", len(files), lockedDraftsDir, maxLockedDrafts+1)
	}
	for _, name := range files {
		if _, err := oldKey.Open(readFile(t, j.Dir(), lockedDraftsDir, name)); err == nil {
			t.Fatalf("the draft key from before the rekey still opens %s", name)
		}
	}

	// All still offered, 32 at a time.
	if err := j.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	if ps := j.Problems(); len(ps) != 1 || !hasProblem(ps, lockedDraftsDir, errLockedDraftsMore) {
		t.Errorf("problems after rekey: %v, want only that there are more", ps)
	}
	ds, _ := j.Drafts()
	for _, d := range ds {
		if err := j.DiscardDraft(d.ID); err != nil {
			t.Fatal(err)
		}
	}
	j.Lock()
	if err := j.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	rest, _ := j.Drafts()
	if len(ds) != maxLockedDrafts || len(rest) != 1 || len(j.Problems()) != 0 {
		t.Fatalf("%d drafts offered, then %d with problems %v; want 32, then the 33rd alone", len(ds), len(rest), j.Problems())
	}
	last := 0
	for _, d := range append(ds, rest...) {
		if d.Entry.WhatHappened == "the last one" {
			last++
		}
	}
	if last != 1 {
		t.Errorf("the draft past the 32 offered %d times, want once", last)
	}

	// A Poise that never unlocked seals to the new key's public half.
	j.Lock()
	fresh := Open(j.Dir())
	if _, err := fresh.KeepDraft(Draft{Entry: Entry{WhatHappened: "after the rekey"}}); err != nil {
		t.Fatal(err)
	}
	for _, name := range dirNames(t, j.Dir(), lockedDraftsDir) {
		if _, err := oldKey.Open(readFile(t, j.Dir(), lockedDraftsDir, name)); err == nil {
			t.Fatalf("the draft key from before the rekey opens %s, kept after it", name)
		}
	}
}

// A draft kept while locked that is dated in the future (planted by
// someone who can write the data folder: the draft key's public half is in
// the clear) is offered after the person's own drafts, dated now, and
// reported: dated so, it would have come first before every draft typed
// from then on.
func TestLockedDraftDatedInTheFutureComesLast(t *testing.T) {
	j, _ := newTestJournal(t)
	j.Lock()
	keep := func(at time.Time, text string) {
		t.Helper()
		k := Open(j.Dir())
		k.now = func() time.Time { return at }
		if _, err := k.KeepDraft(Draft{Entry: Entry{WhatHappened: text}}); err != nil {
			t.Fatal(err)
		}
	}
	keep(fixedNow.AddDate(1, 0, 0), "planted: call this number")
	keep(fixedNow.Add(-time.Hour), "typed an hour ago")
	keep(fixedNow.Add(5*time.Minute), "typed on a clock a little ahead")
	if err := j.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	ds, err := j.Drafts()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range ds {
		got = append(got, d.Entry.WhatHappened)
	}
	want := []string{"typed on a clock a little ahead", "typed an hour ago", "planted: call this number"}
	if !slices.Equal(got, want) {
		t.Errorf("drafts offered in the order %q, want %q", got, want)
	}
	if last := ds[len(ds)-1]; last.Saved.After(fixedNow) || !last.WhileLocked {
		t.Errorf("the future-dated draft is dated %v (locked %v), want now at the latest, marked typed while locked", last.Saved, last.WhileLocked)
	}
	ps := j.Problems()
	if len(ps) != 1 || !errors.Is(ps[0].Err, errLockedDraftFuture) || !strings.HasPrefix(ps[0].File, lockedDraftsDir+"/") {
		t.Errorf("problems %v, want the future-dated draft named", ps)
	}
}

// A link in the locked-drafts folder's place is never followed: a locked
// journal keeps no draft through it (and writes nothing where it points),
// an unlock opens none of the drafts behind it and says what to do, and
// the drafts there stay where they are.
func TestLockedDraftsFolderLinkNotFollowed(t *testing.T) {
	j, _ := newTestJournal(t)
	j.Lock()
	if _, err := j.KeepDraft(Draft{Entry: Entry{WhatHappened: "typed while locked"}}); err != nil {
		t.Fatal(err)
	}
	elsewhere := filepath.Join(t.TempDir(), "elsewhere")
	if err := os.Rename(filepath.Join(j.Dir(), lockedDraftsDir), elsewhere); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(j.Dir(), lockedDraftsDir)); err != nil {
		t.Fatal(err)
	}
	if err := j.CanKeepDraft(); !errors.Is(err, errLockedDraftsLink) {
		t.Errorf("CanKeepDraft with a link in the folder's place: %v, want errLockedDraftsLink", err)
	}
	if _, err := j.KeepDraft(Draft{Entry: Entry{WhatHappened: "second"}}); !errors.Is(err, errLockedDraftsLink) {
		t.Errorf("KeepDraft through a link: %v, want errLockedDraftsLink", err)
	}
	if n := len(dirNames(t, elsewhere, "")); n != 1 {
		t.Errorf("%d files where the link points, want the one draft there before", n)
	}
	if err := j.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	if ds, _ := j.Drafts(); len(ds) != 0 {
		t.Errorf("drafts offered through the link: %+v", ds)
	}
	ps := j.Problems()
	if len(ps) != 1 || ps[0].File != lockedDraftsDir || !errors.Is(ps[0].Err, errLockedDraftsLink) {
		t.Errorf("problems %v, want the link reported", ps)
	}
	// A rekey renews the draft key without resealing through the link.
	if _, err := j.Rekey(testPass); err != nil {
		t.Fatal(err)
	}
	if n := len(dirNames(t, elsewhere, "")); n != 1 {
		t.Errorf("%d files where the link points after a rekey, want the one draft, untouched", n)
	}
}
