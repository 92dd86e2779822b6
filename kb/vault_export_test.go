package kb_test

import (
	"encoding/json"
	"errors"
	"os"
	"testing"

	"github.com/poisehq/poise/kb"
)

// TestExportVault writes every item and problem of the folder of notes
// POISE_VAULT_DIR, as loading makes them, to the JSON file
// POISE_VAULT_EXPORT: a change to loading that must not change what is
// loaded is checked by comparing this file before and after it.
func TestExportVault(t *testing.T) {
	dir, out := os.Getenv("POISE_VAULT_DIR"), os.Getenv("POISE_VAULT_EXPORT")
	if dir == "" || out == "" {
		t.Skip("set POISE_VAULT_DIR and POISE_VAULT_EXPORT to export a vault")
	}
	p, err := kb.LoadDir(dir)
	var pe *kb.ProblemsError
	if err != nil && !errors.As(err, &pe) {
		t.Fatal(err)
	}
	export := struct {
		Items    []kb.Item
		Problems *kb.ProblemsError
	}{Items: p.Items, Problems: pe}
	b, err := json.MarshalIndent(export, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d items, %d bytes", len(p.Items), len(b))
}
