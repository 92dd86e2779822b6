package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runAt runs the CLI with its clock set to today.
func runAt(t *testing.T, today string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	now, err := time.Parse(time.DateOnly, today)
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code = Run(args, Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Version: "test",
		Now: func() time.Time { return now.Add(15 * time.Hour) }})
	return code, out.String(), errOut.String()
}

var stalePackFiles = map[string]string{
	"pack.toml":            "id = \"acme\"\nname = \"Acme \\u001b[2Jplaybook\"\nversion = \"1.0.0\"\nreviewed = 2026-05-01\nreview_every = \"6 months\"\n",
	"guides/refunds.md":    "---\ntitle: Refunds\n---\nHow we refund.\n",
	"guides/fresh.md":      "---\ntitle: Fresh\nreviewed: 2026-11-20\n---\nJust checked.\n",
	"templates/sorry.md":   "---\ntitle: Sorry\nreviewed: 2026-01-10\nreview_every: 1 year\n---\nSorry, {{customer_name}}.\n",
	"statements/weekly.md": "---\ntitle: Weekly\nreviewed: 2026-11-01\nreview_every: 2 weeks\n---\n## Frustrated\n\n- I hear you.\n",
}

func TestPackStaleJSON(t *testing.T) {
	data := t.TempDir()
	src := writePack(t, stalePackFiles)
	if err := os.CopyFS(filepath.Join(data, "packs", "acme"), os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runAt(t, "2026-12-01", "--data-dir", data, "pack", "stale", "acme", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep staleReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if rep.Today != "2026-12-01" || len(rep.Packs) != 1 {
		t.Fatalf("report = %+v, want acme on 2026-12-01", rep)
	}
	p := rep.Packs[0]
	if p.ID != "acme" || !p.Due || p.DueOn != "2026-11-01" || p.ReviewEvery != "6 months" {
		t.Errorf("pack = %+v, want acme due since 2026-11-01 every 6 months", p)
	}
	var got []string
	for _, f := range p.Files {
		got = append(got, f.File+" "+f.DueOn)
	}
	// weekly.md is due on 15 November, refunds.md with the pack on
	// 1 November; fresh.md and sorry.md (due 2027-01-10) are current.
	if want := "guides/refunds.md 2026-11-01, statements/weekly.md 2026-11-15"; strings.Join(got, ", ") != want {
		t.Errorf("files = %s, want %s", strings.Join(got, ", "), want)
	}
	if f := p.Files[0]; f.DaysOverdue != 30 || f.Items[0] != "acme/guides/refunds" {
		t.Errorf("refunds = %+v, want 30 days overdue, item acme/guides/refunds", f)
	}

	code, out, _ = runAt(t, "2026-12-01", "--data-dir", data, "pack", "stale")
	if code != 0 || !strings.Contains(out, "guides/refunds.md  Refunds (1 item(s)): reviewed 2026-05-01, every 6 months: due since 2026-11-01") {
		t.Errorf("text listing (exit %d):\n%s", code, out)
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("an escape sequence from pack.toml reached the terminal: %q", out)
	}
	if code, out, _ := runAt(t, "2026-10-15", "--data-dir", data, "pack", "stale", "acme"); code != 0 || out != "Nothing is due for review.\n" {
		t.Errorf("mid October: exit %d, %q", code, out)
	}
	if code, _, errOut := runAt(t, "2026-12-01", "--data-dir", data, "pack", "stale", "nope"); code != 1 || !strings.Contains(errOut, "poise pack list") {
		t.Errorf("unknown pack: exit %d, %q", code, errOut)
	}
	if code, out, _ := runAt(t, "2026-12-01", "pack", "stale", src, "--json"); code != 0 || !strings.Contains(out, `"statements/weekly.md"`) {
		t.Errorf("pack folder: exit %d\n%s", code, out)
	}
}

// TestPackStaleReportsUnreadableReviewEvery: a review_every (or reviewed)
// Poise cannot read made the file count on the default year without a
// word; stale now names the file and line of each, in text and JSON.
func TestPackStaleReportsUnreadableReviewEvery(t *testing.T) {
	files := map[string]string{}
	for k, v := range stalePackFiles {
		files[k] = v
	}
	files["pack.toml"] = strings.Replace(files["pack.toml"], `review_every = "6 months"`, `review_every = "fortnightly"`, 1)
	files["guides/odd.md"] = "---\ntitle: Odd\nreviewed: 2026-01-10\nreview_every: every so often\n---\nBody.\n"
	dir := writePack(t, files)

	code, out, errOut := runAt(t, "2026-12-01", "pack", "stale", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"pack.toml:5: Review_every", "guides/odd.md:4: Review_every"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stale said nothing of %q:\n%s%s", want, out, errOut)
		}
	}

	code, out, errOut = runAt(t, "2026-12-01", "pack", "stale", dir, "--json")
	var rep staleReport
	if err := json.Unmarshal([]byte(out), &rep); code != 0 || err != nil {
		t.Fatalf("exit %d, %v: %s%s", code, err, out, errOut)
	}
	var got []string
	for _, p := range rep.Unread {
		got = append(got, fmt.Sprintf("%s:%d", p.File, p.Line))
	}
	if strings.Join(got, " ") != "pack.toml:5 guides/odd.md:4" {
		t.Errorf("unread = %v, want pack.toml:5 and guides/odd.md:4", got)
	}

	// The same pack installed: named with its folder.
	data := t.TempDir()
	if err := os.CopyFS(filepath.Join(data, "packs", "acme"), os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runAt(t, "2026-12-01", "--data-dir", data, "pack", "stale")
	if want := filepath.Join(data, "packs", "acme") + ": pack.toml:5: Review_every"; code != 0 || !strings.Contains(errOut, want) {
		t.Errorf("stale of the installed packs: exit %d, want %q in:\n%s%s", code, want, out, errOut)
	}
}
