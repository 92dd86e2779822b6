package journal

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/poisehq/poise/journal/internal/vault"
)

func TestCheckNewPassphrase(t *testing.T) {
	tests := []struct {
		name, pass string
		wantErr    bool
	}{
		{"empty", "", true},
		{"one short", "1234567", true},
		{"exactly the minimum", "12345678", false},
		{"a few words", "blue kettle morning", false},
		{"only spaces", "          ", true},
		{"padded with spaces", "  1234567  ", true},
		// The rule counts characters, as the forms and docs say: four
		// accented letters are eight bytes but only four characters.
		{"four two-byte letters", "éééé", true},
		{"three CJK characters", "密码密", true},
		{"eight accented letters", "éééééééé", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckNewPassphrase(tt.pass)
			if got := errors.Is(err, ErrPassphraseTooShort); got != tt.wantErr {
				t.Errorf("CheckNewPassphrase(%q) = %v, want too-short %v", tt.pass, err, tt.wantErr)
			}
		})
	}
}

// A journal set up outside tests uses age's default work factor, so a
// stolen identity.age is as hard to brute-force as any age file.
func TestProductionWorkFactor(t *testing.T) {
	if got := defaultWorkFactor(); got != testWorkFactor {
		t.Fatalf("tests run at work factor %d, want %d", got, testWorkFactor)
	}
	defer setWorkFactor(vault.DefaultWorkFactor)()
	j := Open(t.TempDir())
	if _, err := j.Init(testPass); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(j.Dir(), identityFile))
	if err != nil {
		t.Fatal(err)
	}
	stanza, _, _ := bytes.Cut(data[bytes.IndexByte(data, '\n')+1:], []byte("\n"))
	if want := fmt.Sprintf(" %d", vault.DefaultWorkFactor); !bytes.HasPrefix(stanza, []byte("-> scrypt ")) || !bytes.HasSuffix(stanza, []byte(want)) {
		t.Errorf("identity.age stanza %q, want scrypt at work factor %d", stanza, vault.DefaultWorkFactor)
	}
}
