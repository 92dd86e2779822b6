package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/poisehq/poise/journal"
)

// journalEnv makes a data directory and a passphrase file, and points the
// CLI at them.
func journalEnv(t *testing.T, pass string) (dataDir string) {
	t.Helper()
	dataDir = t.TempDir()
	setSecret(t, EnvPassphraseFile, pass)
	return dataDir
}

// setSecret writes a secret to a file and names it in envVar.
func setSecret(t *testing.T, envVar, secret string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(p, []byte(secret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv(envVar, p)
}

// mustRun runs the CLI and fails the test on a non-zero exit.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errOut := run(t, args...)
	if code != ExitOK {
		t.Fatalf("poise %s: exit %d\n%s", strings.Join(args, " "), code, errOut)
	}
	return out
}

var recoveryKeyRe = regexp.MustCompile(`AGE-SECRET-KEY-1[0-9A-Z]+`)

func TestJournalCommandsEndToEnd(t *testing.T) {
	dd := journalEnv(t, "first passphrase")
	out := mustRun(t, "--data-dir", dd, "journal", "init")
	rk := recoveryKeyRe.FindString(out)
	if rk == "" || !strings.Contains(out, "only this once") {
		t.Fatalf("init did not show the recovery key:\n%s", out)
	}

	out = mustRun(t, "--data-dir", dd, "journal", "add", "--json",
		"--what", "Parcel two weeks late; third call.", "--when", "2026-11-24 14:05",
		"--channel", "voice", "--emotion", "angry,anxious", "--trigger", "delay", "--trigger", "repeat contact",
		"--tag", "parcel", "--difficulty", "4", "--stress-before", "2", "--stress-after", "5",
		"--tried", "Let her vent", "--tried-item", "builtin/guides/active-listening",
		"--worked", "naming the delay", "--didnt", "the voucher", "--outcome", "follow-up-pending",
		"--satisfaction", "3", "--takeaway", "check tracking first", "--follow-up", "2026-11-27 09:00")
	var added journal.Entry
	if err := json.Unmarshal([]byte(out), &added); err != nil {
		t.Fatalf("add --json: %v\n%s", err, out)
	}
	if added.ID == "" || len(added.Triggers) != 2 || added.Triggers[1] != journal.TriggerRepeatContact || added.Satisfaction != 3 {
		t.Errorf("added = %+v", added)
	}

	t.Run("show round trips", func(t *testing.T) {
		var shown journal.Entry
		if err := json.Unmarshal([]byte(mustRun(t, "--data-dir", dd, "journal", "show", "--json", added.ID[:5])), &shown); err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(added)
		b, _ := json.Marshal(shown)
		if string(a) != string(b) {
			t.Errorf("show = %s\nwant %s", b, a)
		}
		if md := mustRun(t, "--data-dir", dd, "journal", "show", added.ID); !strings.Contains(md, "## What happened") {
			t.Errorf("show as markdown:\n%s", md)
		}
	})
	t.Run("history after done", func(t *testing.T) {
		// "done" below edits the entry; here it has no history yet.
		var vs []journal.Entry
		if err := json.Unmarshal([]byte(mustRun(t, "--data-dir", dd, "journal", "show", "--json", "--history", added.ID)), &vs); err != nil || len(vs) != 1 {
			t.Errorf("history = %d versions, %v", len(vs), err)
		}
	})
	t.Run("list and search", func(t *testing.T) {
		mustRun(t, "--data-dir", dd, "journal", "add", "--what", "A calm chat about billing", "--trigger", "billing")
		if out := mustRun(t, "--data-dir", dd, "journal", "list"); strings.Count(out, "\n") != 2 {
			t.Errorf("list:\n%s", out)
		}
		if out := mustRun(t, "--data-dir", dd, "journal", "list", "parc"); !strings.Contains(out, added.ID) || strings.Contains(out, "billing") {
			t.Errorf("list parc:\n%s", out)
		}
		if out := mustRun(t, "--data-dir", dd, "journal", "list", "--follow-ups"); !strings.Contains(out, added.ID) || strings.Count(out, "\n") != 1 {
			t.Errorf("list --follow-ups:\n%s", out)
		}
		mustRun(t, "--data-dir", dd, "journal", "done", added.ID)
		if out := mustRun(t, "--data-dir", dd, "journal", "list", "--follow-ups", "--json"); strings.TrimSpace(out) != "[]" {
			t.Errorf("follow-ups after done:\n%s", out)
		}
		if out := mustRun(t, "--data-dir", dd, "journal", "show", "--history", added.ID); strings.Count(out, "## What happened") != 2 {
			t.Errorf("show --history after an edit:\n%s", out)
		}
	})
	t.Run("delete, trash and undelete", func(t *testing.T) {
		out := mustRun(t, "--data-dir", dd, "journal", "add", "--json", "--what", "soon gone")
		var e journal.Entry
		if err := json.Unmarshal([]byte(out), &e); err != nil {
			t.Fatal(err)
		}
		mustRun(t, "--data-dir", dd, "journal", "delete", e.ID)
		if out := mustRun(t, "--data-dir", dd, "journal", "trash"); !strings.Contains(out, e.ID) {
			t.Errorf("trash:\n%s", out)
		}
		mustRun(t, "--data-dir", dd, "journal", "undelete", e.ID)
		mustRun(t, "--data-dir", dd, "journal", "delete", e.ID)
	})
	t.Run("export then import elsewhere", func(t *testing.T) {
		export := filepath.Join(t.TempDir(), "export.json")
		mustRun(t, "--data-dir", dd, "journal", "export", "--out", export)
		other := t.TempDir()
		mustRun(t, "--data-dir", other, "journal", "init")
		if out := mustRun(t, "--data-dir", other, "journal", "import", export); !strings.Contains(out, "Added 2") {
			t.Errorf("import: %s", out)
		}
		md := filepath.Join(t.TempDir(), "md")
		mustRun(t, "--data-dir", dd, "journal", "export", "--format", "markdown", "--out", md)
		if des, _ := os.ReadDir(md); len(des) != 2 {
			t.Errorf("markdown export wrote %d files", len(des))
		}
	})
	t.Run("backup then restore on a new machine", func(t *testing.T) {
		backup := filepath.Join(t.TempDir(), "journal.backup")
		mustRun(t, "--data-dir", dd, "journal", "backup", backup)
		fresh := t.TempDir()
		if out := mustRun(t, "--data-dir", fresh, "journal", "restore", backup); !strings.Contains(out, "added 2") {
			t.Errorf("restore: %s", out)
		}
		if out := mustRun(t, "--data-dir", fresh, "journal", "show", added.ID); !strings.Contains(out, "Parcel two weeks late") {
			t.Errorf("restored entry:\n%s", out)
		}
	})
	t.Run("passwd then recover", func(t *testing.T) {
		setSecret(t, EnvNewPassphraseFile, "second passphrase")
		mustRun(t, "--data-dir", dd, "journal", "passwd")
		code, _, errOut := run(t, "--data-dir", dd, "journal", "list")
		if code != ExitError || !strings.Contains(errOut, "wrong passphrase") || !strings.Contains(errOut, "poise journal recover") {
			t.Errorf("old passphrase after passwd: exit %d, %s", code, errOut)
		}
		setSecret(t, EnvRecoveryKeyFile, rk)
		setSecret(t, EnvPassphraseFile, "third passphrase")
		mustRun(t, "--data-dir", dd, "journal", "recover")
		mustRun(t, "--data-dir", dd, "journal", "list")
	})
}

func TestJournalCommandErrors(t *testing.T) {
	dd := journalEnv(t, "a test passphrase")
	tests := []struct {
		name     string
		setup    func(t *testing.T)
		args     []string
		wantCode int
		want     string
	}{
		{"not set up", nil, []string{"journal", "list"}, ExitError, "poise journal init"},
		{"init", nil, []string{"journal", "init"}, ExitOK, ""},
		{"init twice", nil, []string{"journal", "init"}, ExitError, "already set up"},
		{"missing what happened", nil, []string{"journal", "add"}, ExitUsage, "say what happened"},
		{"unknown trigger", nil, []string{"journal", "add", "--what", "x", "--trigger", "moon"}, ExitUsage, "--tag"},
		{"difficulty out of range", nil, []string{"journal", "add", "--what", "x", "--difficulty", "9"}, ExitUsage, "between 1 and 5"},
		{"personal data stops the save", nil, []string{"journal", "add", "--what", "card 4111 1111 1111 1111"}, ExitError, "--mask"},
		{"unknown id", nil, []string{"journal", "show", "zzzz"}, ExitError, "poise journal list"},
		{"wrong passphrase", func(t *testing.T) { setSecret(t, EnvPassphraseFile, "nope") }, []string{"journal", "list"}, ExitError, "recovery key"},
		{"no terminal and no file", func(t *testing.T) { t.Setenv(EnvPassphraseFile, "") }, []string{"journal", "list"}, ExitError, EnvPassphraseFile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.setup != nil {
				tt.setup(t)
			}
			code, _, errOut := run(t, append([]string{"--data-dir", dd}, tt.args...)...)
			if code != tt.wantCode || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, tt.wantCode, tt.want)
			}
		})
	}
}

func TestJournalAddMasksPersonalData(t *testing.T) {
	dd := journalEnv(t, "a test passphrase")
	mustRun(t, "--data-dir", dd, "journal", "init")
	out := mustRun(t, "--data-dir", dd, "journal", "add", "--json", "--mask", "--what", "She read out card 4111 1111 1111 1111 and mail jo@example.com")
	var e journal.Entry
	if err := json.Unmarshal([]byte(out), &e); err != nil {
		t.Fatal(err)
	}
	if want := "She read out card [card •••• 1111] and mail •••@example.com"; e.WhatHappened != want {
		t.Errorf("saved %q, want %q", e.WhatHappened, want)
	}
}
