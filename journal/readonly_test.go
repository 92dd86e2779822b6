package journal

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// A read-only journal writes nothing, not even housekeeping, so list, show,
// export and backup need no data lock (issue 9, item 12).
func TestReadOnlyJournalWritesNothing(t *testing.T) {
	j, _ := newTestJournal(t)
	e, _ := j.Save(fullEntry())
	gone, _ := j.Save(Entry{WhatHappened: "deleted long ago"})
	j.now = func() time.Time { return fixedNow.AddDate(0, 0, -TrashDays-5) }
	if err := j.Delete(gone.ID); err != nil {
		t.Fatal(err)
	}
	j.Lock()
	// A stale cache and a stale temp file: both would be rewritten or
	// removed by an unlock that may write.
	os.Remove(filepath.Join(j.Dir(), fileKeysFile))
	tmp := filepath.Join(j.Dir(), entriesDir, ".x.age.tmp-123")
	os.WriteFile(tmp, []byte("partial"), 0o600)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(tmp, old, old)
	before := snapshot(t, j.Dir())

	r := OpenReadOnly(j.Dir())
	r.now = func() time.Time { return fixedNow }
	if err := r.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Entry(e.ID); err != nil {
		t.Error(err)
	}
	if _, err := r.Search("parcel"); err != nil {
		t.Error(err)
	}
	if _, err := r.History(e.ID); err != nil {
		t.Error(err)
	}
	if err := r.Backup(new(discard)); err != nil {
		t.Error(err)
	}
	if _, err := r.ExportMarkdown(t.TempDir()); err != nil {
		t.Error(err)
	}
	writes := map[string]error{
		"Save":   func() error { _, err := r.Save(fullEntry()); return err }(),
		"Delete": r.Delete(e.ID),
		"Draft":  func() error { _, err := r.SaveDraft(Draft{Entry: fullEntry()}); return err }(),
		"Done":   r.MarkFollowUpDone(e.ID),
		"Passwd": r.ChangePassphrase(testPass, "a long new passphrase"),
		"Rekey":  func() error { _, err := r.Rekey(testPass); return err }(),
		"Review": func() error { _, err := r.SaveReview(Review{Month: "2026-10"}); return err }(),
	}
	for name, err := range writes {
		if !errors.Is(err, ErrReadOnly) {
			t.Errorf("%s: err = %v, want ErrReadOnly", name, err)
		}
	}
	r.Lock()
	if after := snapshot(t, j.Dir()); !reflect.DeepEqual(before, after) {
		for k := range after {
			if before[k] != after[k] {
				t.Errorf("read-only use changed %s", k)
			}
		}
		for k := range before {
			if _, ok := after[k]; !ok {
				t.Errorf("read-only use removed %s", k)
			}
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }

// Temp files left by a crash go at the next unlock that may write; fresh
// ones and other files stay (item 11).
func TestStaleTempFilesAreRemovedOnUnlock(t *testing.T) {
	j, _ := newTestJournal(t)
	e, _ := j.Save(fullEntry())
	j.Lock()
	old := time.Now().Add(-time.Hour)
	stale := []string{
		filepath.Join(j.Dir(), ".identity.age.tmp-111"),
		filepath.Join(j.Dir(), entriesDir, ".abc.age.tmp-222"),
		filepath.Join(j.Dir(), draftsDir, ".abc.age.tmp-333"),
		filepath.Join(j.Dir(), historyDir, ".abc.age.tmp-444"),
	}
	for _, p := range stale {
		os.WriteFile(p, []byte("partial"), 0o600)
		os.Chtimes(p, old, old)
	}
	fresh := filepath.Join(j.Dir(), trashDir, ".abc.age.tmp-555")
	os.WriteFile(fresh, []byte("being written"), 0o600)
	notOurs := filepath.Join(j.Dir(), ".hidden-note")
	os.WriteFile(notOurs, []byte("mine"), 0o600)
	os.Chtimes(notOurs, old, old)

	if err := j.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	for _, p := range stale {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("stale %s was kept", p)
		}
	}
	for _, p := range []string{fresh, notOurs} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed: %v", p, err)
		}
	}
	if _, err := j.Entry(e.ID); err != nil {
		t.Error(err)
	}
}
