package settings

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadMissingGivesDefault(t *testing.T) {
	s, err := Load(filepath.Join(t.TempDir(), FileName))
	if err != nil {
		t.Fatal(err)
	}
	if s != Default() {
		t.Errorf("Load(missing) = %+v, want %+v", s, Default())
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	want := Settings{AgentName: "Sam Ortiz", AutoLockMinutes: 3, NewCallMinutes: 5, Theme: "dark"}
	if err := Save(path, want); err != nil {
		t.Fatal(err)
	}
	got, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("round trip = %+v, want %+v", got, want)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("settings mode = %o, want 600", fi.Mode().Perm())
	}
}

func TestLoadRejectsBadFiles(t *testing.T) {
	tests := []struct {
		name, content, wantInErr string
	}{
		{"unknown key names the key", "agent_nmae = \"Sam\"\n", "agent_nmae"},
		{"syntax error names the line", "theme = \"dark\"\nauto_lock_minutes = = 3\n", "line 2"},
		{"wrong type", "auto_lock_minutes = \"ten\"\n", "auto_lock_minutes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), FileName)
			if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Load(path)
			if err == nil || !strings.Contains(err.Error(), tt.wantInErr) {
				t.Errorf("Load error = %v, want one mentioning %q", err, tt.wantInErr)
			}
		})
	}
}
