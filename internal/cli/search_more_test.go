package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// Statements for one situation come as one result in the terminal too:
// the text says how many more there are, the JSON lists them under it.
func TestSearchCommandFoldsOneSituation(t *testing.T) {
	dataDir := t.TempDir()
	code, stdout, stderr := run(t, "--data-dir", dataDir, "search", "--limit", "3", "waited", "too", "long")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if n := strings.Count(stdout, "Waited too long"); n != 1 {
		t.Errorf("%d results titled Waited too long, want 1:\n%s", n, stdout)
	}
	if !strings.Contains(stdout, "more like this") {
		t.Errorf("no 'more like this':\n%s", stdout)
	}
	code, stdout, stderr = run(t, "--data-dir", dataDir, "search", "--json", "--limit", "3", "waited", "too", "long")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var out struct {
		Results []struct {
			ID, Title string
			More      []struct{ ID, Title string }
		}
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("output is not a JSON object: %v\n%s", err, stdout)
	}
	hits := out.Results
	if len(hits) == 0 || len(hits[0].More) < 2 {
		t.Fatalf("want the first result to carry the others for its situation, got %s", stdout)
	}
	for _, m := range hits[0].More {
		if !strings.HasPrefix(m.Title, hits[0].Title) {
			t.Errorf("%s %q is under %q", m.ID, m.Title, hits[0].Title)
		}
	}
}

// A search that finds nothing names the nearest one that does.
func TestSearchCommandSuggests(t *testing.T) {
	code, stdout, stderr := run(t, "--data-dir", t.TempDir(), "search", "rfnd", "delvry")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "No matches") || !strings.Contains(stdout, "poise search refund delivery") {
		t.Errorf("stdout %q, want no matches and the respelt search", stdout)
	}
}
