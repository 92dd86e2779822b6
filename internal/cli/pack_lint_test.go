package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writePack writes files (path → content) into a new pack folder.
func writePack(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

var brokenPack = map[string]string{
	"pack.toml":         "id = \"acme\"\nname = \"Acme\"\nversion = \"1.0\"\n",
	"guides/calm.md":    "---\nsummary: no title here\n---\nSee [the matrix](../matrix/nowhere.md).\n",
	"templates/note.md": "---\ntitle: Note\n---\nHi {{Customer Name}}, thanks.\n",
}

func TestPackLintBrokenPack(t *testing.T) {
	dir := writePack(t, brokenPack)
	code, stdout, stderr := run(t, "pack", "lint", dir)
	if code != ExitError {
		t.Errorf("exit code = %d, want %d", code, ExitError)
	}
	want := []string{
		filepath.Join(dir, "pack.toml") + `:3: Version "1.0" is not a semantic version; write three numbers such as "1.2.0".`,
		filepath.Join(dir, "guides", "calm.md") + ":1: Missing title; add title: to the front matter (between --- lines at the top of the file).",
		filepath.Join(dir, "guides", "calm.md") + `:4: Broken link: "../matrix/nowhere.md" is not a file of this pack; fix the path (it is relative to this file) or remove the link.`,
		filepath.Join(dir, "templates", "note.md") + `:4: Placeholder "{{Customer Name}}" is not valid: use lower case letters, digits and underscores, like {{customer_name}}.`,
	}
	if got := strings.Split(strings.TrimSpace(stdout), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("stdout:\n%s\nwant:\n%s", stdout, strings.Join(want, "\n"))
	}
	if wantErr := "poise: 4 problems in " + dir + "\n"; stderr != wantErr {
		t.Errorf("stderr = %q, want %q", stderr, wantErr)
	}
}

func TestPackLintJSON(t *testing.T) {
	dir := writePack(t, brokenPack)
	code, stdout, _ := run(t, "pack", "lint", "--json", dir)
	if code != ExitError {
		t.Errorf("exit code = %d, want %d", code, ExitError)
	}
	var rep lintReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, stdout)
	}
	if rep.Pack != "acme" || len(rep.Problems) != 4 || rep.Problems[1].Line != 1 {
		t.Errorf("report = %+v, want pack acme with 4 problems, the second on line 1", rep)
	}
}

func TestPackLintCleanPack(t *testing.T) {
	dir := writePack(t, map[string]string{
		"pack.toml":      "id = \"acme\"\nname = \"Acme\"\nversion = \"1.0.0\"\n",
		"guides/calm.md": "---\ntitle: Calm\n---\nBreathe out slowly.\n",
	})
	code, stdout, stderr := run(t, "pack", "lint", dir)
	if code != ExitOK || stderr != "" {
		t.Errorf("exit code = %d, stderr %q; want 0 and nothing", code, stderr)
	}
	if want := dir + ": no problems in 1 item\n"; stdout != want {
		t.Errorf("stdout = %q, want %q", stdout, want)
	}
}

func TestPackLintMissingFolder(t *testing.T) {
	code, _, stderr := run(t, "pack", "lint", filepath.Join(t.TempDir(), "nope"))
	if code != ExitError || !strings.Contains(stderr, "Pass the folder that holds pack.toml") {
		t.Errorf("exit code = %d, stderr %q; want 1 with a hint", code, stderr)
	}
}

func TestPackLintNeedsDir(t *testing.T) {
	if code, _, _ := run(t, "pack", "lint"); code != ExitUsage {
		t.Errorf("exit code = %d, want %d", code, ExitUsage)
	}
}

func TestLibraryLoadsBuiltinPack(t *testing.T) {
	c := &cli{dataDirArg: t.TempDir()}
	lib, err := c.library()
	if err != nil {
		t.Fatalf("library: %v", err)
	}
	if len(lib.Packs) != 1 || !lib.Packs[0].Builtin || len(lib.Packs[0].Items) == 0 {
		t.Errorf("library holds %d packs, want the built-in one with items", len(lib.Packs))
	}
}

// Regression: once installed packs could no longer take the reserved id
// "builtin", the lint refused the built-in pack's own source folder, so a
// contributor could not check content/ before committing.
func TestPackLintBuiltinSource(t *testing.T) {
	code, stdout, stderr := run(t, "pack", "lint", filepath.Join("..", "..", "content"))
	if code != 0 {
		t.Fatalf("exit code = %d, stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "no problems in") {
		t.Errorf("stdout = %q, want a clean report", stdout)
	}
}

// TestPackLintReservedName: a pack that reads as the built-in one gets a
// hint about its manifest, not about which folder to pass.
func TestPackLintReservedName(t *testing.T) {
	dir := writePack(t, map[string]string{
		"pack.toml":      "id = \"acme\"\nname = \"Built-in\"\nversion = \"1.0.0\"\n",
		"guides/calm.md": "---\ntitle: Calm\n---\nBreathe out slowly.\n",
	})
	code, _, stderr := run(t, "pack", "lint", dir)
	if code != ExitError || !strings.Contains(stderr, `name "Built-in"`) || !strings.Contains(stderr, "pack.toml an id and a name of its own") {
		t.Errorf("exit code = %d, stderr %q; want 1 naming the name, with a hint", code, stderr)
	}
}
