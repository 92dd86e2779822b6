package kb

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// A first build scans the packs unread and hashes each file as it loads
// it: once Hashed, the state is the one a full scan gives (so the index
// recorded for it is current at the next start), with the loader's hashes
// and not the fallback's read of every file again, and files the loader
// skips (too large, the manifest) still hashed.
func TestScanLibraryUnreadHashedByTheLoad(t *testing.T) {
	packs := t.TempDir()
	vault := filepath.Join(packs, "vault")
	files := map[string]string{
		"pack.toml":             "id = \"vault\"\nname = \"Vault\"\nversion = \"1.0.0\"\n",
		"Guide.md":              "# Guide\n\nHello.\n",
		"同步/冲突.md":              "# 同步冲突\n\n文字。\n",
		"Настройки/Синхр.md":    "# Синхронизация\n\nТекст.\n",
		"Paramètres de Sync.md": "# Paramètres\n\nTexte.\n",
		"الإعدادات.md":          "# الإعدادات\n\nنص.\n",
		"latin1.md":             "# Caf\xe9\n",
		"_drafts/skipped.md":    "# Skipped\n",
		"notes.txt":             "not a note",
		"huge.md":               "# Huge\n\n" + strings.Repeat("word ", MaxFileBytes/5+1),
	}
	for name, text := range files {
		p := filepath.Join(vault, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	unread, err := ScanLibraryUnread(nil, packs)
	if err != nil {
		t.Fatal(err)
	}
	if !unread.Unread() || len(unread.Packs) != 1 {
		t.Fatalf("state = %+v, want one pack, unread", unread)
	}
	for _, f := range unread.Packs[0].Files {
		if f.Hash != "" || f.Size <= 0 || f.ModTime == 0 {
			t.Errorf("%s scanned unread as %+v, want a size and time and no hash", f.Path, f)
		}
	}

	hashes := NewFileHashes()
	if _, err := LoadLibraryKept(nil, packs, Kept{State: unread, Hashes: hashes}); err == nil {
		t.Fatal("the vault loaded without problems; huge.md and latin1.md should have some")
	}
	read := hashes.m["vault"]
	for _, name := range []string{"Guide.md", "同步/冲突.md", "Настройки/Синхр.md", "Paramètres de Sync.md", "الإعدادات.md", "latin1.md"} {
		if read[name] == "" {
			t.Errorf("the load did not hash %s as it read it (hashed: %v)", name, read)
		}
	}

	hashed := unread.Hashed(packs, hashes)
	full, err := ScanLibrary(nil, packs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if hashed.Unread() || !reflect.DeepEqual(hashed.Packs, full.Packs) || hashed.Key() != full.Key() {
		t.Errorf("hashed after the load:\n%+v\nwant the full scan's:\n%+v", hashed.Packs, full.Packs)
	}
	if !unread.Unread() || unread.Packs[0].Files[0].Hash != "" {
		t.Error("Hashed changed the state it was given, which the app's screens may still read")
	}
}

// A file edited between the scan and the load is recorded with the hash
// of what was loaded, and the time scanned: the next scan reads it again
// (its time differs), finds the hash recorded, and nothing is rebuilt.
func TestScanLibraryUnreadFileEditedBeforeItLoads(t *testing.T) {
	packs := t.TempDir()
	note := filepath.Join(packs, "vault", "note.md")
	if err := os.MkdirAll(filepath.Dir(note), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(note, []byte("# Before\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	unread, err := ScanLibraryUnread(nil, packs)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(note, []byte("# After the scan\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Minute)
	os.Chtimes(note, later, later)
	hashes := NewFileHashes()
	if _, err := LoadLibraryKept(nil, packs, Kept{State: unread, Hashes: hashes}); err != nil {
		t.Fatal(err)
	}
	recorded := unread.Hashed(packs, hashes)
	next, err := ScanLibrary(nil, packs, recorded)
	if err != nil {
		t.Fatal(err)
	}
	if next.Key() != recorded.Key() {
		t.Error("the next scan finds the library changed: the index built from what was loaded would be rebuilt")
	}
	if fresh, _ := ScanLibrary(nil, packs, nil); fresh.Key() != recorded.Key() {
		t.Error("the hash recorded is not that of the file as loaded")
	}
}
