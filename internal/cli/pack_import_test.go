package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/internal/numtext"
	"github.com/poisehq/poise/kb"
)

// vaultFixture is the Obsidian-style folder kb's tests load: wikilinks,
// embeds, callouts, unknown properties, inline tags, a non-Latin file name
// and one link to a note nobody wrote.
const vaultFixture = "../../kb/testdata/packs/notes-vault"

// copyVault copies the fixture and adds what an import leaves out.
func copyVault(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "Desk Notes")
	if err := os.CopyFS(dir, os.DirFS(vaultFixture)); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{".obsidian/app.json": "{}", "floor plan.png": "\x89PNG", "b.png": "", "c.png": "", "d.png": ""} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestPackImport(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	dir := copyVault(t)
	code, stdout, stderr := run(t, "--data-dir", data, "pack", "import", dir)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	want := "Imported " + dir + ` as "Desk Notes" (pack desk-notes 1.0.0).
  6 notes became 10 items: 7 guides, 3 templates
  left out 5 files:
    4 pictures (a note that embeds one shows a placeholder): b.png, c.png, d.png, …
    1 hidden files and folders (names starting with . or _, such as an app's settings): .obsidian
  1 problem (Poise uses everything else):
    1 link points to a note or file that does not exist:
      Home.md:12: Link "[[Loyalty scheme]]" names a note that does not exist; create Loyalty scheme.md or correct the name.
  Fix them in the folder and import again; poise pack lint --all ` + filepath.Join(data, "packs", "desk-notes") + " lists every one.\n"
	if stdout != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", stdout, want)
	}

	// Installed, found by search through its aliases, and linted as notes.
	code, stdout, _ = run(t, "--data-dir", data, "search", "--json", "concierge")
	if code != ExitOK || !strings.Contains(stdout, `"desk-notes/home"`) {
		t.Errorf("search by alias: exit %d\n%s", code, stdout)
	}

	// Again, unchanged; then with a note edited, as JSON: the greeting and
	// the home note that embeds it changed.
	code, stdout, _ = run(t, "--data-dir", data, "pack", "import", dir)
	if code != ExitOK || !strings.HasPrefix(stdout, "Nothing changed in "+dir) {
		t.Errorf("re-import: exit %d\n%s", code, stdout)
	}
	os.WriteFile(filepath.Join(dir, "Greeting.md"), []byte("Good afternoon, thanks for calling.\n"), 0o644)
	code, stdout, _ = run(t, "--data-dir", data, "pack", "import", "--json", dir)
	var rep importReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("exit %d, not JSON: %v\n%s", code, err, stdout)
	}
	if code != ExitOK || !rep.Installed || rep.Version != "1.0.1" || rep.Notes != 6 || rep.Counts[kb.KindTemplate] != 3 ||
		rep.Changes == nil || len(rep.Changes.Changed) != 2 || len(rep.Problems) != 1 || rep.Problems[0].Count != 1 || len(rep.Skipped) != 2 {
		t.Errorf("JSON report = %+v", rep)
	}
}

func TestPackImportRefusesPack(t *testing.T) {
	dir := writePack(t, goodPack)
	code, _, stderr := run(t, "--data-dir", t.TempDir(), "pack", "import", dir)
	if code != ExitError || !strings.Contains(stderr, "poise pack install") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = run(t, "--data-dir", t.TempDir(), "pack", "import", "--id", "Bad Id", copyVault(t))
	if code != ExitError || !strings.Contains(stderr, "not valid") {
		t.Errorf("bad id: exit %d, stderr %q", code, stderr)
	}
}

// Issue 12: pack install takes a plain folder, as an unsigned pack.
func TestPackInstallPlainFolder(t *testing.T) {
	data := t.TempDir()
	dir := copyVault(t)
	code, stdout, stderr := run(t, "--data-dir", data, "pack", "install", "--allow-unsigned", dir)
	if code != ExitOK || !strings.Contains(stdout, "Installed desk-notes 1.0.0.") {
		t.Errorf("exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestPackImportGroupsDigits: a folder of thousands of notes printed
// "1500 notes became 6000 items"; the counts people read are grouped as
// their locale groups digits, and --json keeps plain numbers.
func TestPackImportGroupsDigits(t *testing.T) {
	const notes = 1001
	dir := filepath.Join(t.TempDir(), "Big Desk")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range notes {
		body := fmt.Sprintf("# Note %d\n\nWhat to say about case %d.\n", i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("note %04d.md", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	grouped := numtext.Count(notes)
	if grouped == fmt.Sprint(notes) {
		t.Skipf("this locale groups no digits (%s)", grouped)
	}
	code, stdout, stderr := run(t, "--data-dir", filepath.Join(t.TempDir(), "data"), "pack", "import", dir)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if want := "  " + grouped + " notes became " + grouped + " items"; !strings.Contains(stdout, want) {
		t.Errorf("stdout:\n%s\nwant a line starting %q", stdout, want)
	}
	code, stdout, _ = run(t, "--data-dir", filepath.Join(t.TempDir(), "data2"), "pack", "import", "--json", dir)
	if code != ExitOK || !strings.Contains(stdout, fmt.Sprintf(`"notes": %d,`, notes)) {
		t.Errorf("--json: exit %d, want plain \"notes\": %d\n%.400s", code, notes, stdout)
	}
}
