package kb_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
)

const manifest = "id = \"acme\"\nname = \"Acme\"\nversion = \"1.0.0\"\n"

// writePack writes files (path → content) into a new pack folder.
func writePack(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// want is one expected problem: where, and words its message must hold.
type want struct {
	file string
	line int
	says string
}

const matrixHead = "---\ntitle: Late\n---\nSummary.\n\n## Options\n"

func option(title, say string) string {
	return "\n### " + title + "\n- **Say:** " + say + "\n- **When:** Always.\n- **Authority:** agent\n"
}

func TestLoadReportsProblems(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []want
	}{
		{"missing title", map[string]string{
			"guides/a.md": "Just text.\n",
		}, []want{{"guides/a.md", 1, "Missing title; add title:"}}},
		{"duplicate id", map[string]string{
			"guides/a.md": "---\ntitle: A\nid: same\n---\nA.\n",
			"guides/b.md": "---\ntitle: B\nid: same\n---\nB.\n",
		}, []want{{"guides/b.md", 1, `id "acme/guides/same" is already used at guides/a.md:1`}}},
		{"matrix with two options", map[string]string{
			"matrix/late.md": matrixHead + option("One", `"One."`) + option("Two", `"Two."`),
		}, []want{{"matrix/late.md", 6, "has 2 option(s) but needs at least 3"}}},
		{"matrix option without Say", map[string]string{
			"matrix/late.md": matrixHead + option("One", `"One."`) + "\n### Two\n- **When:** Never.\n" + option("Three", `"Three."`),
		}, []want{{"matrix/late.md", 13, `option "Two" has no words to say`}}},
		{"matrix without options", map[string]string{
			"matrix/late.md": "---\ntitle: Late\n---\nSummary.\n",
		}, []want{{"matrix/late.md", 1, `no "## Options" section`}}},
		{"malformed placeholder in a template", map[string]string{
			"templates/t.md": "---\ntitle: T\n---\nHi {{customer_name}},\n\nabout {{Their Concern}}.\n",
		}, []want{{"templates/t.md", 6, `"{{Their Concern}}" is not valid`}}},
		{"unclosed placeholder in a Say", map[string]string{
			"matrix/late.md": matrixHead + option("One", `"By {{date+2d."`) + option("Two", `"Two."`) + option("Three", `"Three."`),
		}, []want{{"matrix/late.md", 9, "is not closed"}}},
		{"unknown computed date", map[string]string{
			"templates/t.md": "---\ntitle: T\n---\nBy {{date+3x}}.\n",
		}, []want{{"templates/t.md", 4, "computed placeholder"}}},
		{"single braces in a pack with a manifest", map[string]string{
			"templates/t.md": "---\ntitle: T\n---\nHi {customer_name}.\n",
		}, []want{{"templates/t.md", 4, "write {{customer_name}}"}}},
		{"broken link to a file", map[string]string{
			"guides/a.md": "---\ntitle: A\n---\nIntro.\n\nSee [late](../matrix/late.md).\n",
		}, []want{{"guides/a.md", 6, `broken link: "../matrix/late.md" is not a file of this pack`}}},
		{"broken link to a section", map[string]string{
			"guides/a.md": "---\ntitle: A\n---\n## One\nSee [two](b.md#two).\n",
			"guides/b.md": "---\ntitle: B\n---\n## Three\nText.\n",
		}, []want{{"guides/a.md", 5, "names a section that guides/b.md does not have"}}},
		{"link outside the pack", map[string]string{
			"guides/a.md": "---\ntitle: A\n---\nSee [x](../../x.md).\n",
		}, []want{{"guides/a.md", 4, "points outside the pack"}}},
		{"non-UTF-8 text", map[string]string{
			"guides/a.md": "---\ntitle: A\n---\nOne.\nCaf\xe9.\n",
		}, []want{{"guides/a.md", 5, "not UTF-8"}}},
		{"bad front matter YAML", map[string]string{
			"guides/a.md": "---\ntitle: A\nsummary: Late: again\n---\nText.\n",
		}, []want{{"guides/a.md", 1, "Missing title"}, {"guides/a.md", 3, "front matter is not valid YAML (mapping values are not allowed in this context)"}}},
		{"unknown front matter key", map[string]string{
			"guides/a.md": "---\ntitle: A\ntitel: typo\n---\nText.\n",
		}, []want{{"guides/a.md", 3, `unknown front matter key "titel"`}}},
		{"unknown kind", map[string]string{
			"guides/a.md": "---\ntitle: A\nkind: recipe\n---\nText.\n",
		}, []want{{"guides/a.md", 3, `unknown kind "recipe"`}}},
		{"bad Match pattern", map[string]string{
			"phrases/p.md": "---\ntitle: P\n---\n| Instead of | Try | Why | Match |\n|---|---|---|---|\n| No. | Yes. | Kinder. | (no\\|nope |\n",
		}, []want{{"phrases/p.md", 6, "never closes it"}}},
		{"phrase row shadowed by an earlier row", map[string]string{
			"phrases/a.md": "---\ntitle: A\n---\n| Instead of | Try | Why | Match |\n|---|---|---|---|\n| You should have called. | Thanks for calling. | Kinder. | you should have (read\\|called) |\n",
			"phrases/b.md": "---\ntitle: B\n---\n| Instead of | Try | Why | Match |\n|---|---|---|---|\n| Why didn't you call? | I'm glad you called. | Kinder. | why didn't you; you should have (called\\|told) |\n",
		}, []want{{"phrases/b.md", 6, `never fires for "you should have called": the row "You should have called." (phrases/a.md:6) already matches those words`}}},
		{"phrases without the columns", map[string]string{
			"phrases/p.md": "---\ntitle: P\n---\n| Say | Not |\n|---|---|\n| a | b |\n",
		}, []want{{"phrases/p.md", 1, "no phrase rows"}, {"phrases/p.md", 4, "needs the columns Instead of, Try and Why"}}},
		{"unknown channel tag", map[string]string{
			"statements/angry.md": "---\ntitle: Angry\n---\n## Waited\n- Sorry. `fax`\n",
		}, []want{{"statements/angry.md", 5, "unknown channel tag `fax`"}}},
		{"field described but not used", map[string]string{
			"templates/t.md": "---\ntitle: T\nfields:\n  name: { label: Name }\n---\nHello.\n",
		}, []want{{"templates/t.md", 4, `field "name" is described`}}},
		{"checklist without tasks", map[string]string{
			"checklists/c.md": "---\ntitle: C\n---\nNothing here.\n",
		}, []want{{"checklists/c.md", 1, "has no tasks"}}},
		{"synonym set of one word", map[string]string{
			"synonyms.md": "- refund, money back\n- lonely\n",
		}, []want{{"synonyms.md", 2, "at least two words"}}},
		{"synonym set too big to search", map[string]string{
			// 200,000 words in one set hung every search past a minute.
			"synonyms.md": "- refund, money back\n- " + strings.Repeat("w, ", 150) + "x\n",
		}, []want{{"synonyms.md", 2, "151 words; at most 100"}}},
		{"too many synonym sets to search", map[string]string{
			// 50,000 sets each holding "refund" made a search for it take a minute.
			"synonyms.md": strings.Repeat("- refund, money back\n", 1001),
		}, []want{{"synonyms.md", 1001, "more than 1000 synonym sets"}}},
		{"bad file id", map[string]string{
			"guides/a.md": "---\ntitle: A\nid: Not A Slug\n---\nText.\n",
		}, []want{{"guides/a.md", 3, `id "Not A Slug" is not valid`}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, ok := tt.files["pack.toml"]; !ok {
				tt.files["pack.toml"] = manifest
			}
			checkProblems(t, writePack(t, tt.files), tt.want)
		})
	}
}

func TestLoadReportsManifestProblems(t *testing.T) {
	tests := []struct {
		name     string
		manifest string
		want     []want
	}{
		{"missing id, name and version", "description = \"x\"\n", []want{
			{"pack.toml", 1, "no id"}, {"pack.toml", 1, "no name"}, {"pack.toml", 1, "no version"},
		}},
		{"bad id", "id = \"Acme Support\"\nname = \"A\"\nversion = \"1.0.0\"\n", []want{
			{"pack.toml", 1, `pack id "Acme Support" is not valid; use lower case letters, digits and hyphens, such as "acme-support"`},
		}},
		{"bad version", "id = \"a\"\nname = \"A\"\nversion = \"v1\"\n", []want{
			{"pack.toml", 3, `version "v1" is not a semantic version`},
		}},
		{"unknown key", "id = \"a\"\nname = \"A\"\nversion = \"1.0.0\"\nauthor = \"Dana\"\n", []want{
			{"pack.toml", 4, `unknown key "author"`},
		}},
		{"locale that is not one", "id = \"a\"\nname = \"A\"\nversion = \"1.0.0\"\nlocale = \"American\"\n", []want{
			{"pack.toml", 4, `locale "American" is not a locale; write a language and a region such as locale = "en-US"`},
		}},
		{"locale without a region", "id = \"a\"\nname = \"A\"\nversion = \"1.0.0\"\nlocale = \"en\"\n", []want{
			{"pack.toml", 4, `locale "en" names no region; write a language and a region such as locale = "en-US" or "en-GB"`},
		}},
		{"locale in another language", "id = \"a\"\nname = \"A\"\nversion = \"1.0.0\"\nlanguage = \"de\"\nlocale = \"en-US\"\n", []want{
			{"pack.toml", 5, `locale "en-US" is not in the pack's language "de"`},
		}},
		{"not TOML", "id = \"a\nname = \"A\"\n", []want{
			{"pack.toml", 1, "not valid TOML"},
		}},
		{"reviewed is not a date", "id = \"a\"\nname = \"A\"\nversion = \"1.0.0\"\nreviewed = \"last week\"\n", []want{
			{"pack.toml", 4, `reviewed "last week" is not a date`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkProblems(t, writePack(t, map[string]string{
				"pack.toml":   tt.manifest,
				"guides/a.md": "---\ntitle: A\n---\nText.\n",
			}), tt.want)
		})
	}
}

// checkProblems loads dir and checks it reports exactly want, in order, and
// still returns the items that loaded.
func checkProblems(t *testing.T, dir string, want []want) {
	t.Helper()
	p, err := kb.LoadDir(dir)
	var pe *kb.ProblemsError
	if !errors.As(err, &pe) {
		t.Fatalf("LoadDir error = %v, want a *ProblemsError", err)
	}
	if p == nil {
		t.Fatal("LoadDir returned no pack alongside its problems")
	}
	if len(pe.Problems) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%s", len(pe.Problems), len(want), list(pe.Problems))
	}
	for i, w := range want {
		got := pe.Problems[i]
		if got.File != w.file || got.Line != w.line || !strings.Contains(strings.ToLower(got.Message), strings.ToLower(w.says)) {
			t.Errorf("problem %d = %s\nwant %s:%d: …%s…", i, got, w.file, w.line, w.says)
		}
		if !strings.HasSuffix(got.Message, ".") || strings.ToUpper(got.Message[:1]) != got.Message[:1] {
			t.Errorf("problem %d message %q is not a sentence", i, got.Message)
		}
	}
}

func list(ps []kb.Problem) string {
	var sb strings.Builder
	for _, p := range ps {
		sb.WriteString("  " + p.String() + "\n")
	}
	return sb.String()
}

func TestLoadKeepsWhatLoaded(t *testing.T) {
	dir := writePack(t, map[string]string{
		"pack.toml":   manifest,
		"guides/a.md": "---\ntitle: A\n---\nFine.\n",
		"guides/b.md": "No title.\n",
		"guides/c.md": "---\ntitle: C\n---\nCaf\xe9.\n",
	})
	p, err := kb.LoadDir(dir)
	var pe *kb.ProblemsError
	if !errors.As(err, &pe) || len(pe.Problems) != 2 {
		t.Fatalf("LoadDir error = %v, want 2 problems", err)
	}
	var ids []string
	for _, it := range p.Items {
		ids = append(ids, it.ID)
	}
	if got := strings.Join(ids, " "); got != "acme/guides/a acme/guides/b" {
		t.Errorf("items = %s, want a and b (c is not UTF-8)", got)
	}
}

func TestLoadIgnoresDotAndUnderscore(t *testing.T) {
	dir := writePack(t, map[string]string{
		"pack.toml":            manifest,
		"guides/a.md":          "---\ntitle: A\n---\nFine.\n",
		".obsidian/x.md":       "broken {{",
		"_drafts/y.md":         "broken {{",
		"guides/_wip.md":       "broken {{",
		"guides/.hidden.md":    "broken {{",
		"guides/notes.txt":     "not markdown",
		"guides/pic.png":       "",
		"guides/linked-pic.md": "---\ntitle: P\n---\n![a picture](pic.png)\n",
	})
	p, err := kb.LoadDir(dir)
	if err != nil {
		t.Fatalf("LoadDir: %v", err)
	}
	if len(p.Items) != 2 {
		t.Errorf("loaded %d items, want 2", len(p.Items))
	}
}

func copyDir(src, dst string) error {
	return os.CopyFS(dst, os.DirFS(src))
}

// A wildcard row and a literal row overlap without shadowing each other: the
// checker tries the literal word first, so both can still fire.
func TestLoadAcceptsRowsThatOnlyOverlap(t *testing.T) {
	dir := writePack(t, map[string]string{
		"pack.toml":    manifest,
		"phrases/a.md": "---\ntitle: A\n---\n| Instead of | Try | Why | Match |\n|---|---|---|---|\n| Unfortunately. | Here's where we are. | Kinder. | unfortunate* |\n| Unfortunately not. | Here's what I can do. | Kinder. | unfortunately not; you should have |\n| You should have called. | Thanks for calling. | Kinder. | you should have called |\n",
	})
	if _, err := kb.LoadDir(dir); err != nil {
		t.Fatalf("LoadDir: %v", err)
	}
}

func TestLoadReadsLocale(t *testing.T) {
	for in, want := range map[string]string{"en-US": "en-US", "en_gb": "en-GB", " pt-BR ": "pt-BR", "": ""} {
		p, err := kb.LoadDir(writePack(t, map[string]string{
			"pack.toml":   "id = \"a\"\nname = \"A\"\nversion = \"1.0.0\"\nlocale = \"" + in + "\"\n",
			"guides/a.md": "---\ntitle: A\n---\nText.\n",
		}))
		if err != nil {
			t.Fatalf("locale %q: %v", in, err)
		}
		if p.Manifest.Locale != want {
			t.Errorf("locale %q read as %q, want %q", in, p.Manifest.Locale, want)
		}
	}
}
