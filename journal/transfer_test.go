package journal

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestExportImportJSON(t *testing.T) {
	src, _ := newTestJournal(t)
	a, _ := src.Save(fullEntry())
	b, _ := src.Save(Entry{WhatHappened: "short one"})
	var buf bytes.Buffer
	if err := src.ExportJSON(&buf); err != nil {
		t.Fatal(err)
	}
	dst, _ := newTestJournal(t)
	res, err := dst.ImportJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res, ImportResult{Added: 2}) {
		t.Errorf("first import = %+v", res)
	}
	for _, want := range []Entry{a, b} {
		got, err := dst.Entry(want.ID)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("imported %s = %+v, %v; want %+v", want.ID, got, err, want)
		}
	}
	t.Run("twice changes nothing", func(t *testing.T) {
		res, err := dst.ImportJSON(bytes.NewReader(buf.Bytes()))
		if err != nil || !reflect.DeepEqual(res, ImportResult{Unchanged: 2}) {
			t.Errorf("second import = %+v, %v", res, err)
		}
	})
	t.Run("rejects other JSON", func(t *testing.T) {
		if _, err := dst.ImportJSON(strings.NewReader(`{"format":"something"}`)); !errors.Is(err, errFormat) {
			t.Errorf("err = %v", err)
		}
	})
}

func TestExportMarkdown(t *testing.T) {
	j, _ := newTestJournal(t)
	e, _ := j.Save(fullEntry())
	dir := filepath.Join(t.TempDir(), "out")
	n, err := j.ExportMarkdown(dir)
	if err != nil || n != 1 {
		t.Fatalf("ExportMarkdown = %d, %v", n, err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "2026-11-24-1405-"+e.ID+".md"))
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "entry.md")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		os.WriteFile(golden, got, 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("markdown differs from %s:\n%s", golden, got)
	}
}

func TestBackupRestore(t *testing.T) {
	src, rk := newTestJournal(t)
	a, _ := src.Save(fullEntry())
	a.Takeaway = "second thoughts"
	src.now = func() time.Time { return fixedNow.Add(time.Minute) }
	a, _ = src.Save(a)
	gone, _ := src.Save(Entry{WhatHappened: "deleted later"})
	if err := src.Delete(gone.ID); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := src.Backup(&buf); err != nil {
		t.Fatal(err)
	}
	assertNoPlaintextIn(t, buf.Bytes(), "second thoughts", "parcel", "deleted later")

	check := func(t *testing.T, j *Journal) {
		t.Helper()
		got, err := j.Entry(a.ID)
		if err != nil || !reflect.DeepEqual(got, a) {
			t.Errorf("restored entry = %+v, %v", got, err)
		}
		if tr, _ := j.Trash(); len(tr) != 1 || tr[0].Entry.ID != gone.ID {
			t.Errorf("restored trash = %+v", tr)
		}
		if h, _ := j.History(a.ID); len(h) != 1 {
			t.Errorf("restored history = %d versions, want 1", len(h))
		}
	}
	tests := []struct{ name, secret string }{
		{"new machine with passphrase", testPass},
		{"new machine with recovery key", rk},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := Open(t.TempDir())
			res, err := j.Restore(bytes.NewReader(buf.Bytes()), tt.secret)
			if err != nil {
				t.Fatal(err)
			}
			if res.Added != 1 {
				t.Errorf("restore = %+v", res)
			}
			check(t, j)
			j.Lock()
			if err := j.Unlock(testPass); err != nil {
				t.Errorf("backup's passphrase does not open the restored journal: %v", err)
			}
		})
	}
	t.Run("into another journal, twice", func(t *testing.T) {
		j, _ := newTestJournal(t)
		for range 2 {
			if _, err := j.Restore(bytes.NewReader(buf.Bytes()), testPass); err != nil {
				t.Fatal(err)
			}
		}
		check(t, j)
	})
	t.Run("wrong passphrase", func(t *testing.T) {
		j := Open(t.TempDir())
		if _, err := j.Restore(bytes.NewReader(buf.Bytes()), "nope"); !errors.Is(err, ErrWrongPassphrase) {
			t.Errorf("err = %v", err)
		}
		if j.IsSetUp() {
			t.Error("a failed restore set the journal up")
		}
	})
	t.Run("not a backup", func(t *testing.T) {
		j := Open(t.TempDir())
		if _, err := j.Restore(strings.NewReader("hello"), testPass); !errors.Is(err, ErrNotBackup) {
			t.Errorf("err = %v", err)
		}
	})
}

func assertNoPlaintextIn(t *testing.T, data []byte, needles ...string) {
	t.Helper()
	for _, n := range needles {
		if bytes.Contains(data, []byte(n)) {
			t.Errorf("backup holds %q in plain text", n)
		}
	}
}

func TestPersonalData(t *testing.T) {
	e := Entry{WhatHappened: "She gave card 4111 1111 1111 1111", Takeaway: "mail jo@example.com", Tags: []string{"+44 20 7946 0958"}}
	fs := e.PersonalData()
	var fields []string
	for _, f := range fs {
		fields = append(fields, f.Field+":"+string(f.Kind))
	}
	want := []string{"what_happened:card", "takeaway:email", "tags:phone"}
	if !reflect.DeepEqual(fields, want) {
		t.Errorf("findings = %v, want %v", fields, want)
	}
	m := e.MaskPersonalData()
	if len(m.PersonalData()) != 0 || e.WhatHappened == m.WhatHappened || e.Tags[0] == m.Tags[0] {
		t.Errorf("masked = %+v", m)
	}
}
