package vault

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestKeys(t *testing.T) {
	k, secret, err := NewKeys()
	if err != nil {
		t.Fatal(err)
	}
	idFile, err := k.SealIdentity("pass", 10)
	if err != nil {
		t.Fatal(err)
	}
	escrow, err := k.SealEscrow()
	if err != nil {
		t.Fatal(err)
	}
	data, fk, err := k.SealKeyed([]byte("hello"))
	if err != nil || len(fk) != FileKeySize {
		t.Fatalf("SealKeyed: %v, key of %d bytes", err, len(fk))
	}
	other, otherSecret, _ := NewKeys()

	t.Run("passphrase", func(t *testing.T) {
		if _, err := OpenIdentity(idFile, "wrong"); !errors.Is(err, ErrWrongPassphrase) {
			t.Errorf("wrong passphrase: %v", err)
		}
		k2, err := OpenIdentity(idFile, "pass")
		if err != nil || k2.Recipient() != k.Recipient() {
			t.Fatalf("OpenIdentity: %v", err)
		}
	})
	t.Run("recovery key, as typed back", func(t *testing.T) {
		typed := " " + strings.ToLower(secret[:30]) + "\n" + secret[30:] + " "
		k2, err := OpenEscrow(escrow, typed)
		if err != nil || k2.Recipient() != k.Recipient() {
			t.Fatalf("OpenEscrow: %v", err)
		}
		if _, err := OpenEscrow(escrow, otherSecret); !errors.Is(err, ErrWrongRecoveryKey) {
			t.Errorf("another key: %v", err)
		}
	})
	tests := []struct {
		name string
		key  []byte
	}{
		{"its file key", fk},
		{"no file key", nil},
		{"a stale file key", bytes.Repeat([]byte{7}, FileKeySize)},
	}
	for _, tt := range tests {
		t.Run("open with "+tt.name, func(t *testing.T) {
			plain, used, err := k.OpenKeyed(data, tt.key)
			if err != nil || string(plain) != "hello" || !bytes.Equal(used, fk) {
				t.Errorf("OpenKeyed = %q, %x, %v", plain, used, err)
			}
		})
	}
	t.Run("foreign and damaged", func(t *testing.T) {
		if _, _, err := other.OpenKeyed(data, nil); !errors.Is(err, ErrNotOurs) {
			t.Errorf("foreign: %v", err)
		}
		if _, _, err := k.OpenKeyed(data[:len(data)-3], fk); !errors.Is(err, ErrDamaged) {
			t.Errorf("cut short: %v", err)
		}
	})
}
