package journal

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

func TestSaveRoundTripsEveryField(t *testing.T) {
	j, _ := newTestJournal(t)
	in := fullEntry()
	in.FollowUpDone = true
	saved, err := j.Save(in)
	if err != nil {
		t.Fatal(err)
	}
	if saved.ID == "" || !saved.Created.Equal(fixedNow) || !saved.Updated.Equal(fixedNow) {
		t.Fatalf("saved entry lacks id or times: %+v", saved)
	}
	j.Lock()
	if _, err := j.Entries(); !errors.Is(err, ErrLocked) {
		t.Fatalf("Entries after Lock: err = %v, want ErrLocked", err)
	}
	if err := j.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	got, err := j.Entry(saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, saved) {
		t.Errorf("round trip changed the entry:\n got %+v\nwant %+v", got, saved)
	}
	// Every field of Entry must be set in the fixture, so a new field
	// cannot silently miss the round trip.
	v := reflect.ValueOf(got)
	for i := range v.NumField() {
		if v.Field(i).IsZero() {
			t.Errorf("field %s is zero after the round trip; set it in fullEntry", v.Type().Field(i).Name)
		}
	}
}

func TestSaveRejects(t *testing.T) {
	j, _ := newTestJournal(t)
	tests := []struct {
		name string
		edit func(*Entry)
	}{
		{"empty what happened", func(e *Entry) { e.WhatHappened = "  \n" }},
		{"difficulty above 5", func(e *Entry) { e.Difficulty = 6 }},
		{"negative stress", func(e *Entry) { e.StressAfter = -1 }},
		{"unknown channel", func(e *Entry) { e.Channel = "fax" }},
		{"unknown outcome", func(e *Entry) { e.Outcome = "won" }},
		{"unknown trigger", func(e *Entry) { e.Triggers = []Trigger{"moon"} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := fullEntry()
			tt.edit(&e)
			if _, err := j.Save(e); !errors.Is(err, ErrInvalid) {
				t.Errorf("Save: err = %v, want ErrInvalid", err)
			}
		})
	}
	if es, _ := j.Entries(); len(es) != 0 {
		t.Errorf("invalid entries were saved: %d", len(es))
	}
}

// snapshot maps every file under dir to its content.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		m[strings.TrimPrefix(p, dir)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestWrongPassphraseChangesNothing(t *testing.T) {
	j, _ := newTestJournal(t)
	if _, err := j.Save(fullEntry()); err != nil {
		t.Fatal(err)
	}
	j.Lock()
	before := snapshot(t, j.Dir())
	tests := []struct{ name, pass string }{
		{"wrong", "correct horse battery stapler"},
		{"empty", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := j.Unlock(tt.pass); !errors.Is(err, ErrWrongPassphrase) {
				t.Fatalf("Unlock: err = %v, want ErrWrongPassphrase", err)
			}
			if !j.Locked() {
				t.Error("journal unlocked by a wrong passphrase")
			}
			if err := j.ChangePassphrase(tt.pass, "a new long one"); !errors.Is(err, ErrWrongPassphrase) {
				t.Fatalf("ChangePassphrase: err = %v, want ErrWrongPassphrase", err)
			}
		})
	}
	if after := snapshot(t, j.Dir()); !reflect.DeepEqual(before, after) {
		t.Error("a wrong passphrase changed files on disk")
	}
}

func TestChangePassphraseRewritesOnlyIdentity(t *testing.T) {
	j, _ := newTestJournal(t)
	e, err := j.Save(fullEntry())
	if err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, j.Dir())
	if err := j.ChangePassphrase(testPass, "a new one"); err != nil {
		t.Fatal(err)
	}
	after := snapshot(t, j.Dir())
	var changed []string
	for k := range after {
		if before[k] != after[k] {
			changed = append(changed, k)
		}
	}
	if want := []string{"/" + identityFile}; !reflect.DeepEqual(changed, want) {
		t.Errorf("changed files = %v, want %v", changed, want)
	}
	j.Lock()
	if err := j.Unlock(testPass); !errors.Is(err, ErrWrongPassphrase) {
		t.Errorf("old passphrase: err = %v, want ErrWrongPassphrase", err)
	}
	if err := j.Unlock("a new one"); err != nil {
		t.Fatal(err)
	}
	if _, err := j.Entry(e.ID); err != nil {
		t.Error(err)
	}
}

func TestRecoverWithRecoveryKey(t *testing.T) {
	j, rk := newTestJournal(t)
	e, err := j.Save(fullEntry())
	if err != nil {
		t.Fatal(err)
	}
	j.Lock()
	_, other := newTestJournal(t)
	tests := []struct {
		name string
		key  string
		want error
	}{
		{"garbage", "not a key", ErrWrongRecoveryKey},
		{"another journal's key", other, ErrWrongRecoveryKey},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := j.Recover(tt.key, "forgotten no more"); !errors.Is(err, tt.want) {
				t.Errorf("Recover: err = %v, want %v", err, tt.want)
			}
		})
	}
	// People copy keys with spaces or in lower case.
	typed := strings.ToLower(rk[:20]) + " " + rk[20:]
	if err := j.Recover(typed, "forgotten no more"); err != nil {
		t.Fatal(err)
	}
	if _, err := j.Entry(e.ID); err != nil {
		t.Error(err)
	}
	j.Lock()
	if err := j.Unlock("forgotten no more"); err != nil {
		t.Errorf("new passphrase after recovery: %v", err)
	}
}

func TestDamagedAndForeignFilesAreSkipped(t *testing.T) {
	j, _ := newTestJournal(t)
	good, err := j.Save(fullEntry())
	if err != nil {
		t.Fatal(err)
	}
	other, _ := newTestJournal(t)
	foreign, err := other.Save(fullEntry())
	if err != nil {
		t.Fatal(err)
	}
	otherFile := other.entries[foreign.ID].file
	foreignData, err := os.ReadFile(filepath.Join(other.Dir(), entriesDir, otherFile))
	if err != nil {
		t.Fatal(err)
	}
	goodData, err := os.ReadFile(filepath.Join(j.Dir(), entriesDir, j.entries[good.ID].file))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(j.Dir(), entriesDir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("garbage.age", []byte("hello"))
	write("foreign.age", foreignData)
	write("cut.age", goodData[:len(goodData)-100])
	write("notes.txt", []byte("mine"))
	j.Lock()
	if err := j.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	es, _ := j.Entries()
	if len(es) != 1 || es[0].ID != good.ID {
		t.Errorf("entries = %v, want only the good one", es)
	}
	var files []string
	for _, p := range j.Problems() {
		files = append(files, p.File)
	}
	sort.Strings(files)
	want := []string{"entries/cut.age", "entries/foreign.age", "entries/garbage.age", "entries/notes.txt"}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("problems = %v, want %v", files, want)
	}
}

func TestEditKeepsHistory(t *testing.T) {
	j, _ := newTestJournal(t)
	e, err := j.Save(fullEntry())
	if err != nil {
		t.Fatal(err)
	}
	first := e.WhatHappened
	e.WhatHappened = "Rewritten after a night's sleep."
	j.now = func() time.Time { return fixedNow.Add(time.Hour) }
	if _, err := j.Save(e); err != nil {
		t.Fatal(err)
	}
	hist, err := j.History(e.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 1 || hist[0].WhatHappened != first {
		t.Fatalf("history = %+v, want the first version", hist)
	}
	got, _ := j.Entry(e.ID)
	if got.WhatHappened != e.WhatHappened || !got.Updated.Equal(fixedNow.Add(time.Hour)) || !got.Created.Equal(fixedNow) {
		t.Errorf("edited entry = %+v", got)
	}
}

func TestDeleteUndeleteAndPurge(t *testing.T) {
	j, _ := newTestJournal(t)
	e, err := j.Save(fullEntry())
	if err != nil {
		t.Fatal(err)
	}
	e.Takeaway = "edited"
	if _, err := j.Save(e); err != nil {
		t.Fatal(err)
	}
	if err := j.Delete(e.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := j.Entry(e.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleted entry still found: %v", err)
	}
	if err := j.Undelete(e.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := j.Entry(e.ID); err != nil {
		t.Errorf("undeleted entry: %v", err)
	}
	if err := j.Delete(e.ID); err != nil {
		t.Fatal(err)
	}

	t.Run("kept 30 days", func(t *testing.T) {
		j.Lock()
		j.now = func() time.Time { return fixedNow.Add(29 * 24 * time.Hour) }
		if err := j.Unlock(testPass); err != nil {
			t.Fatal(err)
		}
		if tr, _ := j.Trash(); len(tr) != 1 || tr[0].Entry.ID != e.ID || !tr[0].Deleted.Equal(fixedNow) {
			t.Errorf("trash = %+v", tr)
		}
	})
	t.Run("purged after", func(t *testing.T) {
		j.Lock()
		j.now = func() time.Time { return fixedNow.Add(31 * 24 * time.Hour) }
		if err := j.Unlock(testPass); err != nil {
			t.Fatal(err)
		}
		if tr, _ := j.Trash(); len(tr) != 0 {
			t.Errorf("trash = %+v, want empty", tr)
		}
		for _, sub := range []string{entriesDir, trashDir, historyDir} {
			if des, _ := os.ReadDir(filepath.Join(j.Dir(), sub)); len(des) != 0 {
				t.Errorf("%s/ still holds %d files", sub, len(des))
			}
		}
	})
}

func TestDraftsAreOfferedBack(t *testing.T) {
	j, _ := newTestJournal(t)
	d, err := j.SaveDraft(Draft{Entry: Entry{WhatHappened: "half a thought"}})
	if err != nil {
		t.Fatal(err)
	}
	d.Entry.WhatHappened = "half a thought, then more"
	if _, err := j.SaveDraft(d); err != nil {
		t.Fatal(err)
	}
	// A fresh Journal is what the app sees after a crash.
	j2 := Open(j.Dir())
	if err := j2.Unlock(testPass); err != nil {
		t.Fatal(err)
	}
	ds, err := j2.Drafts()
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || ds[0].ID != d.ID || ds[0].Entry.WhatHappened != "half a thought, then more" {
		t.Fatalf("drafts = %+v", ds)
	}
	if err := j2.DiscardDraft(d.ID); err != nil {
		t.Fatal(err)
	}
	if des, _ := os.ReadDir(filepath.Join(j.Dir(), draftsDir)); len(des) != 0 {
		t.Errorf("drafts/ holds %d files after discard", len(des))
	}
}

func TestFileSizesRevealLittle(t *testing.T) {
	j, _ := newTestJournal(t)
	short := Entry{WhatHappened: "x"}
	long := fullEntry()
	long.WhatHappened = strings.Repeat("a long story ", 200)
	for _, e := range []Entry{short, long} {
		if _, err := j.Save(e); err != nil {
			t.Fatal(err)
		}
	}
	des, err := os.ReadDir(filepath.Join(j.Dir(), entriesDir))
	if err != nil {
		t.Fatal(err)
	}
	sizes := map[int64]bool{}
	for _, de := range des {
		fi, _ := de.Info()
		sizes[fi.Size()] = true
		if strings.Contains(de.Name(), "2026") || len(de.Name()) != len("x")*26+len(".age") {
			t.Errorf("file name %q looks telling", de.Name())
		}
	}
	if len(sizes) != 1 {
		t.Errorf("a short and a 2,600-byte entry have different file sizes: %v", sizes)
	}
}

func TestNothingPlainOnDisk(t *testing.T) {
	j, _ := newTestJournal(t)
	e := fullEntry()
	if _, err := j.Save(e); err != nil {
		t.Fatal(err)
	}
	if _, err := j.SaveDraft(Draft{Entry: Entry{WhatHappened: "draft secret words"}}); err != nil {
		t.Fatal(err)
	}
	assertNoPlaintext(t, j.Dir(), "parcel", "draft secret", "what_happened", testPass)
}

// assertNoPlaintext fails if any file under dir holds one of the needles.
func assertNoPlaintext(t *testing.T, dir string, needles ...string) {
	t.Helper()
	for name, content := range snapshot(t, dir) {
		for _, n := range needles {
			if bytes.Contains([]byte(content), []byte(n)) {
				t.Errorf("%s holds %q in plain text", name, n)
			}
		}
	}
}
