package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPackMineNewCopyListRevert(t *testing.T) {
	data := t.TempDir()
	mineRun := func(args ...string) (int, string, string) {
		return run(t, append([]string{"--data-dir", data, "pack", "mine"}, args...)...)
	}
	code, out, errOut := mineRun("new", "template", "Callback", "promise")
	file := filepath.Join(data, "packs", "mine", "templates", "callback-promise.md")
	if code != ExitOK || strings.TrimSpace(out) != file {
		t.Fatalf("new = %d %q %q, want the file %s", code, out, errOut, file)
	}
	if code, _, errOut := mineRun("new", "poem", "x"); code != ExitUsage || !strings.Contains(errOut, "unknown kind") {
		t.Errorf("new with a bad kind = %d %q", code, errOut)
	}
	code, out, errOut = mineRun("copy", "builtin/templates/hand-off-to-supervisor")
	if code != ExitOK || !strings.Contains(out, "is yours") {
		t.Fatalf("copy = %d %q %q", code, out, errOut)
	}
	if code, _, errOut := mineRun("copy", "builtin/templates/hand-off-to-supervisor"); code != ExitOK {
		t.Errorf("copying twice = %d %q, want the same copy", code, errOut)
	}
	code, out, _ = mineRun("list", "--json")
	var list []mineEntry
	if err := json.Unmarshal([]byte(out), &list); code != ExitOK || err != nil || len(list) != 2 {
		t.Fatalf("list = %d %q %v", code, out, err)
	}
	if list[1].Replaces != "builtin/templates/hand-off-to-supervisor" || list[0].Replaces != "" {
		t.Errorf("list = %+v", list)
	}
	// Search finds your version in place of the original.
	_, out, _ = run(t, "--data-dir", data, "search", "--json", "hand-off supervisor")
	if !strings.Contains(out, "mine/templates/hand-off-to-supervisor") || strings.Contains(out, "\"builtin/templates/hand-off-to-supervisor\"") {
		t.Errorf("search after copy:\n%s", out)
	}
	code, out, errOut = mineRun("revert", "mine/templates/hand-off-to-supervisor")
	if code != ExitOK || !strings.Contains(out, "builtin/templates/hand-off-to-supervisor") {
		t.Fatalf("revert = %d %q %q", code, out, errOut)
	}
	if code, _, errOut := mineRun("revert", "mine/templates/callback-promise"); code != ExitError || !strings.Contains(errOut, "not your version") {
		t.Errorf("revert of your own item = %d %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(data, "packs", "mine", "templates", "hand-off-to-supervisor.md")); !os.IsNotExist(err) {
		t.Error("the reverted copy is still on disk")
	}
	if code, _, errOut := run(t, "--data-dir", data, "pack", "remove", "mine"); code != ExitError || !strings.Contains(errOut, "your own writing") {
		t.Errorf("pack remove mine = %d %q", code, errOut)
	}
}

// TestPackListDoesNotAskToReviewMyPack: pack list said "due for review" of
// a brand-new My pack and of every pack without a reviewed date, while
// pack stale called the same packs "never reviewed" and not due.
func TestPackListDoesNotAskToReviewMyPack(t *testing.T) {
	data := t.TempDir()
	if code, _, errOut := run(t, "--data-dir", data, "pack", "mine", "new", "statement", "Thanks"); code != ExitOK {
		t.Fatalf("mine new: %s", errOut)
	}
	code, out, errOut := run(t, "--data-dir", data, "pack", "list")
	if code != ExitOK {
		t.Fatalf("pack list: %s", errOut)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "mine ") && strings.Contains(line, "review") {
			t.Errorf("My pack is asked to be reviewed: %q", line)
		}
	}
}

// TestPackMineListEscapesFileNames: My pack's files are named in any
// editor, and a name holding an escape sequence reached the terminal raw.
func TestPackMineListEscapesFileNames(t *testing.T) {
	data := t.TempDir()
	if code, _, errOut := run(t, "--data-dir", data, "pack", "mine", "new", "statement", "Thanks"); code != ExitOK {
		t.Fatalf("mine new: %s", errOut)
	}
	dir := filepath.Join(data, "packs", "mine", "statements")
	src := filepath.Join(dir, "thanks.md")
	body, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "x\x1b]0;pwned\x07.md"), body, 0o600); err != nil {
		t.Fatal(err)
	}
	_, out, _ := run(t, "--data-dir", data, "pack", "mine", "list")
	if strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("pack mine list printed a control character:\n%q", out)
	}
}
