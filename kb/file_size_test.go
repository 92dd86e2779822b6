package kb_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
)

// A note larger than kb.MaxFileBytes (a whole book exported as one file,
// which took about 1 GB to load at 46 MB) is skipped with a problem that
// names it and says to split it; the rest of the folder loads.
func TestLoadSkipsFileOverSizeLimit(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("refunds.md", "# Refunds\n\nOffer the refund first.\n")
	line := "A line of a very long manual that nobody split into pages.\n"
	write("manual.md", "# Manual\n\n"+strings.Repeat(line, kb.MaxFileBytes/len(line)+1))
	write("just-under.md", "# Just under\n\n"+strings.Repeat("x", kb.MaxFileBytes-len("# Just under\n\n")))

	p, err := kb.LoadDir(dir)
	var pe *kb.ProblemsError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v, want the problem of manual.md", err)
	}
	if len(pe.Problems) != 1 {
		t.Fatalf("problems = %v, want one", pe.Problems)
	}
	got := pe.Problems[0]
	if got.File != "manual.md" || got.Group != kb.GroupTooLarge || !strings.Contains(got.Message, "split it") || !strings.Contains(got.Message, "MB") {
		t.Errorf("problem = %+v, want manual.md too large, saying to split it", got)
	}
	ids := map[string]bool{}
	for _, it := range p.Items {
		ids[it.Source.File] = true
	}
	if ids["manual.md"] || !ids["refunds.md"] || !ids["just-under.md"] {
		t.Errorf("items come from %v, want refunds.md and just-under.md only", ids)
	}
	if s := kb.Summarize(pe.Problems, 0); len(s) != 1 || !strings.Contains(s[0].Summary, "too large") {
		t.Errorf("summary = %+v", s)
	}
}
