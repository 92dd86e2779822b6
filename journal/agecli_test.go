package journal

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"
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
	// The documented recipe: `age -d identity.age | age -d -i - FILE`, so
	// the decrypted key never touches the disk. The first half asks for
	// the passphrase on a terminal; age's own library stands in for it.
	keyText := decryptIdentity(t, j.Dir())
	recFile := filepath.Join(keyDir, "recovery.txt")
	if err := os.WriteFile(recFile, []byte(rk+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, identity string
		stdin          []byte
	}{
		{"identity piped in", "-", keyText},
		{"recovery key", recFile, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(agePath, "-d", "-i", tt.identity, entryFile)
			cmd.Stdin = bytes.NewReader(tt.stdin)
			out, err := cmd.CombinedOutput()
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

// decryptIdentity opens identity.age with the test passphrase, as
// `age -d identity.age` does.
func decryptIdentity(t *testing.T, dir string) []byte {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, identityFile))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	id, err := age.NewScryptIdentity(testPass)
	if err != nil {
		t.Fatal(err)
	}
	r, err := age.Decrypt(f, id)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The documented recipes keep the decrypted identity off shared folders
// (issue 9, item 6): the main one pipes it, and no recipe writes it under
// /tmp or to a file in the working folder.
func TestDocumentedAgeRecipeKeepsTheKeyPrivate(t *testing.T) {
	for _, path := range []string{"../docs/journal.md", "doc.go"} {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc := string(b)
		if !strings.Contains(doc, "age -d identity.age | age -d -i - entries/XXXX.age") {
			t.Errorf("%s lacks the piped recipe", path)
		}
		for _, bad := range []string{"> /tmp", "identity.age > key.txt", "-i /tmp/"} {
			if strings.Contains(doc, bad) {
				t.Errorf("%s writes the identity where others can read it: %q", path, bad)
			}
		}
	}
}
