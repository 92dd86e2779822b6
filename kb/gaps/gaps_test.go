package gaps

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

var today = time.Date(2026, 11, 25, 14, 0, 0, 0, time.UTC)

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"card number", "refund to card 4111 1111 1111 1111 please", "refund to card [card] please"},
		{"e-mail", "Reset password for Jane.Doe@Example.com", "reset password for [email]"},
		{"phone", "call back +44 20 7946 0958 tomorrow", "call back [phone] tomorrow"},
		{"account number", "account no: 12345678 frozen", "account no: [account] frozen"},
		{"spaces and case", "  Late   REFUND ", "late refund"},
		{"control characters", "late\x1b[31m refund\u202e", "late [31m refund"},
		{"too short", "ab", ""},
		{"nothing but personal data", "jane@example.com 4111111111111111", ""},
		{"cut to the limit", strings.Repeat("word ", 40), strings.TrimSpace(strings.Repeat("word ", 24))},
		{"invalid UTF-8", "late \xff refund", "late refund"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestRecordMasksBeforeStoring: what reaches the disk holds no card
// number, e-mail address or phone number, only their kinds.
func TestRecordMasksBeforeStoring(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	for _, q := range []string{
		"charged twice card 4012 8888 8888 1881",
		"refund for ana.silva@example.org",
		"customer rang from 07700 900123 about delivery",
	} {
		if err := Record(path, q, NoResults, today); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"4012", "1881", "ana.silva", "example.org", "07700", "900123"} {
		if strings.Contains(string(raw), secret) {
			t.Errorf("the log holds %q:\n%s", secret, raw)
		}
	}
	got, err := Read(path)
	if err != nil {
		t.Fatal(err)
	}
	var qs []string
	for _, s := range got {
		qs = append(qs, s.Query)
	}
	want := "charged twice card [card], customer rang from [phone] about delivery, refund for [email]"
	if strings.Join(qs, ", ") != want {
		t.Errorf("queries = %s, want %s", strings.Join(qs, ", "), want)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("log mode %o, want 600", fi.Mode().Perm())
	}
}

func TestRecordCountsAndBounds(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(Record(path, "Refund late", NoResults, today))
	must(Record(path, "refund  late", NotUsed, today.AddDate(0, 0, 2)))
	must(Record(path, "xy", NoResults, today)) // too short: nothing
	got, err := Read(path)
	must(err)
	if len(got) != 1 || got[0] != (Search{Query: "refund late", NoResults: 1, NotUsed: 1, First: "2026-11-25", Last: "2026-11-27"}) {
		t.Fatalf("log = %+v", got)
	}
	// Past MaxSearches different queries, the least recent fall off.
	must(update(path, func(l *logFile) {
		for i := range MaxSearches - 1 {
			l.Searches = append(l.Searches, Search{Query: fmt.Sprintf("question %d", i), NoResults: 1, First: "2026-12-01", Last: "2026-12-01"})
		}
	}))
	must(Record(path, "one more question", NoResults, today.AddDate(0, 0, 10)))
	got, err = Read(path)
	must(err)
	if len(got) != MaxSearches {
		t.Fatalf("log holds %d searches, want %d", len(got), MaxSearches)
	}
	for _, s := range got {
		if s.Query == "refund late" {
			t.Errorf("the oldest search was kept over newer ones")
		}
	}
	must(Clear(path))
	if got, _ := Read(path); len(got) != 0 {
		t.Errorf("after Clear: %+v", got)
	}
}

// TestRecordFromTwoWriters: the app and poise search write the same log;
// the lock keeps every count.
func TestRecordFromTwoWriters(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 25 {
				if err := Record(path, "lost parcel abroad", Outcome([]string{"no_results", "not_used"}[w]), today); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	got, err := Read(path)
	if err != nil || len(got) != 1 || got[0].NoResults != 25 || got[0].NotUsed != 25 {
		t.Fatalf("log = %+v, %v; want 25 of each", got, err)
	}
}

func TestRecordReplacesBrokenLog(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	os.WriteFile(path, []byte(`{"format": "poise-gaps-log", "version": 1, "searches": [`), 0o600)
	if _, err := Read(path); !errors.Is(err, ErrBadFile) || !strings.Contains(err.Error(), FileName+":1:") {
		t.Errorf("Read of a cut log: %v, want ErrBadFile at line 1", err)
	}
	if err := Record(path, "late refund", NoResults, today); err != nil {
		t.Fatal(err)
	}
	if got, err := Read(path); err != nil || len(got) != 1 {
		t.Errorf("after Record: %+v, %v", got, err)
	}
	if _, err := os.Stat(path + ".broken"); err != nil {
		t.Errorf("the broken log was not kept aside: %v", err)
	}
}

func TestSession(t *testing.T) {
	type step struct {
		text  string // "" with used: Used(); "<end>": End()
		total int
		used  bool
	}
	tests := []struct {
		name  string
		steps []step
		want  []Gap
	}{
		{"typing one query and clearing it", []step{{"r", 9, false}, {"ref", 5, false}, {"refund abroad", 0, false}, {"", 0, false}},
			[]Gap{{"refund abroad", NoResults}}},
		{"a copy makes it no gap", []step{{"refund", 5, false}, {"", 0, true}, {"", 0, false}}, nil},
		{"used, then refined: still used", []step{{"refund", 5, false}, {"", 0, true}, {"refund late", 2, false}, {"<end>", 0, false}}, nil},
		{"replaced by another query", []step{{"refund late", 3, false}, {"lost parcel", 0, false}, {"<end>", 0, false}},
			[]Gap{{"refund late", NotUsed}, {"lost parcel", NoResults}}},
		{"backspace and a typo fixed mid-word are one query", []step{{"refnd late", 0, false}, {"refund late", 4, false}, {"refund", 8, false}, {"<end>", 0, false}},
			[]Gap{{"refund", NotUsed}}},
		{"nothing typed", []step{{"", 10, false}, {"<end>", 0, false}}, nil},
		{"used with nothing typed is no use", []step{{"", 0, true}, {"late", 0, false}, {"<end>", 0, false}}, []Gap{{"late", NoResults}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Session
			var got []Gap
			for _, st := range tt.steps {
				switch {
				case st.used:
					s.Used()
				case st.text == "<end>":
					if g, ok := s.End(); ok {
						got = append(got, g)
					}
				default:
					if g, ok := s.Shown(st.text, st.total); ok {
						got = append(got, g)
					}
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("gaps = %v, want %v", got, tt.want)
			}
		})
	}
}
