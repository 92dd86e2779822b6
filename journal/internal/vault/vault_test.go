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
		if err != nil || k2.identity.String() != k.identity.String() {
			t.Fatalf("OpenIdentity: %v", err)
		}
	})
	t.Run("recovery key, as typed back", func(t *testing.T) {
		typed := " " + strings.ToLower(secret[:30]) + "\n" + secret[30:] + " "
		k2, err := OpenEscrow(escrow, typed)
		if err != nil || k2.identity.String() != k.identity.String() {
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

// The identity file carries the recovery copy's file key, so the copy can
// be checked in full without the recovery key (issue 9, item 4).
func TestCheckEscrow(t *testing.T) {
	k, secret, err := NewKeys()
	if err != nil {
		t.Fatal(err)
	}
	escrow, err := k.SealEscrow()
	if err != nil {
		t.Fatal(err)
	}
	idFile, err := k.SealIdentity("pass", 10)
	if err != nil {
		t.Fatal(err)
	}
	opened, err := OpenIdentity(idFile, "pass")
	if err != nil {
		t.Fatal(err)
	}
	other, _, _ := NewKeys()
	otherEscrow, _ := other.SealEscrow()
	flipped := bytes.Clone(escrow)
	flipped[len(flipped)-5] ^= 1
	tests := []struct {
		name string
		data []byte
		ok   bool
	}{
		{"intact", escrow, true},
		{"a flipped bit", flipped, false},
		{"cut short", escrow[:len(escrow)-10], false},
		{"emptied", nil, false},
		{"another journal's copy", otherEscrow, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := opened.CheckEscrow(tt.data)
			if tt.ok != (err == nil) || (err != nil && !errors.Is(err, ErrDamaged)) {
				t.Errorf("CheckEscrow = %v, want ok %v", err, tt.ok)
			}
		})
	}
	t.Run("recovered keys keep checking", func(t *testing.T) {
		rk, err := OpenEscrow(escrow, secret)
		if err != nil {
			t.Fatal(err)
		}
		if err := rk.CheckEscrow(escrow); err != nil {
			t.Error(err)
		}
		if err := rk.CheckEscrow(flipped); err == nil {
			t.Error("a damaged copy passed after recovery")
		}
	})
	t.Run("a new recovery key", func(t *testing.T) {
		nk, newSecret, err := opened.WithNewRecovery()
		if err != nil {
			t.Fatal(err)
		}
		fresh, _ := nk.SealEscrow()
		if err := nk.CheckEscrow(fresh); err != nil {
			t.Error(err)
		}
		if _, err := OpenEscrow(fresh, newSecret); err != nil {
			t.Errorf("the new key does not open the new copy: %v", err)
		}
		if _, err := OpenEscrow(fresh, secret); !errors.Is(err, ErrWrongRecoveryKey) {
			t.Errorf("the old key opens the new copy: %v", err)
		}
	})
}
