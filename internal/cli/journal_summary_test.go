package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/poisehq/poise/journal"
)

// summaryJournal sets up a journal with a few November 2026 calls.
func summaryJournal(t *testing.T) string {
	t.Helper()
	dd := journalEnv(t, "summary passphrase")
	mustRun(t, "--data-dir", dd, "journal", "init")
	j := journal.Open(journalDir(dd))
	if err := j.Unlock("summary passphrase"); err != nil {
		t.Fatal(err)
	}
	defer j.Lock()
	for i := range 5 {
		e := journal.Entry{When: time.Date(2026, 11, 2+i, 10, 0, 0, 0, time.Local), WhatHappened: "Charged twice, very upset",
			Triggers: []journal.Trigger{journal.TriggerBilling}, Emotions: []string{"angry"}, Difficulty: 4,
			Outcome: journal.OutcomeResolved, TriedItems: []string{"builtin/matrix/double-charge"}}
		if i == 0 {
			e.Takeaway = "Write to jane@example.com before promising a refund"
		}
		if _, err := j.Save(e); err != nil {
			t.Fatal(err)
		}
	}
	return dd
}

func TestJournalSummaryExitCodes(t *testing.T) {
	dd := summaryJournal(t)
	tests := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"month 13", []string{"2026-13"}, ExitUsage, "Write the month as YYYY-MM"},
		{"words", []string{"last week"}, ExitUsage, "Write the month as YYYY-MM"},
		{"two words", []string{"last", "week"}, ExitUsage, "takes one month"},
		{"bad year", []string{"--year", "26"}, ExitUsage, "Write the month as YYYY-MM"},
		{"two formats", []string{"2026-11", "--json", "--html"}, ExitUsage, "choose one of"},
		{"takeaway without export", []string{"2026-11", "--takeaway", "1"}, ExitUsage, "--takeaway only"},
		{"takeaway out of range", []string{"2026-11", "--export", "--takeaway", "7"}, ExitUsage, "no takeaway 7"},
		{"future month", []string{"2031-01"}, ExitOK, ""},
		{"empty month", []string{"2020-01"}, ExitOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(t, append([]string{"--data-dir", dd, "journal", "summary"}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\n%s%s", code, tt.code, out, errOut)
			}
			if tt.code == ExitUsage && (strings.Count(errOut, "\n") != 2 || !strings.Contains(errOut, tt.err)) {
				t.Errorf("stderr = %q, want the error and one hint with %q", errOut, tt.err)
			}
		})
	}
	_, out, _ := run(t, "--data-dir", dd, "journal", "summary", "2031-01")
	if !strings.Contains(out, "January 2031 has not happened yet") {
		t.Errorf("future month says:\n%s", out)
	}
}

func TestJournalSummaryFormats(t *testing.T) {
	dd := summaryJournal(t)
	out := mustRun(t, "--data-dir", dd, "journal", "summary", "2026-11", "--json")
	var s struct {
		Entries   int `json:"entries"`
		Headlines []struct{ Text string }
		ReadNext  []struct{ ID string } `json:"read_next"`
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if s.Entries != 5 || len(s.Headlines) == 0 {
		t.Errorf("summary = %+v", s)
	}
	for _, r := range s.ReadNext {
		if strings.HasPrefix(r.ID, "builtin/matrix/double-charge") {
			t.Errorf("suggests %s, which the agent already uses with success", r.ID)
		}
	}
	if len(s.ReadNext) == 0 {
		t.Errorf("no reading suggested for billing and angry customers")
	}
	md := mustRun(t, "--data-dir", dd, "journal", "summary", "2026-11")
	if !strings.HasPrefix(md, "# Summary for November 2026") {
		t.Errorf("markdown starts:\n%.200s", md)
	}
	html := mustRun(t, "--data-dir", dd, "journal", "summary", "--year", "2026", "--html")
	if !strings.Contains(html, "<table>") || !strings.Contains(html, "2026 at a glance") {
		t.Errorf("html year:\n%.300s", html)
	}
}

func TestJournalSummaryExportAndMerge(t *testing.T) {
	dd := summaryJournal(t)
	dir := t.TempDir()
	a := filepath.Join(dir, "a.json")
	// Without a terminal and without --yes, nothing is written.
	code, out, errOut := run(t, "--data-dir", dd, "journal", "summary", "2026-11", "--export", "--out", a)
	if code != ExitError || !strings.Contains(out, "This is exactly what will be written") || !strings.Contains(errOut, "--yes") {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	if _, err := os.Stat(a); err == nil {
		t.Fatal("the export was written without consent")
	}
	if !strings.Contains(errOut, "1. Write to jane@example.com") {
		t.Errorf("the takeaways to pick from are not listed:\n%s", errOut)
	}
	mustRun(t, "--data-dir", dd, "journal", "summary", "2026-11", "--export", "--out", a, "--yes")
	data, _ := os.ReadFile(a)
	if strings.Contains(string(data), "Charged twice") || strings.Contains(string(data), "jane") {
		t.Errorf("export holds free text:\n%s", data)
	}
	b := filepath.Join(dir, "b.json")
	preview := mustRun(t, "--data-dir", dd, "journal", "summary", "2026-11", "--export", "--takeaway", "1", "--out", b, "--yes")
	data, _ = os.ReadFile(b)
	if !strings.Contains(string(data), "•••@example.com before promising a refund") || !strings.Contains(preview, string(data)) {
		t.Errorf("picked takeaway not masked, or not shown as written:\n%s\n---\n%s", data, preview)
	}
	c := filepath.Join(dir, "c.json")
	os.WriteFile(c, data, 0o600)
	// c is b forwarded again: one person, counted once.
	team := mustRun(t, "journal", "summary", "merge", a, b, c)
	if !strings.Contains(team, "10 calls from 2 people.") || !strings.Contains(team, "1 export was given twice") {
		t.Errorf("team view:\n%s", team)
	}
	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"format":"something else"}`), 0o600)
	code, _, errOut = run(t, "journal", "summary", "merge", a, bad)
	if code != ExitError || !strings.Contains(errOut, "bad.json") {
		t.Errorf("merge of a bad file: exit %d, %s", code, errOut)
	}
	if code, _, _ := run(t, "journal", "summary", "merge"); code != ExitUsage {
		t.Errorf("merge without files: exit %d", code)
	}
}

// --out into the data folder would leave an unencrypted summary there, or
// overwrite the journal's own key (identity.age) with plain text.
func TestJournalSummaryOutRefusesTheDataFolder(t *testing.T) {
	dd := summaryJournal(t)
	key := filepath.Join(journalDir(dd), "identity.age")
	before, err := os.ReadFile(key)
	if err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{key, filepath.Join(dd, "november.md")} {
		code, _, errOut := run(t, "--data-dir", dd, "journal", "summary", "2026-11", "--out", out)
		if code != ExitUsage || !strings.Contains(errOut, "data folder") {
			t.Errorf("--out %s: exit %d, want %d and a hint\n%s", out, code, ExitUsage, errOut)
		}
	}
	if after, _ := os.ReadFile(key); string(after) != string(before) {
		t.Fatal("the summary overwrote the journal's key")
	}
	if _, err := os.Stat(filepath.Join(dd, "november.md")); err == nil {
		t.Error("an unencrypted summary was written into the data folder")
	}
	if code, _, errOut := run(t, "--data-dir", dd, "journal", "summary", "2026-11", "--out", filepath.Join(t.TempDir(), "n.md")); code != ExitOK {
		t.Errorf("--out elsewhere: exit %d\n%s", code, errOut)
	}
}
