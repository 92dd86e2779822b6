package packs

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
)

func TestSignatures(t *testing.T) {
	key, other := newKey(t), newKey(t)
	t.Run("valid", func(t *testing.T) {
		s := openStore(t)
		file := packFile(t, "acme", "1.0.0", key, nil)
		if _, err := install(t, s, file, InstallOptions{}); !errors.Is(err, ErrUntrusted) {
			t.Fatalf("first install without trusting = %v, want ErrUntrusted", err)
		}
		c, err := install(t, s, file, InstallOptions{TrustSigner: true})
		if err != nil {
			t.Fatal(err)
		}
		if c.Signature.Signer.KeyID != key.ID || c.Trust != TrustNew {
			t.Errorf("signer %v trust %s, want key %s, new", c.Signature.Signer, c.Trust, key.ID)
		}
		if _, err := os.Stat(filepath.Join(s.Dir(), "acme", "pack.toml")); err != nil {
			t.Errorf("pack not installed: %v", err)
		}
	})
	t.Run("one byte tampered", func(t *testing.T) {
		s := openStore(t)
		file := packFile(t, "acme", "1.0.0", key, nil)
		data := mustRead(t, file)
		data[len(data)/2] ^= 1
		os.WriteFile(file, data, 0o644)
		if _, err := install(t, s, file, InstallOptions{TrustSigner: true}); !errors.Is(err, ErrTampered) {
			t.Fatalf("install = %v, want ErrTampered", err)
		}
	})
	t.Run("wrong key", func(t *testing.T) {
		file := packFile(t, "acme", "1.0.0", key, nil)
		sig := mustRead(t, file+SigExt)
		if _, err := Verify(mustRead(t, file), sig, string(other.Public)); !errors.Is(err, ErrTampered) {
			t.Fatalf("Verify with another key = %v, want ErrTampered", err)
		}
		if v, err := Verify(mustRead(t, file), sig, string(key.Public)); err != nil || v.Signer.KeyID != key.ID {
			t.Fatalf("Verify with the signing key = %v, %v", v, err)
		}
	})
	t.Run("unsigned", func(t *testing.T) {
		s := openStore(t)
		file := packFile(t, "acme", "1.0.0", nil, nil)
		if _, err := install(t, s, file, InstallOptions{TrustSigner: true}); !errors.Is(err, ErrUnsigned) {
			t.Fatalf("install = %v, want ErrUnsigned", err)
		}
		if _, err := install(t, s, file, InstallOptions{AllowUnsigned: true}); err != nil {
			t.Fatalf("install --allow-unsigned: %v", err)
		}
	})
	t.Run("key changed on update", func(t *testing.T) {
		s := openStore(t)
		if _, err := install(t, s, packFile(t, "acme", "1.0.0", key, nil), InstallOptions{TrustSigner: true}); err != nil {
			t.Fatal(err)
		}
		v2 := packFile(t, "acme", "1.1.0", other, nil)
		if _, err := install(t, s, v2, InstallOptions{TrustSigner: true}); !errors.Is(err, ErrKeyChanged) {
			t.Fatalf("update signed by another key = %v, want ErrKeyChanged", err)
		}
		unsigned := packFile(t, "acme", "1.1.0", nil, nil)
		if _, err := install(t, s, unsigned, InstallOptions{AllowUnsigned: true}); !errors.Is(err, ErrKeyChanged) {
			t.Fatalf("unsigned update of a signed pack = %v, want ErrKeyChanged", err)
		}
		if got := installedVersion(t, s, "acme"); got != "1.0.0" {
			t.Fatalf("after refusals version %s, want 1.0.0", got)
		}
		if _, err := install(t, s, v2, InstallOptions{Retrust: true}); err != nil {
			t.Fatalf("re-trusted update: %v", err)
		}
		if _, err := install(t, s, packFile(t, "acme", "1.2.0", key, nil), InstallOptions{}); !errors.Is(err, ErrKeyChanged) {
			t.Fatalf("the old key after re-trusting = %v, want ErrKeyChanged", err)
		}
	})
}

func installedVersion(t testing.TB, s *Store, id string) string {
	t.Helper()
	list, err := s.List(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range list {
		if in.ID == id {
			return in.Version
		}
	}
	return ""
}

func TestUpdateDowngradeAndRollback(t *testing.T) {
	key := newKey(t)
	s := openStore(t)
	if _, err := install(t, s, packFile(t, "acme", "1.0.0", key, nil), InstallOptions{TrustSigner: true}); err != nil {
		t.Fatal(err)
	}
	v2 := packFile(t, "acme", "2.0.0", key, map[string]string{
		"guides/refunds.md":        "---\ntitle: Refunds\n---\nHow we refund, rewritten.\n\n## Late refunds\nSay sorry and check the date.\n",
		"templates/refund-note.md": "",
		"matrix/late.md":           "---\ntitle: Late\n---\nLate.\n\n## Options\n### A\n- Say: a\n### B\n- Say: b\n### C\n- Say: c\n",
	})
	c, err := install(t, s, v2, InstallOptions{})
	if err != nil {
		t.Fatalf("update by the trusted key: %v", err)
	}
	ids := func(cs []Change) []string {
		var out []string
		for _, c := range cs {
			out = append(out, c.ID)
		}
		return out
	}
	if got := ids(c.Changes.Changed); !slices.Equal(got, []string{"acme/guides/refunds"}) {
		t.Errorf("changed = %v, want the rewritten guide only", got)
	}
	if got := ids(c.Changes.Removed); !slices.Equal(got, []string{"acme/templates/refund-note"}) {
		t.Errorf("removed = %v", got)
	}
	if got := ids(c.Changes.Added); !slices.Contains(got, "acme/matrix/late") {
		t.Errorf("added = %v, want the new concern", got)
	}
	if ch := c.Changes.Changed[0]; ch.Old == ch.New || ch.Old == "" {
		t.Errorf("changed item hashes %q → %q", ch.Old, ch.New)
	}

	if _, err := install(t, s, packFile(t, "acme", "1.5.0", key, nil), InstallOptions{}); !errors.Is(err, ErrDowngrade) {
		t.Fatalf("older version = %v, want ErrDowngrade", err)
	}
	if _, err := install(t, s, v2, InstallOptions{}); !errors.Is(err, ErrSameVersion) {
		t.Fatalf("same version = %v, want ErrSameVersion", err)
	}
	back, err := s.Rollback("acme")
	if err != nil {
		t.Fatal(err)
	}
	if got := installedVersion(t, s, "acme"); got != "1.0.0" {
		t.Fatalf("after rollback version %s, want 1.0.0", got)
	}
	// The rollback says what it undid: the update's changes, reversed.
	if back.ID != "acme" || back.From != "2.0.0" || back.To != "1.0.0" {
		t.Errorf("rollback reports %s %s → %s, want acme 2.0.0 → 1.0.0", back.ID, back.From, back.To)
	}
	if got := ids(back.Changes.Changed); !slices.Equal(got, []string{"acme/guides/refunds"}) {
		t.Errorf("rollback changed = %v, want the rewritten guide", got)
	}
	if got := ids(back.Changes.Added); !slices.Equal(got, []string{"acme/templates/refund-note"}) {
		t.Errorf("rollback added = %v, want the template the update removed", got)
	}
	if got := ids(back.Changes.Removed); !slices.Contains(got, "acme/matrix/late") {
		t.Errorf("rollback removed = %v, want the concern the update added", got)
	}
	again, err := s.Rollback("acme")
	if err != nil {
		t.Fatal(err)
	}
	if got := installedVersion(t, s, "acme"); got != "2.0.0" {
		t.Fatalf("rolling back twice gives %s, want 2.0.0 again", got)
	}
	if again.From != "1.0.0" || again.To != "2.0.0" || !slices.Equal(ids(again.Changes.Added), ids(c.Changes.Added)) {
		t.Errorf("rolling back again reports %s → %s adding %v, want 1.0.0 → 2.0.0 adding %v", again.From, again.To, ids(again.Changes.Added), ids(c.Changes.Added))
	}
	if _, err := install(t, s, packFile(t, "acme", "1.5.0", key, nil), InstallOptions{Force: true}); err != nil {
		t.Fatalf("forced downgrade: %v", err)
	}
	if got := installedVersion(t, s, "acme"); got != "1.5.0" {
		t.Fatalf("forced downgrade gives %s", got)
	}
	if entries, _ := os.ReadDir(s.meta("staging")); len(entries) != 0 {
		t.Errorf("staging left behind: %v", entries)
	}
}

func TestListDisableEnableRemove(t *testing.T) {
	s := openStore(t)
	builtin := os.DirFS(writePack(t, t.TempDir(), "builtin", "1.0.0", nil))
	if _, err := install(t, s, packFile(t, "acme", "1.0.0", nil, nil), InstallOptions{AllowUnsigned: true}); err != nil {
		t.Fatal(err)
	}
	loaded := func() []string {
		lib, _ := s.LoadLibrary(builtin)
		var ids []string
		for _, p := range lib.Packs {
			ids = append(ids, p.Manifest.ID)
		}
		return ids
	}
	if got := loaded(); !slices.Equal(got, []string{"builtin", "acme"}) {
		t.Fatalf("library = %v", got)
	}
	for _, id := range []string{"acme", kb.BuiltinID} {
		if err := s.Disable(id); err != nil {
			t.Fatal(err)
		}
	}
	if got := loaded(); len(got) != 0 {
		t.Fatalf("library with both disabled = %v", got)
	}
	list, err := s.List(builtin)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || !list[0].Builtin || !list[0].Disabled || !list[1].Disabled || list[1].Counts[kb.KindTemplate] != 1 {
		t.Fatalf("list = %+v", list)
	}
	for _, id := range []string{"acme", kb.BuiltinID} {
		if err := s.Enable(id); err != nil {
			t.Fatal(err)
		}
	}
	if got := loaded(); !slices.Equal(got, []string{"builtin", "acme"}) {
		t.Fatalf("library after enabling = %v", got)
	}
	if err := s.Remove(kb.BuiltinID); !errors.Is(err, ErrBuiltin) {
		t.Fatalf("remove builtin = %v, want ErrBuiltin", err)
	}
	if err := s.Remove("acme"); err != nil {
		t.Fatal(err)
	}
	if got := loaded(); !slices.Equal(got, []string{"builtin"}) {
		t.Fatalf("library after remove = %v", got)
	}
	if err := s.Remove("acme"); !errors.Is(err, ErrNotInstalled) {
		t.Fatalf("second remove = %v, want ErrNotInstalled", err)
	}
}

func TestInstallFromFolderAndSignedFolder(t *testing.T) {
	s := openStore(t)
	dir := writePack(t, filepath.Join(t.TempDir(), "acme"), "acme", "1.0.0", map[string]string{".obsidian/app.json": "{}", "_drafts/x.md": "# x\n"})
	if _, err := install(t, s, dir, InstallOptions{AllowUnsigned: true}); err != nil {
		t.Fatal(err)
	}
	if got := tree(t, filepath.Join(s.Dir(), "acme")); strings.Contains(got, "obsidian") || strings.Contains(got, "_drafts") {
		t.Errorf("hidden files were installed:\n%s", got)
	}
	key := newKey(t)
	dir2 := writePack(t, filepath.Join(t.TempDir(), "acme"), "acme", "1.1.0", nil)
	if err := SignFolder(dir2, key.Private, ""); err != nil {
		t.Fatal(err)
	}
	c, err := install(t, s, dir2, InstallOptions{TrustSigner: true})
	if err != nil || c.Signature == nil || c.Signature.Signer.KeyID != key.ID {
		t.Fatalf("signed folder: %v (%+v)", err, c)
	}
	os.WriteFile(filepath.Join(dir2, "guides", "refunds.md"), []byte("# Changed\n"), 0o644)
	if _, err := install(t, s, dir2, InstallOptions{Force: true}); !errors.Is(err, ErrTampered) {
		t.Fatalf("signed folder edited after signing = %v, want ErrTampered", err)
	}
}

func TestFolderWithSymlinkIsRefused(t *testing.T) {
	s := openStore(t)
	dir := writePack(t, filepath.Join(t.TempDir(), "acme"), "acme", "1.0.0", nil)
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "guides", "passwd.md")); err != nil {
		t.Skip(err)
	}
	before := tree(t, s.Dir())
	if _, err := install(t, s, dir, InstallOptions{AllowUnsigned: true}); !errors.Is(err, ErrHostile) {
		t.Fatalf("install = %v, want ErrHostile", err)
	}
	if after := tree(t, s.Dir()); after != before {
		t.Errorf("left behind:\n%s", after)
	}
}

func TestMinPoiseRefusesOldPoise(t *testing.T) {
	s := openStore(t)
	s.PoiseVersion = "0.1.0"
	file := packFile(t, "acme", "1.0.0", nil, map[string]string{"pack.toml": goodManifest + "min_poise = \"0.3.0\"\n"})
	if _, err := install(t, s, file, InstallOptions{AllowUnsigned: true}); !errors.Is(err, ErrTooNew) {
		t.Fatalf("install = %v, want ErrTooNew", err)
	}
}

// TestMinPoiseDevBuilds: a dev or pre-release build of version X is the
// release under development, so it reads packs that need X (semver alone
// puts 0.1.0-dev before 0.1.0), but not packs that need a later version.
func TestMinPoiseDevBuilds(t *testing.T) {
	for _, tc := range []struct {
		poise, min string
		refused    bool
	}{
		{"0.1.0-dev", "0.1.0", false},
		{"0.1.0-rc.1", "0.1.0", false},
		{"0.1.0-dev", "0.0.9", false},
		{"0.1.0-dev", "0.1.1", true},
		{"0.1.0-dev", "0.2.0", true},
		{"0.1.0", "0.1.0", false},
		{"0.1.0", "0.3.0", true},
		{"", "9.0.0", false},    // no version given: accepts every pack
		{"dev", "9.0.0", false}, // not semantic: accepts every pack
	} {
		t.Run(tc.poise+" needs "+tc.min, func(t *testing.T) {
			s := openStore(t)
			s.PoiseVersion = tc.poise
			file := packFile(t, "acme", "1.0.0", nil, map[string]string{"pack.toml": goodManifest + "min_poise = \"" + tc.min + "\"\n"})
			_, err := install(t, s, file, InstallOptions{AllowUnsigned: true})
			if refused := errors.Is(err, ErrTooNew); refused != tc.refused || !refused && err != nil {
				t.Fatalf("install = %v, want refused %v", err, tc.refused)
			}
		})
	}
}

func TestCheckUpdateFromRememberedSource(t *testing.T) {
	s := openStore(t)
	dir := writePack(t, filepath.Join(t.TempDir(), "acme"), "acme", "1.0.0", nil)
	if _, err := install(t, s, dir, InstallOptions{AllowUnsigned: true}); err != nil {
		t.Fatal(err)
	}
	c, err := s.CheckUpdate(context.Background(), "acme")
	if err != nil {
		t.Fatal(err)
	}
	if c.Newer() {
		t.Errorf("the same version counts as newer")
	}
	c.Discard()
	writePack(t, dir, "acme", "1.0.1", map[string]string{"guides/new.md": "# New\nText.\n"})
	c, err = s.CheckUpdate(context.Background(), "acme")
	if err != nil {
		t.Fatal(err)
	}
	if !c.Newer() || len(c.Changes.Added) == 0 {
		t.Fatalf("update: newer %v, changes %+v", c.Newer(), c.Changes)
	}
	if err := s.Install(c, InstallOptions{}); err != nil {
		t.Fatalf("update of a pack accepted unsigned: %v", err)
	}
	writePack(t, dir, "other", "1.0.2", nil)
	if _, err := s.CheckUpdate(context.Background(), "acme"); !errors.Is(err, ErrHostile) {
		t.Fatalf("source now holding another pack = %v, want ErrHostile", err)
	}
}
