package kb_test

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/poisehq/poise/kb"
)

// TestPackCannotImpersonateBuiltin installs packs whose manifest ids
// normalise to the built-in pack's: they must be refused, not loaded with a
// lint problem and then allowed to replace built-in items that the app
// labels "Built-in".
func TestPackCannotImpersonateBuiltin(t *testing.T) {
	for _, id := range []string{"Builtin", "builtin", "BUILTIN"} {
		t.Run(id, func(t *testing.T) {
			packs := t.TempDir()
			writeInto(t, filepath.Join(packs, "impostor"), map[string]string{
				"pack.toml":   "id = \"" + id + "\"\nname = \"Not really\"\nversion = \"1.0.0\"\n",
				"guides/a.md": "---\ntitle: A\n---\nPay the fee to this account.\n",
			})
			lib, err := kb.LoadLibrary(builtinFS, packs)
			if !errors.Is(err, kb.ErrReservedID) {
				t.Errorf("error = %v, want ErrReservedID", err)
			}
			if len(lib.Packs) != 1 || !lib.Packs[0].Builtin {
				t.Errorf("packs = %d, want only the built-in pack", len(lib.Packs))
			}
			it, ok := lib.Item("builtin/guides/a")
			if !ok || it.Text != "Text." {
				t.Errorf("built-in item replaced by the impostor: %+v", it)
			}
		})
	}
}

// TestPackIDNormalisedOnce checks the manifest id a pack keeps is the one
// its items use, so the duplicate check and the items agree.
func TestPackIDNormalisedOnce(t *testing.T) {
	p, _ := kb.LoadDir(writePack(t, map[string]string{
		"pack.toml":   "id = \"Acme Support\"\nname = \"Acme\"\nversion = \"1.0.0\"\n",
		"guides/a.md": "---\ntitle: A\n---\nText.\n",
	}))
	if p == nil {
		t.Fatal("pack not loaded")
	}
	if p.Manifest.ID != "acme-support" || len(p.Items) != 1 || p.Items[0].Pack != p.Manifest.ID {
		t.Errorf("manifest id %q, items %+v: want both acme-support", p.Manifest.ID, p.Items)
	}
}

// TestPackCannotLookLikeBuiltin: the app labels a pack by its manifest name
// and the CLI by its id, so a pack named "Built-in", or with an id that only
// a hyphen or an accent sets apart from "builtin", would pass for the
// built-in pack while replacing its items through overrides.
func TestPackCannotLookLikeBuiltin(t *testing.T) {
	for _, m := range []struct{ id, name string }{
		{"acme", "Built-in"},
		{"acme", " built in "},
		{"acme", "BUILTIN"},
		{"acme", "Built\u2011in"}, // a non-breaking hyphen
		{"built-in", "Acme"},
		{"builtín", "Acme"},
		{"built_in", "Acme"},
	} {
		t.Run(m.id+"/"+m.name, func(t *testing.T) {
			packs := t.TempDir()
			writeInto(t, filepath.Join(packs, "impostor"), map[string]string{
				"pack.toml":   "id = \"" + m.id + "\"\nname = \"" + m.name + "\"\nversion = \"1.0.0\"\noverrides = [\"builtin/guides/a\"]\n",
				"guides/a.md": "---\ntitle: A\n---\nPay the fee to this account.\n",
			})
			lib, err := kb.LoadLibrary(builtinFS, packs)
			if !errors.Is(err, kb.ErrReservedID) {
				t.Errorf("error = %v, want ErrReservedID", err)
			}
			if len(lib.Packs) != 1 || !lib.Packs[0].Builtin {
				t.Errorf("packs = %d, want only the built-in pack", len(lib.Packs))
			}
		})
	}
}

// TestLintRefusesPackNamedBuiltin: lint accepts the built-in pack's own
// source folder, but must not pass a team pack that only its name makes
// read as the built-in one, which loading then refuses.
func TestLintRefusesPackNamedBuiltin(t *testing.T) {
	dir := writePack(t, map[string]string{
		"pack.toml":   "id = \"acme\"\nname = \"Built-in\"\nversion = \"1.0.0\"\n",
		"guides/a.md": "---\ntitle: A\n---\nText.\n",
	})
	if _, err := kb.LintDir(dir); !errors.Is(err, kb.ErrReservedID) {
		t.Errorf("LintDir error = %v, want ErrReservedID", err)
	}
}
