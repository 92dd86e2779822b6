package searchtest_test

import (
	"errors"
	"os"
	"strconv"
	"testing"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/search/searchtest"
)

// The generated vault loads as a plain folder without a single problem:
// every link resolves, no id collides in any script, and each language is
// detected. With POISE_VAULT_OUT set it writes a full-size vault there
// (POISE_VAULT_FILES files, default 6,300) for measuring the whole program.
func TestWriteVault(t *testing.T) {
	dir, files := t.TempDir(), 400
	if out := os.Getenv("POISE_VAULT_OUT"); out != "" {
		dir, files = out, searchtest.DefaultVaultFiles
		if n, err := strconv.Atoi(os.Getenv("POISE_VAULT_FILES")); err == nil {
			files = n
		}
	}
	st, err := searchtest.WriteVault(dir, searchtest.VaultOptions{Files: files, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d files, %.1f MB, %d headings, %d links, %d languages", st.Files, float64(st.Bytes)/1e6, st.Headings, st.Links, st.Languages)
	p, err := kb.LoadDir(dir)
	var pe *kb.ProblemsError
	if errors.As(err, &pe) {
		t.Fatalf("%d problems, such as %v", len(pe.Problems), pe.Problems[:min(5, len(pe.Problems))])
	}
	if err != nil {
		t.Fatal(err)
	}
	if want := st.Files + st.Headings; len(p.Items) < want*9/10 {
		t.Errorf("%d items from %d files and %d headings", len(p.Items), st.Files, st.Headings)
	}
	langs := map[string]int{}
	for _, it := range p.Items {
		langs[it.Language]++
	}
	t.Logf("items by language: %v", langs)
	for _, code := range []string{"en", "fr", "de", "ru", "zh", "ja", "ko", "ar", "hi", "bn", "el"} {
		if langs[code] == 0 {
			t.Errorf("no item detected as %s", code)
		}
	}
	lib := kb.NewLibrary(p)
	for _, id := range []string{p.Manifest.ID + "/français/paramètres-de-sync#paramètres-de-sync", p.Manifest.ID + "/中文/同步冲突#同步冲突"} {
		if _, ok := lib.Item(id); !ok {
			t.Errorf("no item %s", id)
		}
	}
}
