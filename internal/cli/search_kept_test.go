package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/poisehq/poise/content"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/packs"
)

// The first 'poise search' builds the index and keeps the large pack it
// parsed for it, so the app's next start reads that copy instead of
// parsing every note again.
func TestFirstSearchKeepsTheLargePacksItParsed(t *testing.T) {
	dataDir := t.TempDir()
	packsDir := filepath.Join(dataDir, "packs")
	pack := filepath.Join(packsDir, "vault")
	if err := os.MkdirAll(pack, 0o700); err != nil {
		t.Fatal(err)
	}
	for i := range 250 { // 1,250 items: large enough to be kept
		body := fmt.Sprintf("# Topic %03d\n\nAbout topic %d.\n", i, i)
		for _, s := range []string{"Setup", "Usage", "Limits", "Help"} {
			body += fmt.Sprintf("\n## %s\n\n%s of topic %d.\n", s, s, i)
		}
		if err := os.WriteFile(filepath.Join(pack, fmt.Sprintf("note-%03d.md", i)), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if code, _, stderr := run(t, "--data-dir", dataDir, "search", "topic 7"); code != ExitOK {
		t.Fatalf("first search: exit %d, %s", code, stderr)
	}

	builtin := packs.Builtin(content.FS, packsDir)
	state, err := kb.ScanLibrary(builtin, packsDir, nil)
	if err != nil {
		t.Fatal(err)
	}
	parsed := map[string]bool{}
	lib, err := kb.LoadLibraryKept(builtin, packsDir, kb.Kept{
		Dir: packs.KeptDir(packsDir), State: state,
		Loaded: func(pk *kb.Pack, _ []kb.Problem, fromKept bool) { parsed[pk.Manifest.ID] = !fromKept },
	})
	if err != nil || lib == nil {
		t.Fatalf("load as kept: %v", err)
	}
	pk, ok := lib.Pack("vault")
	if !ok || len(pk.Items) < 1000 {
		t.Fatalf("vault pack not loaded whole: %v", ok)
	}
	if parsed["vault"] {
		t.Error("the vault was parsed again: the first search did not keep it")
	}
}
