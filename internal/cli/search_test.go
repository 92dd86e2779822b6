package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/internal/searchsock"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search"
)

func TestSearchCommand(t *testing.T) {
	dataDir := t.TempDir()
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		{"customer quote", []string{"search", "I", "want", "my", "money", "back"}, ExitOK, "builtin/matrix/", ""},
		{"kind filter", []string{"search", "--kind", "statement", "angry"}, ExitOK, "builtin/statements/angry#", ""},
		{"kind filter in the plural, as front matter accepts it", []string{"search", "--kind", "Statements", "angry"}, ExitOK, "builtin/statements/angry#", ""},
		{"hostile text", []string{"search", `+title:"x`, "^~*?"}, ExitOK, "", ""},
		{"nothing found", []string{"search", "zzzzqqqq"}, ExitOK, "No matches", ""},
		{"typo corrected", []string{"search", "refnud"}, ExitOK, `Showing results for "refund"`, ""},
		{"no query", []string{"search"}, ExitUsage, "", "needs something to search for"},
		{"unknown kind", []string{"search", "--kind", "poem", "refund"}, ExitUsage, "", "unknown kind \"poem\""},
		{"negative limit", []string{"search", "--limit", "-1", "refund"}, ExitUsage, "", "--limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := run(t, append([]string{"--data-dir", dataDir}, tt.args...)...)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d (stderr %q)", code, tt.wantCode, stderr)
			}
			if !strings.Contains(stdout, tt.wantStdout) {
				t.Errorf("stdout = %q, want it to contain %q", stdout, tt.wantStdout)
			}
			if !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("stderr = %q, want it to contain %q", stderr, tt.wantStderr)
			}
		})
	}
	// The first search built the index and kept it, for the next searches
	// and the app, with a record of the library it matches.
	if _, err := os.Stat(filepath.Join(dataDir, "index", "library.state")); err != nil {
		t.Errorf("search kept no index in the data directory: %v", err)
	}
}

func TestSearchCommandJSON(t *testing.T) {
	code, stdout, stderr := run(t, "--data-dir", t.TempDir(), "search", "--json", "--limit", "3", "this is the third time I've called")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var out struct {
		Query       string           `json:"query"`
		Results     []map[string]any `json:"results"`
		Corrected   *string          `json:"corrected"`
		Suggestions []map[string]any `json:"suggestions"`
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("output is not a JSON object: %v\n%s", err, stdout)
	}
	if out.Query != "this is the third time I've called" {
		t.Errorf("query %q, want the words as typed", out.Query)
	}
	hits := out.Results
	if len(hits) == 0 || len(hits) > 3 {
		t.Fatalf("%d hits, want 1 to 3", len(hits))
	}
	for _, key := range []string{"id", "kind", "pack", "title", "snippet", "score"} {
		if _, ok := hits[0][key]; !ok {
			t.Errorf("hit lacks %q: %v", key, hits[0])
		}
	}
	if hits[0]["id"] != "builtin/matrix/repeated-contact" {
		t.Errorf("first hit %v, want builtin/matrix/repeated-contact", hits[0]["id"])
	}
	for _, key := range []string{`"corrected"`, `"suggestions"`} {
		if strings.Contains(stdout, key) {
			t.Errorf("%s is printed though there is none:\n%s", key, stdout)
		}
	}
}

// The JSON says what a typo was corrected to, and with no results which
// searches would find something, as the terminal's text does.
func TestSearchCommandJSONCorrectedAndSuggestions(t *testing.T) {
	data := t.TempDir()
	code, stdout, stderr := run(t, "--data-dir", data, "search", "--json", "really", "furous")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var out struct {
		Query     string            `json:"query"`
		Corrected string            `json:"corrected"`
		Results   []json.RawMessage `json:"results"`
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("output is not a JSON object: %v\n%s", err, stdout)
	}
	if out.Query != "really furous" || out.Corrected != "really furious" || len(out.Results) == 0 {
		t.Errorf("got query %q corrected %q and %d results, want \"really furous\" corrected to \"really furious\" with results",
			out.Query, out.Corrected, len(out.Results))
	}

	code, stdout, stderr = run(t, "--data-dir", data, "search", "--json", "rfnd", "delvry")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var none struct {
		Results     []json.RawMessage `json:"results"`
		Suggestions []struct {
			Text  string `json:"text"`
			Total int    `json:"total"`
		} `json:"suggestions"`
	}
	if err := json.Unmarshal([]byte(stdout), &none); err != nil {
		t.Fatalf("output is not a JSON object: %v\n%s", err, stdout)
	}
	if none.Results == nil || len(none.Results) != 0 {
		t.Errorf("results %v, want an empty array (not null)\n%s", none.Results, stdout)
	}
	if len(none.Suggestions) == 0 || none.Suggestions[0].Text != "refund delivery" || none.Suggestions[0].Total == 0 {
		t.Errorf("suggestions %+v, want \"refund delivery\" first, with its count\n%s", none.Suggestions, stdout)
	}
}

// With the app running, the terminal asks it over the data folder's socket
// rather than opening (or building) an index of its own.
func TestSearchAsksTheRunningApp(t *testing.T) {
	dataDir := t.TempDir()
	lib := kb.NewLibrary(&kb.Pack{Manifest: kb.Manifest{ID: "app"}, Items: []kb.Item{
		{ID: "app/only-in-the-app", Pack: "app", Kind: kb.KindGuide, Title: "Refund rules", Body: "Only the app knows."},
	}})
	ix, err := search.OpenMemory(lib)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	srv, err := searchsock.Listen(searchsock.Path(dataDir), ix)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	code, stdout, stderr := run(t, "--data-dir", dataDir, "search", "refund")
	if code != ExitOK || !strings.Contains(stdout, "app/only-in-the-app") {
		t.Errorf("exit %d, stdout %q, stderr %q; want the app's answer", code, stdout, stderr)
	}
}

// The second search uses the index the first one kept, without loading the
// packs: a pack's problem, which loading reports, is not reported again,
// and the results are the same.
func TestSearchKeepsItsIndex(t *testing.T) {
	dataDir := t.TempDir()
	pack := filepath.Join(dataDir, "packs", "team")
	os.MkdirAll(pack, 0o755)
	os.WriteFile(filepath.Join(pack, "pack.toml"), []byte("id = \"team\"\nname = \"Team\"\nversion = \"1.0.0\"\n"), 0o644)
	os.MkdirAll(filepath.Join(pack, "guides"), 0o755)
	os.WriteFile(filepath.Join(pack, "guides", "refunds.md"), []byte("No title here.\n\nRefunds for zebras take a week.\n"), 0o644)
	code, first, stderr := run(t, "--data-dir", dataDir, "search", "zebras")
	if code != ExitOK || !strings.Contains(first, "team/guides/refunds") || !strings.Contains(stderr, "warning") {
		t.Fatalf("first search: exit %d, stdout %q, stderr %q", code, first, stderr)
	}
	code, second, stderr := run(t, "--data-dir", dataDir, "search", "zebras")
	if code != ExitOK || second != first || stderr != "" {
		t.Errorf("second search: exit %d, stdout %q (want %q), stderr %q (want none: nothing loaded)", code, second, first, stderr)
	}
	// An edit is noticed: the index is rebuilt for it.
	os.WriteFile(filepath.Join(pack, "guides", "refunds.md"), []byte("---\ntitle: Refunds\n---\nRefunds for zebras and giraffes.\n"), 0o644)
	code, third, _ := run(t, "--data-dir", dataDir, "search", "giraffes")
	if code != ExitOK || !strings.Contains(third, "team/guides/refunds") {
		t.Errorf("after an edit: exit %d, stdout %q", code, third)
	}
}

// Installing or removing a pack reindexes just that pack in the kept
// index, so the next search answers from it without loading the packs.
func TestPackChangesKeepTheIndexCurrent(t *testing.T) {
	dataDir := t.TempDir()
	if code, _, stderr := run(t, "--data-dir", dataDir, "search", "refund"); code != ExitOK {
		t.Fatalf("first search: exit %d, %s", code, stderr)
	}
	dir := writePack(t, map[string]string{
		"pack.toml":         "id = \"zoo\"\nname = \"Zoo\"\nversion = \"1.0.0\"\n",
		"guides/zebras.md":  "---\ntitle: Zebras\n---\nRefunds for zebras take a week.\n",
		"guides/giraffe.md": "---\ntitle: Giraffes\n---\nTall orders.\n",
	})
	if code, out, stderr := run(t, "--data-dir", dataDir, "pack", "install", "--allow-unsigned", dir); code != ExitOK {
		t.Fatalf("install: exit %d\n%s%s", code, out, stderr)
	}
	code, out, stderr := run(t, "--data-dir", dataDir, "search", "zebras")
	if code != ExitOK || !strings.Contains(out, "zoo/guides/zebras") || stderr != "" {
		t.Errorf("search after install: exit %d, stdout %q, stderr %q (want the new pack found, nothing built)", code, out, stderr)
	}
	if code, out, stderr := run(t, "--data-dir", dataDir, "pack", "remove", "zoo"); code != ExitOK {
		t.Fatalf("remove: exit %d\n%s%s", code, out, stderr)
	}
	code, out, stderr = run(t, "--data-dir", dataDir, "search", "zebras")
	if code == ExitOK && strings.Contains(out, "zoo/") || stderr != "" {
		t.Errorf("search after remove: exit %d, stdout %q, stderr %q (want the pack gone, nothing built)", code, out, stderr)
	}
}

// A file edited while no Poise ran is reindexed by the next search, alone,
// in the kept index: the search must not build the whole index again. It
// did, because the kept index it had opened read-only to answer from held
// the index's lock when it opened the same index to update it.
func TestSearchAfterAnEditUpdatesTheKeptIndex(t *testing.T) {
	dataDir := t.TempDir()
	pack := filepath.Join(dataDir, "packs", "team")
	os.MkdirAll(filepath.Join(pack, "guides"), 0o755)
	os.WriteFile(filepath.Join(pack, "pack.toml"), []byte("id = \"team\"\nname = \"Team\"\nversion = \"1.0.0\"\n"), 0o644)
	os.WriteFile(filepath.Join(pack, "guides", "refunds.md"), []byte("---\ntitle: Refunds\n---\nRefunds for zebras take a week.\n"), 0o644)
	// Enough files that checking them takes longer than opening the index.
	for i := range 1500 {
		os.WriteFile(filepath.Join(pack, "guides", fmt.Sprintf("note-%d.md", i)), []byte(fmt.Sprintf("---\ntitle: Note %d\n---\nA note.\n", i)), 0o644)
	}
	if code, _, stderr := run(t, "--data-dir", dataDir, "search", "zebras"); code != ExitOK {
		t.Fatalf("first search: exit %d, %s", code, stderr)
	}
	os.WriteFile(filepath.Join(pack, "guides", "refunds.md"), []byte("---\ntitle: Refunds\n---\nRefunds for zebras and giraffes.\n"), 0o644)
	code, out, stderr := run(t, "--data-dir", dataDir, "search", "giraffes")
	if code != ExitOK || !strings.Contains(out, "team/guides/refunds") || stderr != "" {
		t.Errorf("after an edit: exit %d, stdout %q, stderr %q (want the edit found, nothing built)", code, out, stderr)
	}
}
