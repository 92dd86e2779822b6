package datadir

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestResolve(t *testing.T) {
	t.Setenv(EnvHome, "/from/env")
	tests := []struct {
		name, flag, want string
	}{
		{"flag wins over environment", "/from/flag", "/from/flag"},
		{"environment when no flag", "", "/from/env"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Resolve(tt.flag); got != tt.want {
				t.Errorf("Resolve(%q) = %q, want %q", tt.flag, got, tt.want)
			}
		})
	}
	t.Run("XDG data home when neither", func(t *testing.T) {
		t.Setenv(EnvHome, "")
		if got := Resolve(""); filepath.Base(got) != "poise" {
			t.Errorf("Resolve() = %q, want a folder named poise", got)
		}
	})
}

func TestOpenCreatesPrivateFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nested", "poise")
	d, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o700 {
		t.Errorf("data directory mode = %o, want 700: it holds a private journal", perm)
	}
	if got, want := d.Join("journal", "x"), filepath.Join(path, "journal", "x"); got != want {
		t.Errorf("Join = %q, want %q", got, want)
	}
}

func TestSecondOpenIsLocked(t *testing.T) {
	path := t.TempDir()
	first, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path); !errors.Is(err, ErrLocked) {
		t.Fatalf("second Open: err = %v, want ErrLocked", err)
	}
	if err := first.Close(); err != nil {
		t.Fatal(err)
	}
	again, err := Open(path)
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	again.Close()
}

func TestContains(t *testing.T) {
	data := t.TempDir()
	outside := t.TempDir()
	link := filepath.Join(outside, "link-to-data")
	if err := os.Symlink(data, link); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		want       bool
	}{
		{"the journal key", filepath.Join(data, "journal", "identity.age"), true},
		{"the folder itself", filepath.Join(data, "summary.json"), true},
		{"through a link", filepath.Join(link, "journal", "identity.age"), true},
		{"a folder not made yet", filepath.Join(data, "new", "x.json"), true},
		{"elsewhere", filepath.Join(outside, "summary.json"), false},
		{"a sibling with the same prefix", data + "-exports/summary.json", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Contains(data, tt.path); got != tt.want {
				t.Errorf("Contains(%s) = %v, want %v", tt.path, got, tt.want)
			}
		})
	}
}
