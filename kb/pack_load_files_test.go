package kb

import (
	"os"
	"path/filepath"
	"testing"
)

// LoadFilesChecked resolves the links of the files it loads to the
// pack's other files, reading them for their headings only, and reports
// those files' problems, not the others'.
func TestLoadFilesCheckedResolvesLinksToOtherFiles(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"a.md": "# Alpha\n\nSee [[b#Setup]] and [[c]] and [[b#No such]].\n",
		"b.md": "# Beta\n\nAbout beta.\n\n## Setup\n\nSetup of beta: do this first.\n\n## Usage\n\nUsage of beta: then this.\n\n## Limits\n\nLimits of beta: not that.\n\nSee [[gone]].\n",
		"c.md": "# Gamma\n\nThird.\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	p, problems, err := LoadFilesChecked(os.DirFS(dir), LoadOptions{ID: "notes"}, []string{"a.md"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != 1 {
		t.Fatalf("items %v, want a.md's only", p.Items)
	}
	targets := map[string]bool{}
	for _, l := range p.Items[0].Links {
		targets[l.Target] = true
	}
	if !targets["notes/b#setup"] || !targets["notes/c"] {
		t.Errorf("links %+v, want b's section and c", p.Items[0].Links)
	}
	if len(problems) != 1 || problems[0].File != "a.md" || problems[0].Group != GroupMissingHeading {
		t.Errorf("problems %v, want a.md's link to a heading b.md does not have", problems)
	}
}
