package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A pack's headings and file names reach the terminal: an escape sequence
// in them (a window title set with OSC 0, a screen cleared) is shown
// escaped, never sent to the terminal, in results and in load warnings.
func TestSearchTextEscapesControlCharacters(t *testing.T) {
	dataDir := t.TempDir()
	pack := filepath.Join(dataDir, "packs", "evil")
	os.MkdirAll(pack, 0o755)
	os.WriteFile(filepath.Join(pack, "a.md"), []byte("# Heading \x1b]0;pwned\x07 here\n\nbody zebrafrob one\n"), 0o644)
	os.WriteFile(filepath.Join(pack, "bad\x1b[2J.md"), []byte("---\ntitle: [unclosed\n---\n# Bad\n\nzebrafrob two\n"), 0o644)
	code, stdout, stderr := run(t, "--data-dir", dataDir, "search", "zebrafrob")
	if code != ExitOK || !strings.Contains(stdout, "evil/a") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	for name, s := range map[string]string{"stdout": stdout, "stderr": stderr} {
		if strings.ContainsAny(s, "\x1b\x07") {
			t.Errorf("%s sends control characters to the terminal: %q", name, s)
		}
	}
}
