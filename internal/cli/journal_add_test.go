package cli

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/journal"
)

// fakeTerminal makes the CLI take standard input for a terminal.
func fakeTerminal(t *testing.T) {
	old := stdinIsTerminal
	stdinIsTerminal = func(io.Reader) bool { return true }
	t.Cleanup(func() { stdinIsTerminal = old })
}

// With no --what and a terminal, add opens $EDITOR on a private file that
// is gone afterwards, so the text stays out of ps and shell history
// (issue 9, item 13).
func TestJournalAddOpensTheEditor(t *testing.T) {
	dd := journalEnv(t, "a test passphrase")
	mustRun(t, "--data-dir", dd, "journal", "init")
	log := filepath.Join(t.TempDir(), "editor.log")
	editor := filepath.Join(t.TempDir(), "editor.sh")
	script := "#!/bin/sh\n" +
		"echo \"$1\" > " + log + "\n" +
		"stat -c '%a' \"$1\" \"$(dirname \"$1\")\" >> " + log + "\n" +
		"printf 'Typed in the editor.\\nSecond line.\\n' > \"$1\"\n"
	if err := os.WriteFile(editor, []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", editor)
	fakeTerminal(t)
	var e journal.Entry
	if err := json.Unmarshal([]byte(mustRun(t, "--data-dir", dd, "journal", "add", "--json", "--channel", "chat")), &e); err != nil {
		t.Fatal(err)
	}
	if e.WhatHappened != "Typed in the editor.\nSecond line." || e.Channel != journal.ChannelChat {
		t.Errorf("saved %+v", e)
	}
	b, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Fields(string(b))
	if len(lines) != 3 || lines[1] != "600" || lines[2] != "700" {
		t.Fatalf("editor saw %q, want the file 600 in a 700 folder", lines)
	}
	if _, err := os.Stat(filepath.Dir(lines[0])); !os.IsNotExist(err) {
		t.Errorf("the editor's folder %s is still there", filepath.Dir(lines[0]))
	}

	t.Run("an empty file saves nothing", func(t *testing.T) {
		if err := os.WriteFile(editor, []byte("#!/bin/sh\n: > \"$1\"\n"), 0o700); err != nil {
			t.Fatal(err)
		}
		if code, _, errOut := run(t, "--data-dir", dd, "journal", "add"); code != ExitUsage || !strings.Contains(errOut, "say what happened") {
			t.Errorf("exit %d, %s", code, errOut)
		}
	})
	t.Run("the help recommends the editor", func(t *testing.T) {
		out := mustRun(t, "journal", "add", "--help")
		if !strings.Contains(out, "$EDITOR") || !strings.Contains(out, "process list") {
			t.Errorf("help:\n%s", out)
		}
	})
}

// done refuses an entry without a follow-up; undelete takes a prefix
// (item 10).
func TestJournalDoneAndUndeleteByPrefix(t *testing.T) {
	dd := journalEnv(t, "a test passphrase")
	mustRun(t, "--data-dir", dd, "journal", "init")
	var e journal.Entry
	if err := json.Unmarshal([]byte(mustRun(t, "--data-dir", dd, "journal", "add", "--json", "--what", "no follow-up")), &e); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := run(t, "--data-dir", dd, "journal", "done", e.ID); code != ExitError || !strings.Contains(errOut, "no follow-up") || !strings.Contains(errOut, "--follow-ups") {
		t.Errorf("done: exit %d, %s", code, errOut)
	}
	mustRun(t, "--data-dir", dd, "journal", "delete", e.ID[:5])
	mustRun(t, "--data-dir", dd, "journal", "undelete", e.ID[:5])
	if out := mustRun(t, "--data-dir", dd, "journal", "list"); !strings.Contains(out, e.ID) {
		t.Errorf("list after undelete:\n%s", out)
	}
	// The CLI reads the vocabularies as the form shows them.
	out := mustRun(t, "--data-dir", dd, "journal", "add", "--json", "--what", "x", "--outcome", "follow up pending", "--channel", "In person", "--follow-up", "in 3 days")
	if err := json.Unmarshal([]byte(out), &e); err != nil {
		t.Fatal(err)
	}
	if e.Outcome != journal.OutcomeFollowUpPending || e.Channel != journal.ChannelInPerson || e.FollowUp.IsZero() {
		t.Errorf("add = %+v", e)
	}
}
