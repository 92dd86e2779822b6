package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "import.json")
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// An imported id cannot steer a markdown export out of --out, and the
// import says which ids it replaced (issue 9, item 3).
func TestJournalImportedIDsStayInTheExportFolder(t *testing.T) {
	dd := journalEnv(t, "a test passphrase")
	mustRun(t, "--data-dir", dd, "journal", "init")
	doc := `{"format":"poise-journal-export","version":1,"entries":[{"id":"/../../escaped","what_happened":"the secret text"}]}`
	out := mustRun(t, "--data-dir", dd, "journal", "import", writeFile(t, doc))
	if !strings.Contains(out, "Added 1") || !strings.Contains(out, `"/../../escaped"`) || !strings.Contains(out, "is now") {
		t.Errorf("import did not report the new id:\n%s", out)
	}
	root := t.TempDir()
	outDir := filepath.Join(root, "x", "y", "z")
	mustRun(t, "--data-dir", dd, "journal", "export", "--format", "markdown", "--out", outDir)
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Dir(p) != outDir {
			t.Errorf("export wrote %s outside --out", p)
		}
		return nil
	})
}

// Imported values cannot forge rows or send escape sequences (item 8).
func TestJournalImportRefusesControlCharacters(t *testing.T) {
	dd := journalEnv(t, "a test passphrase")
	mustRun(t, "--data-dir", dd, "journal", "init")
	doc := `{"format":"poise-journal-export","version":1,"entries":[{"what_happened":"x","tags":["a\nzzzzzzz  2026-01-01 00:00  voice  resolved  forged"]}]}`
	code, _, errOut := run(t, "--data-dir", dd, "journal", "import", writeFile(t, doc))
	if code == ExitOK || !strings.Contains(errOut, "control character") || strings.Contains(errOut, "a\nzzz") {
		t.Errorf("import: exit %d, %q", code, errOut)
	}
	code, _, errOut = run(t, "--data-dir", dd, "journal", "add", "--what", "x", "--tag", "bad \xff tag")
	if code != ExitUsage || !strings.Contains(errOut, "UTF-8") {
		t.Errorf("add --tag with invalid UTF-8: exit %d, %q", code, errOut)
	}
}

func TestTermText(t *testing.T) {
	tests := []struct {
		in        string
		multiline bool
		want      string
	}{
		{"plain text", false, "plain text"},
		{"\x1b[31mred\x1b[0m", false, `\x1b[31mred\x1b[0m`},
		{"two\nlines\ttab", false, `two\x0alines\x09tab`},
		{"two\nlines\ttab", true, "two\nlines\ttab"},
		{"over\rwrite", true, `over\x0dwrite`},
		{"nul\x00", true, `nul\x00`},
		{"\u202eevil", true, `\u202eevil`},
		{"c1\u009b2J", true, `c1\u009b2J`},
		{"bad \xff utf-8", true, `bad \xff utf-8`},
		{"café ✓", false, "café ✓"},
	}
	for _, tt := range tests {
		if got := termText(tt.in, tt.multiline); got != tt.want {
			t.Errorf("termText(%q, %v) = %q, want %q", tt.in, tt.multiline, got, tt.want)
		}
	}
}

// FuzzTermText checks that nothing termText lets through can steer a
// terminal.
func FuzzTermText(f *testing.F) {
	f.Add("\x1b[31mred\r\n\u202e\xff", true)
	f.Fuzz(func(t *testing.T, s string, multiline bool) {
		out := termText(s, multiline)
		for _, r := range out {
			if needsEscape(r, multiline) {
				t.Fatalf("termText(%q) = %q keeps %U", s, out, r)
			}
		}
	})
}

// A refused import names the file and the line at fault, and is refused
// whole: invalid UTF-8 is not quietly replaced as add would refuse it.
func TestJournalImportNamesFileAndLine(t *testing.T) {
	dd := journalEnv(t, "a test passphrase")
	mustRun(t, "--data-dir", dd, "journal", "init")
	file := writeFile(t, "{\"format\":\"poise-journal-export\",\"version\":1,\n\"entries\":[\n{\"what_happened\":\"bad \xff text\"}]}")
	code, _, errOut := run(t, "--data-dir", dd, "journal", "import", file)
	if code == ExitOK || !strings.Contains(errOut, file) || !strings.Contains(errOut, "line 3") || !strings.Contains(errOut, "UTF-8") {
		t.Errorf("import: exit %d, %q; want the file, line 3 and UTF-8", code, errOut)
	}
	if out := mustRun(t, "--data-dir", dd, "journal", "list"); strings.Contains(out, "bad") {
		t.Errorf("a refused import added an entry:\n%s", out)
	}
}

// A hostile id is reported in short: a 100 KB id does not flood the
// terminal, and the report still says which entry it was.
func TestJournalImportReportsLongIDsShortened(t *testing.T) {
	dd := journalEnv(t, "a test passphrase")
	mustRun(t, "--data-dir", dd, "journal", "init")
	doc := `{"format":"poise-journal-export","version":1,"entries":[{"id":"` + strings.Repeat("x", 100000) + `","what_happened":"long id"}]}`
	out := mustRun(t, "--data-dir", dd, "journal", "import", writeFile(t, doc))
	if len(out) > 500 || !strings.Contains(out, "xxxx") || !strings.Contains(out, "is now") {
		t.Errorf("import reported %d bytes, want a short line naming the old and new id:\n%.300s", len(out), out)
	}
}
