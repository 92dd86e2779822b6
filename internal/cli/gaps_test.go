package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/poisehq/poise/internal/settings"
	"github.com/poisehq/poise/kb/gaps"
)

// TestGapsFromSearchToTeam follows a terminal search that finds nothing
// into the log (masked), the listing, the export and a team merge, and
// the setting that turns the log off.
func TestGapsFromSearchToTeam(t *testing.T) {
	data := t.TempDir()
	step := func(wantCode int, args ...string) (string, string) {
		t.Helper()
		code, out, errOut := runAt(t, "2026-11-25", append([]string{"--data-dir", data}, args...)...)
		if code != wantCode {
			t.Fatalf("poise %s: exit %d, want %d\n%s%s", strings.Join(args, " "), code, wantCode, out, errOut)
		}
		return out, errOut
	}
	const secret = "zqxjv wkbzq 4111 1111 1111 1111 ana.silva@qzx.io +44 7946 095833"
	out, _ := step(0, "search", secret)
	if !strings.Contains(out, "No matches") {
		t.Fatalf("the search found something, so this test proves nothing:\n%s", out)
	}
	step(0, "search", "refund") // found: no gap
	step(0, "search", "--kind", "template", "zqxjv wkbzq")
	raw, err := os.ReadFile(filepath.Join(data, gaps.FileName))
	if err != nil {
		t.Fatalf("no gaps log: %v", err)
	}
	for _, s := range []string{"4111", "ana.silva", "qzx.io", "7946", "095833"} {
		if strings.Contains(string(raw), s) {
			t.Errorf("the gaps log holds %q:\n%s", s, raw)
		}
	}

	out, _ = step(0, "gaps", "--json")
	var list []gaps.Search
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("gaps --json: %v\n%s", err, out)
	}
	want := "zqxjv wkbzq [card] [email] [phone]"
	if len(list) != 1 || list[0].Query != want || list[0].NoResults != 1 || list[0].Last != "2026-11-25" {
		t.Fatalf("gaps = %+v, want only %q once (a filtered search is no gap)", list, want)
	}
	if out, _ = step(0, "gaps"); !strings.Contains(out, want) {
		t.Errorf("gaps listing:\n%s", out)
	}

	// The export: shown, written outside the data folder, anonymised.
	export := filepath.Join(t.TempDir(), "me.json")
	step(0, "gaps", "export", "-o", export, "--yes")
	exp, err := os.ReadFile(export)
	if err != nil {
		t.Fatal(err)
	}
	if regexp.MustCompile(`\d{4}-\d{2}-\d{2}`).Match(exp) || strings.Contains(string(exp), "4111") || !strings.Contains(string(exp), `"2026-W48"`) {
		t.Errorf("export holds a day or a card number, or no week:\n%s", exp)
	}
	if code, _, errOut := runAt(t, "2026-11-25", "--data-dir", data, "gaps", "export", "-o", filepath.Join(data, "x.json"), "--yes"); code != ExitUsage || !strings.Contains(errOut, "data folder") {
		t.Errorf("export into the data folder: exit %d, %s", code, errOut)
	}

	// A colleague's export, and the merge of both.
	ben := filepath.Join(t.TempDir(), "ben.json")
	os.WriteFile(ben, gaps.NewExport([]gaps.Search{
		{Query: want, NotUsed: 2, First: "2026-11-20", Last: "2026-11-21"},
		{Query: "warranty abroad", NoResults: 5, First: "2026-11-20", Last: "2026-11-21"},
	}).JSON(), 0o600)
	out, _ = step(0, "gaps", "merge", "--json", export, ben)
	var m gaps.Merged
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	if m.Files != 2 || len(m.Gaps) != 2 || m.Gaps[0].Query != want || m.Gaps[0].People != 2 || m.Gaps[0].Count() != 3 {
		t.Errorf("merged = %+v", m)
	}
	if out, _ = step(0, "gaps", "merge", export, ben); !strings.Contains(out, "What 2 people searched for") {
		t.Errorf("merge listing:\n%s", out)
	}

	// Turned off: nothing more is kept.
	s := settings.Default()
	s.GapsLog = false
	if err := settings.Save(filepath.Join(data, settings.FileName), s); err != nil {
		t.Fatal(err)
	}
	step(0, "search", "qqzzx vvkkw")
	if list, _ := gaps.Read(filepath.Join(data, gaps.FileName)); len(list) != 1 {
		t.Errorf("with the log off a search was kept: %+v", list)
	}
	step(0, "gaps", "clear")
	if out, _ = step(0, "gaps"); !strings.Contains(out, "The gaps log is off") {
		t.Errorf("empty listing with the log off says %q", out)
	}
}

// TestGapsMergeRefusesHostileFiles: an export from anyone cannot forge the
// terminal, and a bad one stops the merge, naming the file and line.
func TestGapsMergeRefusesHostileFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(body), 0o600)
		return p
	}
	good := write("good.json", string(gaps.NewExport([]gaps.Search{{Query: "late refund", NoResults: 1, First: "2026-11-20", Last: "2026-11-20"}}).JSON()))
	tests := []struct {
		name, file, says string
	}{
		{"escape sequence in a query", write("esc.json", `{"format": "poise-gaps-export", "version": 1, "searches": [`+"\n"+`{"query": "refund \u001b[2J\u001b]0;pwned\u0007", "no_results": 1, "not_used": 0}]}`), "esc.json:2: query"},
		{"escape sequence in the file name", write("a\x1b[31mb.json", "{]"), `a\x1b[31mb.json:1: not valid JSON`},
		{"too big", write("big.json", strings.Repeat(" ", gaps.MaxFileSize+10)), "more than the"},
		{"a folder", dir, "not a regular file"},
		{"missing", filepath.Join(dir, "nope.json"), "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(t, "gaps", "merge", good, tt.file)
			if code != ExitError || !strings.Contains(errOut, tt.says) {
				t.Errorf("exit %d, stderr %q; want 1 saying %q", code, errOut, tt.says)
			}
			if strings.ContainsAny(out+errOut, "\x1b\x07") {
				t.Errorf("a control character reached the terminal: %q", out+errOut)
			}
		})
	}
	if code, _, errOut := run(t, "gaps", "merge"); code != ExitUsage || !strings.Contains(errOut, "needs the exported files") {
		t.Errorf("merge without files: exit %d, %s", code, errOut)
	}
}
