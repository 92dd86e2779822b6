package packs

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writePack writes a small valid pack folder and returns it.
func writePack(t testing.TB, dir, id, version string, files map[string]string) string {
	t.Helper()
	all := map[string]string{
		"pack.toml":                fmt.Sprintf("id = %q\nname = \"Team %s\"\nversion = %q\nauthors = [\"Dana Reyes\"]\n", id, id, version),
		"guides/refunds.md":        "---\ntitle: Refunds\n---\nHow we refund.\n\n## Late refunds\nSay sorry and check the date.\n",
		"templates/refund-note.md": "---\ntitle: Refund note\n---\nHi {{customer_name}}, your refund is on its way.\n",
	}
	for k, v := range files {
		if v == "" {
			delete(all, k)
			continue
		}
		all[k] = v
	}
	for name, body := range all {
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

// buildPack builds a pack folder into a .poisepack file in out.
func buildPack(t testing.TB, dir, out string) string {
	t.Helper()
	var buf bytes.Buffer
	if _, _, err := Build(dir, &buf, Limits{}); err != nil {
		t.Fatalf("Build(%s): %v", dir, err)
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return out
}

// packFile writes a pack of the given id and version and builds it,
// signed with key when key is not nil.
func packFile(t testing.TB, id, version string, key *Key, files map[string]string) string {
	t.Helper()
	tmp := t.TempDir()
	dir := writePack(t, filepath.Join(tmp, id), id, version, files)
	file := buildPack(t, dir, filepath.Join(tmp, id+"-"+version+Ext))
	if key != nil {
		signFile(t, file, key, id, version)
	}
	return file
}

func signFile(t testing.TB, file string, key *Key, id, version string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	sig, err := Sign(key.Private, "", data, id, version)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file+SigExt, sig, 0o644); err != nil {
		t.Fatal(err)
	}
}

func newKey(t testing.TB) *Key {
	t.Helper()
	k, err := GenerateKey("")
	if err != nil {
		t.Fatal(err)
	}
	return &k
}

func openStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "packs"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// install fetches src and installs it with opts.
func install(t testing.TB, s *Store, src string, opts InstallOptions) (*Candidate, error) {
	t.Helper()
	source, err := ParseSource(src, "")
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.Fetch(context.Background(), source)
	if err != nil {
		return nil, err
	}
	return c, s.Install(c, opts)
}

// zipOf builds a zip from entries, for hand-made hostile archives.
type entry struct {
	name string
	body string
	mode os.FileMode
	raw  *zip.FileHeader
}

func zipOf(t testing.TB, entries ...entry) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		h := e.raw
		if h == nil {
			h = &zip.FileHeader{Name: e.name, Method: zip.Deflate}
			if e.mode != 0 {
				h.SetMode(e.mode)
			}
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(e.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// tree lists every path under dir, for "nothing left behind" checks.
func tree(t testing.TB, dir string) string {
	t.Helper()
	var paths []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil {
			rel, _ := filepath.Rel(dir, p)
			paths = append(paths, filepath.ToSlash(rel))
		}
		return nil
	})
	return strings.Join(paths, "\n")
}
