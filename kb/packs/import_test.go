package packs

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
)

// writeNotes writes a folder of notes as a person keeps one: markdown with
// wikilinks, an app's settings folder, pictures, a PDF, a note saved in
// Latin-1 and a link.
func writeNotes(t *testing.T, dir string) string {
	t.Helper()
	files := map[string]string{
		"Home.md":                  "---\naliases: [Start]\npublish: true\n---\n# Home\n\nSee [[Refunds]] and ![[map.png]].\n",
		"Refunds.md":               "## Late refunds\n\nHi {customer_name}, your refund is on its way.\n",
		"Macros/Apology.md":        "Sorry {customer_name}, that should not have happened.\n",
		".obsidian/app.json":       "{}",
		".obsidian/workspace.json": "{}",
		"map.png":                  "\x89PNG\r\n",
		"files/terms.pdf":          "%PDF-1.4",
		"Old note.md":              "caf\xe9\n",
		"script.js":                "x()",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "passwd.md")); err != nil {
		t.Log(err)
	}
	return dir
}

func importNotes(t *testing.T, s *Store, src Source) *Candidate {
	t.Helper()
	c, err := s.Fetch(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestImportNotesFolder(t *testing.T) {
	dir := writeNotes(t, filepath.Join(t.TempDir(), "Front Desk"))
	src, err := NotesSource(dir, "", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if src.ID != "front-desk" || src.Name != "Front Desk" || !src.Notes {
		t.Fatalf("source = %+v", src)
	}
	s := openStore(t)
	c := importNotes(t, s, src)
	if c.Manifest.ID != "front-desk" || c.Manifest.Version != "1.0.0" || c.Manifest.Layout != kb.LayoutNotes || c.Trust != TrustUnsigned {
		t.Errorf("manifest = %+v, trust %s", c.Manifest, c.Trust)
	}
	if c.Files != 3 || c.Items != 3 || c.Counts[kb.KindTemplate] != 2 || c.Counts[kb.KindGuide] != 1 {
		t.Errorf("%d notes became %d items %v; want 3 notes: 1 guide, 2 templates", c.Files, c.Items, c.Counts)
	}
	reasons := map[string]Skipped{}
	for _, sk := range c.Skipped {
		reasons[sk.Reason] = sk
	}
	for reason, first := range map[string][]string{
		skipPicture: {"map.png"},
		skipPDF:     {"files/terms.pdf"},
		skipOther:   {"script.js"},
		skipHidden:  {".obsidian"},
		skipNotUTF8: {"Old note.md"},
	} {
		if got := reasons[reason]; !slices.Equal(got.First, first) || got.Count != len(first) {
			t.Errorf("skipped for %q: %+v, want %q", reason, got, first)
		}
	}
	if _, err := os.Lstat(filepath.Join(dir, "passwd.md")); err == nil && reasons[skipLink].Count != 1 {
		t.Errorf("the link was not skipped: %+v", c.Skipped)
	}
	if len(c.Problems) != 0 {
		t.Errorf("a clean folder of notes has problems: %v", c.Problems)
	}
	if err := s.Install(c, InstallOptions{AllowUnsigned: true}); err != nil {
		t.Fatal(err)
	}

	lib, err := s.LoadLibrary(nil)
	if err != nil {
		t.Fatal(err)
	}
	home, ok := lib.Item("front-desk/home")
	if !ok || home.Title != "Home" || !slices.Equal(home.Aliases, []string{"Start"}) {
		t.Fatalf("home = %+v", home)
	}
	if id, ok := lib.ResolveLink(home, "./Refunds.md"); !ok || id != "front-desk/refunds" {
		t.Errorf("[[Refunds]] resolves to %q, %v in:\n%s", id, ok, home.Body)
	}
	if !strings.Contains(home.Body, "*[image: map.png]*") {
		t.Errorf("the embedded picture shows no placeholder:\n%s", home.Body)
	}
	for _, gone := range []string{".obsidian", "map.png", "script.js", "Old note.md"} {
		if _, err := os.Stat(filepath.Join(s.Dir(), "front-desk", gone)); err == nil {
			t.Errorf("%s was installed", gone)
		}
	}

	// Importing again: nothing changed, so the same version; one note
	// changed, one patch newer, listing the change.
	c = importNotes(t, s, src)
	if err := s.Install(c, InstallOptions{AllowUnsigned: true}); !errors.Is(err, ErrSameVersion) {
		t.Errorf("re-import of an unchanged folder = %v, want ErrSameVersion", err)
	}
	os.WriteFile(filepath.Join(dir, "Macros", "Apology.md"), []byte("Sorry {customer_name}, that was our mistake.\n"), 0o644)
	c = importNotes(t, s, src)
	if c.Manifest.Version != "1.0.1" || len(c.Changes.Changed) != 1 || c.Changes.Changed[0].ID != "front-desk/macros/apology" {
		t.Errorf("after an edit: version %s, changes %+v", c.Manifest.Version, c.Changes)
	}
	if err := s.Install(c, InstallOptions{AllowUnsigned: true}); err != nil {
		t.Fatal(err)
	}
	// The source is remembered: update imports it again.
	os.WriteFile(filepath.Join(dir, "New.md"), []byte("A new note.\n"), 0o644)
	c, err = s.CheckUpdate(context.Background(), "front-desk")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Discard()
	if !c.Newer() || c.Manifest.Version != "1.0.2" || len(c.Changes.Added) != 1 {
		t.Errorf("update: newer %v, version %s, changes %+v", c.Newer(), c.Manifest.Version, c.Changes)
	}
}

// Issue 12: a folder without pack.toml installs through the pack store
// (unsigned, as any folder), as an import with the folder's name.
func TestInstallPlainFolder(t *testing.T) {
	dir := writeNotes(t, filepath.Join(t.TempDir(), "desk"))
	s := openStore(t)
	if _, err := install(t, s, dir, InstallOptions{}); !errors.Is(err, ErrUnsigned) {
		t.Fatalf("install without --allow-unsigned = %v", err)
	}
	c, err := install(t, s, dir, InstallOptions{AllowUnsigned: true})
	if err != nil {
		t.Fatal(err)
	}
	if c.Manifest.ID != "desk" || c.Items != 3 {
		t.Errorf("installed %+v with %d items", c.Manifest, c.Items)
	}
	list, err := s.List(nil)
	if err != nil || len(list) != 1 || list[0].ID != "desk" {
		t.Errorf("list = %+v, %v", list, err)
	}
}

func TestImportNotesFromGit(t *testing.T) {
	dir := writeNotes(t, filepath.Join(t.TempDir(), "macros"))
	os.Remove(filepath.Join(dir, "passwd.md")) // Git would keep the link itself
	_, bare := gitRepo(t, dir)
	src, err := NotesSource(bare, "", "", "Support macros")
	if err != nil {
		t.Fatal(err)
	}
	if src.Kind != SourceGit || src.ID != "macros" || src.Name != "Support macros" {
		t.Fatalf("source = %+v", src)
	}
	s := openStore(t)
	c := importNotes(t, s, src)
	defer c.Discard()
	if c.Files != 3 || c.Counts[kb.KindTemplate] != 2 {
		t.Errorf("%d notes, counts %v", c.Files, c.Counts)
	}
	if !slices.ContainsFunc(c.Skipped, func(sk Skipped) bool { return sk.Reason == skipPicture }) {
		t.Errorf("skipped = %+v", c.Skipped)
	}
}

// A pack is installed, not imported.
func TestImportRefusesPacks(t *testing.T) {
	dir := writePack(t, filepath.Join(t.TempDir(), "acme"), "acme", "1.0.0", nil)
	if _, err := NotesSource(dir, "", "", ""); !errors.Is(err, ErrIsPack) {
		t.Errorf("NotesSource(pack folder) = %v", err)
	}
	_, bare := gitRepo(t, dir)
	src, err := NotesSource(bare, "", "", "")
	if err != nil {
		t.Fatal(err)
	}
	s := openStore(t)
	if _, err := s.Fetch(context.Background(), src); !errors.Is(err, ErrIsPack) {
		t.Errorf("importing a repository holding a pack = %v", err)
	}
	if _, err := NotesSource(dir, "", "Not An Id", ""); err == nil {
		t.Error("an invalid id was accepted")
	}
}

func TestNotesID(t *testing.T) {
	for in, want := range map[string]string{
		"Front Desk": "front-desk", "obsidian-help": "obsidian-help", "日本語": "notes",
		"Built-in": "built-in", "builtin": "notes", "  --Team  Notes!! ": "team-notes",
	} {
		if got := NotesID(in); got != want {
			t.Errorf("NotesID(%q) = %q, want %q", in, got, want)
		}
	}
}

// A Git fetch over https stops at its byte budget, whatever the server
// sends and whether or not it says how much.
func TestGitDownloadBudget(t *testing.T) {
	big := strings.Repeat("x", 64<<10)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/chunked" {
			w.Header().Set("Transfer-Encoding", "chunked")
			for range 4 {
				io.WriteString(w, big)
				w.(http.Flusher).Flush()
			}
			return
		}
		io.WriteString(w, big+big)
	}))
	defer srv.Close()
	tr := budgetTransport{http.DefaultTransport}
	for _, p := range []string{"/sized", "/chunked"} {
		ctx := withBudget(context.Background(), 100<<10)
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+p, nil)
		resp, err := tr.RoundTrip(req)
		if err == nil {
			_, err = io.ReadAll(resp.Body)
			resp.Body.Close()
		}
		if !errors.Is(err, errGitTooBig) || !spent(ctx) {
			t.Errorf("%s: err = %v, spent %v; want the budget to stop it", p, err, spent(ctx))
		}
		ctx = withBudget(context.Background(), 1<<20)
		req, _ = http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+p, nil)
		resp, err = tr.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.ReadAll(resp.Body); err != nil || spent(ctx) {
			t.Errorf("%s within budget: %v", p, err)
		}
		resp.Body.Close()
	}
}

// An import under the id of a pack installed from elsewhere (a team pack,
// or another folder's notes) must not silently replace it; importing the
// same folder again updates it.
func TestImportRefusesAnotherPacksID(t *testing.T) {
	s := openStore(t)
	team := filepath.Join(t.TempDir(), "team")
	if err := os.MkdirAll(team, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(team, "pack.toml"), []byte("id = \"desk\"\nname = \"Desk team\"\nversion = \"1.2.0\"\nlayout = \"notes\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(team, "Team.md"), []byte("# Team\n\nOur way.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := install(t, s, team, InstallOptions{AllowUnsigned: true}); err != nil {
		t.Fatal(err)
	}
	notes := writeNotes(t, filepath.Join(t.TempDir(), "notes"))
	src, err := NotesSource(notes, "", "desk", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Fetch(context.Background(), src); !errors.Is(err, ErrIDTaken) {
		t.Fatalf("import over the team pack's id = %v, want ErrIDTaken", err)
	}
	src, err = NotesSource(notes, "", "mynotes", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Install(importNotes(t, s, src), InstallOptions{AllowUnsigned: true}); err != nil {
		t.Fatal(err)
	}
	other := writeNotes(t, filepath.Join(t.TempDir(), "other"))
	src2, err := NotesSource(other, "", "mynotes", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Fetch(context.Background(), src2); !errors.Is(err, ErrIDTaken) {
		t.Fatalf("import of another folder over mynotes = %v, want ErrIDTaken", err)
	}
	if err := os.WriteFile(filepath.Join(notes, "New.md"), []byte("# New\n\nMore.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c := importNotes(t, s, src)
	if err := s.Install(c, InstallOptions{AllowUnsigned: true}); err != nil {
		t.Fatalf("importing the same folder again = %v", err)
	}
}
