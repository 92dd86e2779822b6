package packs

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const goodManifest = "id = \"acme\"\nname = \"Acme\"\nversion = \"1.0.0\"\n"

func TestHostileArchivesAreRefusedAndLeaveNothing(t *testing.T) {
	many := []entry{{name: "pack.toml", body: goodManifest}}
	for i := range 10_001 {
		many = append(many, entry{name: fmt.Sprintf("guides/g%05d.md", i), body: "x"})
	}
	zeros := strings.Repeat("\x00", 3<<19)
	big := &zip.FileHeader{Name: "guides/big.md", Method: zip.Store}
	tests := []struct {
		name    string
		entries []entry
		want    string
	}{
		{"path traversal", []entry{{name: "pack.toml", body: goodManifest}, {name: "../evil.md", body: "x"}}, "outside the pack"},
		{"traversal inside", []entry{{name: "guides/../../evil.md", body: "x"}}, "outside the pack"},
		{"absolute path", []entry{{name: "/etc/evil.md", body: "x"}}, "absolute path"},
		{"windows drive", []entry{{name: "C:/evil.md", body: "x"}}, "absolute path"},
		{"backslash", []entry{{name: "..\\evil.md", body: "x"}}, "backslash"},
		{"symlink", []entry{{name: "guides/link.md", body: "/etc/passwd", mode: os.ModeSymlink | 0o777}}, "symbolic link"},
		{"device file", []entry{{name: "guides/dev", body: "", mode: os.ModeDevice | os.ModeCharDevice | 0o644}}, "device file"},
		{"duplicate names", []entry{{name: "pack.toml", body: goodManifest}, {name: "guides/a.md", body: "x"}, {name: "guides/a.md", body: "y"}}, "twice"},
		{"names differing in case", []entry{{name: "guides/a.md", body: "x"}, {name: "guides/A.md", body: "y"}}, "twice"},
		// Composed and decomposed é: one file on macOS, one item id everywhere.
		{"names differing in Unicode normalisation", []entry{{name: "guides/caf\u00e9.md", body: "x"}, {name: "guides/cafe\u0301.md", body: "y"}}, "accent encoded two ways"},
		{"names differing in case and normalisation", []entry{{name: "guides/CAF\u00c9.md", body: "x"}, {name: "guides/cafe\u0301.md", body: "y"}}, "twice"},
		{"too many files", many, "more than 10000 files"},
		{"too large unpacked", []entry{{name: "pack.toml", body: goodManifest}, {name: "guides/big.md", body: letters(3 << 20)}}, "more than 2 MB"},
		{"too large declared", []entry{{raw: big, body: letters(3 << 20)}}, "more than 2 MB"},
		{"zip bomb", []entry{{name: "guides/zeros.md", body: zeros}}, "expands more than 100 times"},
		{"not UTF-8 text", []entry{{name: "pack.toml", body: goodManifest}, {name: "guides/latin1.md", body: "caf\xe9\n"}}, "guides/latin1.md:1 is not UTF-8"},
		{"not UTF-8 name", []entry{{name: "guides/caf\xe9.md", body: "x"}}, "name is not UTF-8"},
		{"control characters in name", []entry{{name: "guides/\x1b[31mred.md", body: "x"}}, "control characters"},
		{"no content list", []entry{{name: "pack.toml", body: goodManifest}}, "no .poise/contents.json"},
		{"not a zip", nil, "not a .poisepack"},
		// The disk refused these with its own words ("file name too long",
		// "not a directory"); the refusal now says what to rename.
		{"name over the length limit", []entry{{name: "pack.toml", body: goodManifest}, {name: "guides/" + letters(300) + ".md", body: "x"}}, "is longer than 255 bytes: shorten it"},
		{"path over the length limit", []entry{{name: "pack.toml", body: goodManifest}, {name: strings.Repeat(letters(200)+"/", 6) + "a.md", body: "x"}}, "is longer than 1024 bytes: shorten"},
		{"file, then a folder of one name", []entry{{name: "pack.toml", body: goodManifest}, {name: "guides", body: "x"}, {name: "guides/a.md", body: "x"}}, `"guides" is both a file and a folder: rename one of them`},
		{"folder, then a file of one name", []entry{{name: "pack.toml", body: goodManifest}, {name: "guides/a.md", body: "x"}, {name: "guides", body: "x"}}, `"guides" is both a file and a folder: rename one of them`},
		{"file and folder differing in case", []entry{{name: "pack.toml", body: goodManifest}, {name: "Guides", body: "x"}, {name: "guides/a.md", body: "x"}}, "is both a file and a folder"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openStore(t)
			s.Limits.MaxUnpacked = 2 << 20 // the default 50 MB is checked in TestLimitDefaults
			before := tree(t, s.Dir())
			file := filepath.Join(t.TempDir(), "hostile"+Ext)
			data := []byte("this is not a zip")
			if tc.entries != nil {
				data = zipOf(t, tc.entries...)
			}
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := install(t, s, file, InstallOptions{AllowUnsigned: true})
			if !errors.Is(err, ErrHostile) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("install = %v, want ErrHostile saying %q", err, tc.want)
			}
			if after := tree(t, s.Dir()); after != before {
				t.Errorf("packs folder changed:\n%s\nwas:\n%s", after, before)
			}
		})
	}
}

func TestForgedArchivesAreRefused(t *testing.T) {
	// rehash rewrites the content list for the edited files, as an
	// attacker rebuilding the archive would.
	rehash := func(f map[string]string, pack string) {
		c := Contents{Format: contentsFormat, Pack: pack, Version: "1.0.0", Files: map[string]string{}}
		for name, body := range f {
			if name != contentsName {
				sum := sha256.Sum256([]byte(body))
				c.Files[name] = hex.EncodeToString(sum[:])
			}
		}
		f[contentsName] = string(c.marshal())
	}
	tests := []struct {
		name  string
		edit  func(files map[string]string)
		want  error
		words string
	}{
		{"manifest names the built-in pack", func(f map[string]string) {
			f["pack.toml"] = strings.Replace(f["pack.toml"], `id = "acme"`, `id = "builtin"`, 1)
			rehash(f, "builtin")
		}, ErrHostile, "built-in"},
		{"manifest names another pack than the content list", func(f map[string]string) {
			f["pack.toml"] = strings.Replace(f["pack.toml"], `id = "acme"`, `id = "other"`, 1)
			rehash(f, "acme")
		}, ErrHostile, `names pack "acme" but pack.toml names "other"`},
		{"manifest edited after building", func(f map[string]string) {
			f["pack.toml"] = strings.Replace(f["pack.toml"], `id = "acme"`, `id = "other"`, 1)
		}, ErrTampered, "pack.toml"},
		// A right-to-left override in the name shows "1.0.0" as "0.0.1"
		// on the Packs screen; an escape sequence rewrites a terminal.
		{"name with a right-to-left override", func(f map[string]string) {
			f["pack.toml"] = regexp.MustCompile(`(?m)^name = ".*"$`).ReplaceAllString(f["pack.toml"], `name = "Acme \u202eyalp"`)
			rehash(f, "acme")
		}, ErrHostile, `pack.toml: its name holds`},
		{"author with an escape sequence", func(f map[string]string) {
			f["pack.toml"] = regexp.MustCompile(`(?m)^authors = .*$`).ReplaceAllString(f["pack.toml"], `authors = ["Dana \u001b]0;x\u0007"]`)
			rehash(f, "acme")
		}, ErrHostile, `pack.toml: its authors hold`},
		{"a file changed after building", func(f map[string]string) {
			f["guides/refunds.md"] += "Also give them a voucher.\n"
		}, ErrTampered, "guides/refunds.md"},
		{"a file added after building", func(f map[string]string) {
			f["guides/extra.md"] = "# Extra\n"
		}, ErrTampered, "guides/extra.md"},
		{"a file removed after building", func(f map[string]string) {
			delete(f, "templates/refund-note.md")
		}, ErrTampered, "templates/refund-note.md"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files := unzip(t, packFile(t, "acme", "1.0.0", nil, nil))
			tc.edit(files)
			file := filepath.Join(t.TempDir(), "forged"+Ext)
			var entries []entry
			for name, body := range files {
				entries = append(entries, entry{name: name, body: body})
			}
			if err := os.WriteFile(file, zipOf(t, entries...), 0o644); err != nil {
				t.Fatal(err)
			}
			s := openStore(t)
			before := tree(t, s.Dir())
			_, err := install(t, s, file, InstallOptions{AllowUnsigned: true})
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.words) {
				t.Fatalf("install = %v, want %v mentioning %q", err, tc.want, tc.words)
			}
			if after := tree(t, s.Dir()); after != before {
				t.Errorf("packs folder changed:\n%s", after)
			}
		})
	}
}

func unzip(t testing.TB, file string) map[string]string {
	t.Helper()
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b := make([]byte, f.UncompressedSize64)
		if _, err := io.ReadFull(rc, b); err != nil {
			t.Fatal(err)
		}
		rc.Close()
		out[f.Name] = string(b)
	}
	return out
}

func FuzzUnpackArchive(f *testing.F) {
	f.Add(mustRead(f, packFile(f, "acme", "1.0.0", nil, nil)))
	f.Add(zipOf(f, entry{name: "../x", body: "y"}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		parent := t.TempDir()
		dir := filepath.Join(parent, "stage")
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		c, err := unpackArchive(strings.NewReader(string(data)), int64(len(data)), dir, Limits{MaxFiles: 50, MaxUnpacked: 1 << 20})
		entries, _ := os.ReadDir(parent)
		if len(entries) != 1 {
			t.Fatalf("unpacking wrote beside its folder: %v", entries)
		}
		if err == nil {
			// Whatever was accepted is exactly what its content list says.
			for name := range c.Files {
				if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
					t.Fatalf("accepted archive lacks %s: %v", name, err)
				}
			}
		}
	})
}

func TestLimitDefaults(t *testing.T) {
	l := Limits{}.withDefaults()
	if l.MaxFiles != 10_000 || l.MaxUnpacked != 50<<20 || l.MaxRatio != 100 || l.MaxDownload != 50<<20 {
		t.Errorf("defaults = %+v, want 10,000 files, 50 MB unpacked, ratio 100, 50 MB downloads", l)
	}
}

// letters is n bytes of text that compresses about as well as prose.
func letters(n int) string {
	var b strings.Builder
	x := uint32(1)
	for b.Len() < n {
		x = x*1664525 + 1013904223
		b.WriteByte(byte('a' + x>>24%26))
	}
	return b.String()
}

func mustRead(t testing.TB, file string) []byte {
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
