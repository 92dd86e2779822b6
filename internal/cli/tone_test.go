package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runWithStdin runs the command line with stdin as its standard input.
func runWithStdin(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Run(args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Version: "test"})
	return code, out.String(), errOut.String()
}

func TestToneFindsPhrasesInADraft(t *testing.T) {
	data := t.TempDir()
	draft := "Hi Sam,\n\nI understand your frustration. We're looking into it\nand will fix it as soon as possible.\n"
	code, stdout, stderr := runWithStdin(t, draft, "--data-dir", data, "tone")
	if code != ExitError {
		t.Errorf("exit code = %d, want %d (findings)", code, ExitError)
	}
	for _, want := range []string{
		`stdin:3:1: "I understand your frustration"`,
		`stdin:3:32: "We're looking into it"`,
		`stdin:4:17: "as soon as possible"`,
		"  try: ",
		"  why: ",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if want := "poise: 3 phrases to reconsider in stdin\n"; stderr != want {
		t.Errorf("stderr = %q, want %q", stderr, want)
	}
}

func TestToneCleanDraftFromFile(t *testing.T) {
	data := t.TempDir()
	file := filepath.Join(t.TempDir(), "reply.txt")
	if err := os.WriteFile(file, []byte("I've refunded the second payment today.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "--data-dir", data, "tone", file)
	if code != ExitOK || stderr != "" {
		t.Errorf("exit code = %d, stderr %q; want 0 and nothing", code, stderr)
	}
	if want := file + ": no phrases to reconsider\n"; stdout != want {
		t.Errorf("stdout = %q, want %q", stdout, want)
	}
}

func TestToneJSON(t *testing.T) {
	code, stdout, _ := runWithStdin(t, "Per my last email, the \x1b[31mrefund\x1b[0m is done.", "--data-dir", t.TempDir(), "tone", "--json", "-")
	if code != ExitError {
		t.Errorf("exit code = %d, want %d", code, ExitError)
	}
	var rep toneReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if len(rep.Findings) != 1 {
		t.Fatalf("findings = %+v, want one", rep.Findings)
	}
	f := rep.Findings[0]
	if f.Matched != "Per my last email" || f.Line != 1 || f.Column != 1 || f.Start != 0 || f.End != 17 || !strings.HasPrefix(f.Item, "builtin/phrases/") || len(f.Try) == 0 || f.Why == "" {
		t.Errorf("finding = %+v", f)
	}
}

// TestToneJSONRewritesTheClause: the rewrite replaces the clause the phrase
// sits in, leaves the other sentences alone, and leaves placeholders for
// what the agent must add, never a date of its own.
func TestToneJSONRewritesTheClause(t *testing.T) {
	draft := "Hi Sam,\n\nThanks for your note. Sorry, that's our policy. I'll call you on Monday.\n\nBest,\nAlex"
	code, stdout, _ := runWithStdin(t, draft, "--data-dir", t.TempDir(), "tone", "--json")
	if code != ExitError {
		t.Errorf("exit code = %d, want %d", code, ExitError)
	}
	var rep toneReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if len(rep.Findings) != 1 {
		t.Fatalf("findings = %+v, want one", rep.Findings)
	}
	f := rep.Findings[0]
	if f.Clause.Text != "Sorry, that's our policy" || draft[f.Clause.Start:f.Clause.End] != f.Clause.Text {
		t.Errorf("clause = %+v", f.Clause)
	}
	if len(f.Rewrites) < 2 {
		t.Fatalf("rewrites = %+v", f.Rewrites)
	}
	rw := f.Rewrites[0]
	if draft[rw.Start:rw.End] != "Sorry, that's our policy." || rw.Text != "We do it this way because {{reason}}. Here's what I can offer within it." ||
		strings.Join(rw.Blanks, ",") != "reason" {
		t.Errorf("rewrite = %+v", rw)
	}
	want := "Hi Sam,\n\nThanks for your note. We do it this way because {{reason}}. Here's what I can offer within it. I'll call you on Monday.\n\nBest,\nAlex"
	if rep.Rewritten != want {
		t.Errorf("rewritten = %q, want %q", rep.Rewritten, want)
	}
	_, stdout, _ = runWithStdin(t, draft, "--data-dir", t.TempDir(), "tone")
	if !strings.Contains(stdout, "  in:  Sorry, that's our policy\n  try: We do it this way because {{reason}}.") {
		t.Errorf("text output lacks the clause and its rewrite:\n%s", stdout)
	}
}

func TestToneKeepsTerminalSafe(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a\x1b[2Jb.txt")
	if err := os.WriteFile(file, []byte("To be honest, no."), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stdout, stderr := run(t, "--data-dir", t.TempDir(), "tone", file)
	if strings.Contains(stdout+stderr, "\x1b") {
		t.Errorf("an escape sequence from the file name reached the terminal: %q %q", stdout, stderr)
	}
	if !strings.Contains(stdout, "a [2Jb.txt:1:1: \"To be honest\"") {
		t.Errorf("stdout = %q, want the file name with the escape shown as a space", stdout)
	}
}

func TestToneUsage(t *testing.T) {
	code, _, stderr := run(t, "tone", "a.txt", "b.txt")
	if code != ExitUsage || !strings.Contains(stderr, "checks one draft") {
		t.Errorf("exit code %d, stderr %q", code, stderr)
	}
	code, _, stderr = run(t, "--data-dir", t.TempDir(), "tone", filepath.Join(t.TempDir(), "missing.txt"))
	if code != ExitError || !strings.Contains(stderr, "Pass a text file") {
		t.Errorf("exit code %d, stderr %q", code, stderr)
	}
}

func TestPackLintWarnsAboutToneInScripts(t *testing.T) {
	opt := func(title, say string) string {
		return "\n### " + title + "\n- **Say:** \"" + say + "\"\n- **When:** Always.\n- **Authority:** agent\n"
	}
	dir := writePack(t, map[string]string{
		"pack.toml": "id = \"acme\"\nname = \"Acme\"\nversion = \"1.0.0\"\n",
		"matrix/late.md": "---\ntitle: Late\n---\nSummary.\n\n## Options\n" +
			opt("Refund", "I understand your frustration. I've refunded the delivery charge.") +
			opt("Trace", "I'm opening a trace now.") + opt("Resend", "I'm sending another today."),
	})
	code, stdout, stderr := run(t, "pack", "lint", dir)
	if code != ExitOK || stderr != "" {
		t.Errorf("exit code = %d, stderr %q; warnings alone must not fail the lint", code, stderr)
	}
	want := filepath.Join(dir, "matrix", "late.md") + `:9: warning: option 1 (Refund) says "I understand your frustration", a phrase to avoid (builtin/phrases/dismissive#`
	if !strings.Contains(stdout, want) {
		t.Errorf("stdout lacks %q:\n%s", want, stdout)
	}
	if !strings.Contains(stdout, "no problems in 1 item (1 tone warning)") {
		t.Errorf("stdout lacks the warning count:\n%s", stdout)
	}

	code, stdout, _ = run(t, "pack", "lint", "--json", dir)
	var rep lintReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil || code != ExitOK {
		t.Fatalf("exit %d, not JSON: %v\n%s", code, err, stdout)
	}
	if len(rep.Problems) != 0 || len(rep.Warnings) != 1 || rep.Warnings[0].Line != 9 || !strings.Contains(rep.Warnings[0].Message, "I understand your frustration") {
		t.Errorf("report = %+v, want no problems and the one warning at line 9", rep)
	}
}
