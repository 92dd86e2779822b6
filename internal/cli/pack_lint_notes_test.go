package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// notesFolder is a folder of notes with no pack.toml: 7 links to notes
// nobody wrote, one to a missing heading, and what notes written for
// another app hold that is not a problem.
func notesFolder(t *testing.T) string {
	files := map[string]string{
		"Home.md": "---\naliases: [Start]\ncssclasses: wide\npublish: true\n---\n" +
			"See [[Refunds#Nowhere]] and [app](obsidian://open?vault=x), [abs](/x.md), [out](../y.md).\n",
		"Refunds.md": "## Late\n\nWait three days.\n",
	}
	for i := range 7 {
		files[fmt.Sprintf("n%d.md", i)] = fmt.Sprintf("Links to [[Missing %d]].\n", i)
	}
	return writePack(t, files)
}

func TestPackLintNotesSummary(t *testing.T) {
	dir := notesFolder(t)
	code, stdout, stderr := run(t, "pack", "lint", dir)
	if code != ExitError || stderr != "poise: 8 problems in "+dir+"\n" {
		t.Errorf("exit code = %d, stderr %q", code, stderr)
	}
	want := dir + ": 9 items, 8 problems:\n" +
		"  7 links point to notes or files that do not exist; the first 5:\n" +
		"    " + filepath.Join(dir, "n0.md") + `:1: Link "[[Missing 0]]" names a note that does not exist; create Missing 0.md or correct the name.` + "\n"
	if !strings.HasPrefix(stdout, want) {
		t.Errorf("stdout:\n%s\nwant it to start:\n%s", stdout, want)
	}
	for _, line := range []string{
		"  1 link names a heading its note does not have:\n    " + filepath.Join(dir, "Home.md") + `:6: Link "[[Refunds#Nowhere]]" names a heading that Refunds.md does not have; correct the heading's words.` + "\n",
		"Add --all to list every problem.\n",
	} {
		if !strings.Contains(stdout, line) {
			t.Errorf("stdout lacks %q:\n%s", line, stdout)
		}
	}
	if n := strings.Count(stdout, "\n"); n != 10 {
		t.Errorf("%d lines, want 10:\n%s", n, stdout)
	}

	_, all, _ := run(t, "pack", "lint", "--all", dir)
	if n := strings.Count(all, "\n"); n != 8 {
		t.Errorf("--all printed %d lines, want one per problem:\n%s", n, all)
	}

	_, js, _ := run(t, "pack", "lint", "--json", dir)
	var rep lintReport
	if err := json.Unmarshal([]byte(js), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) != 8 || len(rep.Summary) != 2 || rep.Summary[0].Group != "missing-note" || rep.Summary[0].Count != 7 || len(rep.Summary[0].First) != 5 {
		t.Errorf("JSON summary = %+v", rep.Summary)
	}
}

// A file name is whatever the notes' author typed: an escape sequence in
// one must not reach the terminal from lint, and a problem about a whole
// file has no line to show (it printed "big.md:0:").
func TestPackLintEscapesNamesAndLeavesOutLineZero(t *testing.T) {
	evil := "evil\x1b[2J\x1b[31mname.md"
	dir := writePack(t, map[string]string{
		evil:     "Links to [[Nowhere]].\n",
		"big.md": strings.Repeat("A line of a very long note.\n", 160_000),
	})
	for _, args := range [][]string{{"pack", "lint", dir}, {"pack", "lint", "--all", dir}} {
		_, stdout, stderr := run(t, args...)
		if strings.ContainsRune(stdout+stderr, 0x1b) {
			t.Errorf("%v printed an escape sequence:\n%q", args, stdout)
		}
		if strings.Contains(stdout, "big.md:0:") || !strings.Contains(stdout, "big.md: ") {
			t.Errorf("%v: the whole-file problem shows line 0 or is missing:\n%s", args, stdout)
		}
	}
}
