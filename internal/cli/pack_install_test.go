package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/poisehq/poise/internal/datadir"
)

var goodPack = map[string]string{
	"pack.toml":         "id = \"acme\"\nname = \"Acme playbook\"\nversion = \"1.0.0\"\nauthors = [\"Dana Reyes\"]\n",
	"guides/refunds.md": "---\ntitle: Refunds\n---\nHow we refund.\n",
	"templates/note.md": "---\ntitle: Note\n---\nHi {{customer_name}}, thanks.\n",
}

// TestPackLifeCycle walks a lead's and an agent's session: build, keygen,
// sign, verify, install with trust, update listing changes, rollback,
// list, disable and remove.
func TestPackLifeCycle(t *testing.T) {
	work := t.TempDir()
	data := filepath.Join(work, "data")
	dir := writePack(t, goodPack)
	file := filepath.Join(work, "acme.poisepack")
	key := filepath.Join(work, "lead")
	step := func(wantCode int, args ...string) string {
		t.Helper()
		code, out, errOut := run(t, append([]string{"--data-dir", data}, args...)...)
		if code != wantCode {
			t.Fatalf("poise %s: exit %d, want %d\n%s%s", strings.Join(args, " "), code, wantCode, out, errOut)
		}
		return out + errOut
	}
	step(0, "pack", "build", dir, "-o", file)
	step(0, "pack", "keygen", "--no-password", "-o", key)
	step(1, "pack", "keygen", "--no-password", "-o", key) // never overwrites a key
	if info, err := os.Stat(key + ".key"); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("secret key file: %v %v", info, err)
	}
	step(1, "pack", "verify", file) // unsigned
	step(0, "pack", "sign", "--key", key+".key", file)
	if out := step(0, "pack", "verify", "--pub", key+".pub", file); !strings.Contains(out, "Good signature: acme 1.0.0") {
		t.Errorf("verify said %q", out)
	}
	out := step(1, "pack", "install", file)
	if !strings.Contains(out, "not yet trusted") || !strings.Contains(out, "--trust") {
		t.Errorf("first install without --trust said:\n%s", out)
	}
	step(0, "pack", "install", "--trust", file)

	// Version 1.1.0 rewrites the refund guide.
	os.WriteFile(filepath.Join(dir, "pack.toml"), []byte(strings.Replace(goodPack["pack.toml"], "1.0.0", "1.1.0", 1)), 0o644)
	os.WriteFile(filepath.Join(dir, "guides", "refunds.md"), []byte("---\ntitle: Refunds\n---\nHow we refund now.\n"), 0o644)
	step(0, "pack", "build", dir, "-o", file)
	step(0, "pack", "sign", "--key", key+".key", file)
	out = step(0, "pack", "update")
	if !strings.Contains(out, "~ acme/guides/refunds") || !strings.Contains(out, "Installed acme 1.1.0") {
		t.Errorf("update said:\n%s", out)
	}
	if out := step(0, "pack", "update", "acme"); !strings.Contains(out, "up to date") {
		t.Errorf("second update said:\n%s", out)
	}
	// Rollback says what it undid, as update says what it did.
	if out := step(0, "pack", "rollback", "acme"); !strings.Contains(out, "Rolled acme back from 1.1.0 to 1.0.0") || !strings.Contains(out, "~ acme/guides/refunds") {
		t.Errorf("rollback said:\n%s", out)
	}
	var back struct {
		From, To string
		Changes  struct{ Changed []struct{ ID string } }
	}
	if err := json.Unmarshal([]byte(step(0, "pack", "rollback", "--json", "acme")), &back); err != nil || back.From != "1.0.0" || back.To != "1.1.0" ||
		len(back.Changes.Changed) != 1 || back.Changes.Changed[0].ID != "acme/guides/refunds" {
		t.Errorf("rollback --json = %+v, %v", back, err)
	}
	step(0, "pack", "rollback", "acme")
	var list []struct {
		ID, Version string
		Disabled    bool
		Builtin     bool
		Previous    string
	}
	if err := json.Unmarshal([]byte(step(0, "pack", "list", "--json")), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || !list[0].Builtin || list[1].Version != "1.0.0" || list[1].Previous != "1.1.0" {
		t.Fatalf("list after rollback = %+v", list)
	}
	step(0, "pack", "disable", "builtin")
	step(1, "pack", "remove", "builtin")
	code, stdout, _ := run(t, "--data-dir", data, "search", "--json", "refund")
	if code != 0 || strings.Contains(stdout, "builtin/") || !strings.Contains(stdout, "acme/") {
		t.Errorf("search with the built-in pack disabled: %d\n%s", code, stdout)
	}
	step(0, "pack", "enable", "builtin")
	step(0, "pack", "remove", "acme")
	if out := step(0, "pack", "list"); strings.Contains(out, "acme") {
		t.Errorf("list after remove:\n%s", out)
	}
}

func TestPackBuildRefusesProblems(t *testing.T) {
	dir := writePack(t, brokenPack)
	out := filepath.Join(t.TempDir(), "x.poisepack")
	code, stdout, stderr := run(t, "pack", "build", dir, "-o", out)
	if code != ExitError || !strings.Contains(stdout, "not a semantic version") || !strings.Contains(stderr, "nothing was built") {
		t.Errorf("build of a broken pack: %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a broken pack was built")
	}
}

// TestPackPreviewEscapesBidiMarks: a right-to-left override in a pack's
// name or authors would reorder the rest of the line on the terminal (the
// trust prompt included), so it is shown escaped, like an escape sequence.
func TestPackPreviewEscapesBidiMarks(t *testing.T) {
	dir := writePack(t, map[string]string{
		"pack.toml":         "id = \"acme\"\nname = \"Acme \\u202eyalp\"\nversion = \"1.0.0\"\nauthors = [\"Dana\\u2066 \\u001b]0;x\\u0007Reyes\"]\n",
		"guides/refunds.md": "---\ntitle: Refunds\n---\nHow we refund.\n",
	})
	// The pack is refused (kb/packs), and neither the refusal nor any
	// preview obeys the characters.
	code, out, errOut := run(t, "--data-dir", t.TempDir(), "pack", "install", "--allow-unsigned", dir)
	if code == 0 || !strings.Contains(errOut, "reorders text") {
		t.Fatalf("install: exit %d\n%s%s", code, out, errOut)
	}
	for _, bad := range []string{"\u202e", "\u2066", "\x1b", "\a"} {
		if strings.Contains(out+errOut, bad) {
			t.Errorf("%q from the manifest reached the terminal:\n%q", bad, out+errOut)
		}
	}
	if got := safe("Acme \u202eyalp \x1b[2J"); got != `Acme \u202eyalp \x1b[2J` {
		t.Errorf("safe shows %q", got)
	}
}

// promptWriter stands for a person at a terminal: when the trust question
// appears it runs before (here: the source changes under the prompt) and
// answers yes.
type promptWriter struct {
	bytes.Buffer
	answer *os.File
	before func()
}

func (w *promptWriter) Write(p []byte) (int, error) {
	if strings.Contains(string(p), "Trust key") && w.answer != nil {
		w.before()
		w.answer.WriteString("y\n")
		w.answer.Close()
		w.answer = nil
	}
	return w.Buffer.Write(p)
}

// TestTrustPromptTrustsTheKeyShown: the key a person agrees to trust is the
// key of the copy they were shown, even if the source is re-signed by
// another key while the question waits for an answer.
func TestTrustPromptTrustsTheKeyShown(t *testing.T) {
	work := t.TempDir()
	data := filepath.Join(work, "data")
	dir := writePack(t, goodPack)
	other := writePack(t, goodPack)
	for _, k := range []string{"a", "b"} {
		if code, out, errOut := run(t, "pack", "keygen", "--no-password", "-o", filepath.Join(work, k)); code != 0 {
			t.Fatalf("keygen: %s%s", out, errOut)
		}
	}
	run(t, "pack", "sign", "--key", filepath.Join(work, "a.key"), dir)
	run(t, "pack", "sign", "--key", filepath.Join(work, "b.key"), other)
	sigB, err := os.ReadFile(filepath.Join(other, ".poise", "contents.json.minisig"))
	if err != nil {
		t.Fatal(err)
	}

	saved := isTerminal
	isTerminal = func(*os.File) bool { return true }
	defer func() { isTerminal = saved }()
	in, answer, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	stderr := &promptWriter{answer: answer, before: func() {
		os.WriteFile(filepath.Join(dir, ".poise", "contents.json.minisig"), sigB, 0o644)
	}}
	var stdout bytes.Buffer
	code := Run([]string{"--data-dir", data, "pack", "install", dir}, Env{Stdin: in, Stdout: &stdout, Stderr: stderr, Version: "1.2.3-test"})
	if !strings.Contains(stderr.String(), "Trust key") {
		t.Fatalf("no trust prompt: exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	shown := regexp.MustCompile(`Trust key ([0-9A-F]+)`).FindStringSubmatch(stderr.String())[1]
	_, list, _ := run(t, "--data-dir", data, "pack", "list", "--json")
	var packs []struct {
		ID      string
		Trusted *struct {
			KeyID string `json:"key_id"`
		}
	}
	if err := json.Unmarshal([]byte(list), &packs); err != nil {
		t.Fatal(err)
	}
	for _, p := range packs {
		if p.ID == "acme" && (p.Trusted == nil || p.Trusted.KeyID != shown) {
			t.Fatalf("the prompt asked about key %s, but %+v is trusted (exit %d)\n%s%s", shown, p.Trusted, code, stdout.String(), stderr.String())
		}
	}
}

// TestPackUpdateSaysWhatToDo: a refused update says why and what to do,
// as install does, rather than only that it failed.
func TestPackUpdateSaysWhatToDo(t *testing.T) {
	work := t.TempDir()
	data := filepath.Join(work, "data")
	dir := writePack(t, goodPack)
	file := filepath.Join(work, "acme.poisepack")
	for _, k := range []string{"a", "b"} {
		run(t, "pack", "keygen", "--no-password", "-o", filepath.Join(work, k))
	}
	run(t, "pack", "build", dir, "-o", file)
	run(t, "pack", "sign", "--key", filepath.Join(work, "a.key"), file)
	if code, out, errOut := run(t, "--data-dir", data, "pack", "install", "--trust", file); code != 0 {
		t.Fatalf("install: %s%s", out, errOut)
	}
	os.WriteFile(filepath.Join(dir, "pack.toml"), []byte(strings.Replace(goodPack["pack.toml"], "1.0.0", "1.1.0", 1)), 0o644)
	run(t, "pack", "build", dir, "-o", file)
	run(t, "pack", "sign", "--key", filepath.Join(work, "b.key"), file)
	code, out, errOut := run(t, "--data-dir", data, "pack", "update")
	if code == 0 || !strings.Contains(errOut, "different key") || !strings.Contains(errOut, "--retrust") {
		t.Errorf("update signed by another key: exit %d\n%s%s", code, out, errOut)
	}
}

// TestPackListWhileAppRuns: listing packs only reads, so it works while the
// desktop app holds the data folder's lock.
func TestPackListWhileAppRuns(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	if code, out, errOut := run(t, "--data-dir", data, "pack", "install", "--allow-unsigned", writePack(t, goodPack)); code != 0 {
		t.Fatalf("install: %s%s", out, errOut)
	}
	held, err := datadir.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	code, out, errOut := run(t, "--data-dir", data, "pack", "list")
	if code != 0 || !strings.Contains(out, "acme 1.0.0") {
		t.Errorf("pack list while the app runs: exit %d\n%s%s", code, out, errOut)
	}
}

// Installing a real notes vault listed every one of its 2,886 broken
// links before the question; the preview sums problems up by sort, as
// lint does, once there are more than a screenful.
func TestPackPreviewSumsUpManyProblems(t *testing.T) {
	files := map[string]string{}
	for i := range 40 {
		files[fmt.Sprintf("n%02d.md", i)] = fmt.Sprintf("Links to [[Missing %d]].\n", i)
	}
	dir := writePack(t, files)
	code, out, errOut := run(t, "--data-dir", t.TempDir(), "pack", "install", "--allow-unsigned", dir)
	if code != 0 {
		t.Fatalf("install: exit %d\n%s%s", code, out, errOut)
	}
	if n := strings.Count(out, "problem: "); n > 10 {
		t.Errorf("preview lists %d problems one by one:\n%s", n, out)
	}
	for _, want := range []string{"40 links point to notes or files that do not exist; the first 3:", `n00.md:1: Link "[[Missing 0]]"`, "poise pack lint --all"} {
		if !strings.Contains(out, want) {
			t.Errorf("preview lacks %q:\n%s", want, out)
		}
	}
}
