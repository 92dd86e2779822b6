package journal

import (
	"bytes"
	"errors"
	"testing"
	"time"
)

// A backup is the whole journal: drafts too (issue 9, item 7).
func TestBackupCarriesDrafts(t *testing.T) {
	src, _ := newTestJournal(t)
	d, err := src.SaveDraft(Draft{Entry: Entry{WhatHappened: "half typed when the power went"}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := src.Backup(&buf); err != nil {
		t.Fatal(err)
	}
	dst := Open(t.TempDir())
	for range 2 {
		if _, err := dst.Restore(bytes.NewReader(buf.Bytes()), testPass); err != nil {
			t.Fatal(err)
		}
	}
	ds, err := dst.Drafts()
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || ds[0].ID != d.ID || ds[0].Entry.WhatHappened != d.Entry.WhatHappened {
		t.Errorf("drafts after restoring twice = %+v, want the one draft", ds)
	}
}

// undelete takes a unique prefix as show, done and delete do; done refuses
// an entry without a follow-up and writes no version for one already done
// (item 10).
func TestUndeletePrefixAndDoneWithoutFollowUp(t *testing.T) {
	j, _ := newTestJournal(t)
	e, _ := j.Save(Entry{WhatHappened: "no follow-up here"})
	if err := j.Delete(e.ID[:4]); err != nil {
		t.Fatal(err)
	}
	if err := j.Undelete(e.ID[:4]); err != nil {
		t.Fatalf("Undelete by prefix: %v", err)
	}
	if _, err := j.Entry(e.ID); err != nil {
		t.Error(err)
	}
	if ts, _ := j.Trash(); len(ts) != 0 {
		t.Errorf("trash after undelete: %d", len(ts))
	}
	if err := j.Undelete("zzzz"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Undelete of nothing: %v", err)
	}

	if err := j.MarkFollowUpDone(e.ID); !errors.Is(err, ErrNoFollowUp) {
		t.Errorf("done without a follow-up: err = %v, want ErrNoFollowUp", err)
	}
	f, _ := j.Save(fullEntry())
	if err := j.MarkFollowUpDone(f.ID); err != nil {
		t.Fatal(err)
	}
	if err := j.MarkFollowUpDone(f.ID); err != nil {
		t.Errorf("done twice: %v", err)
	}
	for id, want := range map[string]int{e.ID: 0, f.ID: 1} {
		if hs, _ := j.History(id); len(hs) != want {
			t.Errorf("history of %s = %d versions, want %d", id, len(hs), want)
		}
	}
}

// Saving an entry unchanged writes no new version, as done twice does not.
func TestSavingUnchangedWritesNothing(t *testing.T) {
	j, _ := newTestJournal(t)
	e, err := j.Save(fullEntry())
	if err != nil {
		t.Fatal(err)
	}
	later := fixedNow.Add(time.Hour)
	j.now = func() time.Time { return later }
	again, err := j.Save(e)
	if err != nil {
		t.Fatal(err)
	}
	if !again.Updated.Equal(e.Updated) {
		t.Errorf("an unchanged save moved Updated to %v", again.Updated)
	}
	if hs, _ := j.History(e.ID); len(hs) != 0 {
		t.Errorf("an unchanged save kept %d versions", len(hs))
	}
	e.Takeaway = "changed"
	if _, err := j.Save(e); err != nil {
		t.Fatal(err)
	}
	if hs, _ := j.History(e.ID); len(hs) != 1 {
		t.Errorf("an edit kept %d versions, want 1", len(hs))
	}
}
