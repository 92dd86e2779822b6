package usage

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestStorePersists(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	steps := []func() error{
		func() error { return s.SetFavourite("a", true) },
		func() error { return s.SetFavourite("b", true) },
		func() error { return s.SetFavourite("a", false) },
		func() error { return s.RecordCopy("x", t0) },
		func() error { return s.RecordCopy("b", t0.Add(time.Minute)) },
		func() error { return s.RecordCopy("x", t0.Add(2*time.Minute)) },
		func() error { return s.RememberValues(map[string]string{"customer_name": "Ana", "empty": ""}) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	re, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		got, want []string
	}{
		{"favourites", re.Favourites(), []string{"b"}},
		{"recent newest first, once each", re.Recent(), []string{"x", "b"}},
		{"defaults favourites then recent", re.Defaults(), []string{"b", "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !slices.Equal(tt.got, tt.want) {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
	if got := re.Value("customer_name"); got != "Ana" {
		t.Errorf("Value(customer_name) = %q, want Ana", got)
	}
	if got := re.Value("empty"); got != "" {
		t.Errorf("empty values must not be remembered, got %q", got)
	}
	if !re.IsFavourite("b") || re.IsFavourite("a") {
		t.Errorf("IsFavourite wrong: b=%v a=%v", re.IsFavourite("b"), re.IsFavourite("a"))
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("usage file mode %v, want 0600: it may name customers", fi.Mode().Perm())
	}
}

func TestRecentIsCapped(t *testing.T) {
	s, err := Open(filepath.Join(t.TempDir(), FileName))
	if err != nil {
		t.Fatal(err)
	}
	for i := range MaxRecent + 5 {
		if err := s.RecordCopy(string(rune('a'+i)), time.Now()); err != nil {
			t.Fatal(err)
		}
	}
	if got := len(s.Recent()); got != MaxRecent {
		t.Errorf("len(Recent) = %d, want %d", got, MaxRecent)
	}
}

func TestOpen(t *testing.T) {
	tests := []struct {
		name    string
		content string // "" means no file
		wantErr bool
	}{
		{"missing file is empty", "", false},
		{"corrupt file is an error but usable", "{not json", true},
		{"old file without values", `{"favourites":["a"]}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), FileName)
			if tt.content != "" {
				if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			s, err := Open(path)
			if (err != nil) != tt.wantErr {
				t.Fatalf("Open err = %v, wantErr %v", err, tt.wantErr)
			}
			if err := s.RememberValues(map[string]string{"k": "v"}); err != nil {
				t.Fatalf("store not usable after Open: %v", err)
			}
		})
	}
}
