package mine_test

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/mine"
)

// concern is a matrix concern that loads clean; %s is its title.
const concern = "---\ntitle: %s\n---\nThe parcel is late.\n\n## Options\n### Resend\n- **Say:** \"I'm sending another today.\"\n### Refund\n- **Say:** \"I'm refunding the delivery charge.\"\n### Trace\n- **Say:** \"I'll trace it and call you back.\"\n"

// builtin is a small built-in pack.
func builtin() fstest.MapFS {
	return fstest.MapFS{
		"pack.toml":           {Data: []byte("id = \"builtin\"\nname = \"Built-in\"\nversion = \"1.0.0\"\n")},
		"matrix/late.md":      {Data: []byte(sprintf(concern, "Late delivery"))},
		"statements/angry.md": {Data: []byte("---\ntitle: Angry\nemotions: [angry]\n---\n## Waited\n- I'm sorry you waited. `voice`\n- Let's fix it now. `chat`\n")},
		"templates/note.md":   {Data: []byte("---\ntitle: Note\n---\nHi {{customer_name}}, thanks.\n")},
	}
}

func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// load loads the library of the built-in pack and packsDir, failing on
// any problem.
func load(t testing.TB, b fstest.MapFS, packsDir string) *kb.Library {
	t.Helper()
	lib, err := kb.LoadLibrary(b, packsDir)
	if err != nil {
		t.Fatalf("load library: %v", err)
	}
	return lib
}

func setup(t testing.TB) (*mine.Pack, fstest.MapFS, string, mine.Sources) {
	t.Helper()
	packsDir := filepath.Join(t.TempDir(), "packs")
	if err := os.MkdirAll(packsDir, 0o700); err != nil {
		t.Fatal(err)
	}
	b := builtin()
	return mine.Open(packsDir), b, packsDir, mine.Sources{Builtin: b, PacksDir: packsDir}
}
