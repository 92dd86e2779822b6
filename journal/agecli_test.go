package journal

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestAgeCommandDecryptsEntries proves the promise in the package comment:
// the standard age command reads an entry with the decrypted identity, or
// with the recovery key alone.
func TestAgeCommandDecryptsEntries(t *testing.T) {
	agePath, err := exec.LookPath("age")
	if err != nil {
		t.Skip("the age command is not installed (Debian: apt-get install age); `make test-setup` installs it")
	}
	j, rk := newTestJournal(t)
	e, err := j.Save(fullEntry())
	if err != nil {
		t.Fatal(err)
	}
	entryFile := filepath.Join(j.Dir(), entriesDir, j.entries[e.ID].file)
	keyDir := t.TempDir()
	idFile := filepath.Join(keyDir, "key.txt")
	if err := os.WriteFile(idFile, j.keys.IdentityText(), 0o600); err != nil {
		t.Fatal(err)
	}
	recFile := filepath.Join(keyDir, "recovery.txt")
	if err := os.WriteFile(recFile, []byte(rk+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, identity string }{
		{"identity", idFile},
		{"recovery key", recFile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := exec.Command(agePath, "-d", "-i", tt.identity, entryFile).CombinedOutput()
			if err != nil {
				t.Fatalf("age -d: %v\n%s", err, out)
			}
			rec, err := decodeRecord(out)
			if err != nil {
				t.Fatalf("age output is not a record: %v", err)
			}
			if rec.Entry.WhatHappened != e.WhatHappened {
				t.Errorf("age decrypted %q", rec.Entry.WhatHappened)
			}
			if !strings.Contains(string(out), `"what_happened"`) {
				t.Error("age output is not readable JSON")
			}
		})
	}
}
