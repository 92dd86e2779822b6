package vault

import (
	"errors"
	"testing"
)

// The draft key's secret is sealed to the journal's keys and opens back to
// the same key; what is sealed to its recipient opens with it and never
// with the journal's identity.
func TestDraftKeyRoundTrip(t *testing.T) {
	k, _, err := NewKeys()
	if err != nil {
		t.Fatal(err)
	}
	dk, err := NewDraftKey()
	if err != nil {
		t.Fatal(err)
	}
	sealed, err := k.SealDraftKey(dk)
	if err != nil {
		t.Fatal(err)
	}
	got, err := k.OpenDraftKey(sealed)
	if err != nil || !got.Recipient().Equal(dk.Recipient()) {
		t.Fatalf("OpenDraftKey: %v, same key %v", err, err == nil && got.Recipient().Equal(dk.Recipient()))
	}
	other, _, _ := NewKeys()
	if _, err := other.OpenDraftKey(sealed); !errors.Is(err, ErrNotOurs) {
		t.Errorf("another journal opens the draft key: %v", err)
	}
	r, err := ParseDraftRecipient([]byte(dk.Recipient().String()))
	if err != nil || !r.Equal(dk.Recipient()) {
		t.Fatalf("ParseDraftRecipient of its own text: %v", err)
	}
	data, err := r.Seal([]byte("kept while locked"))
	if err != nil {
		t.Fatal(err)
	}
	if plain, err := got.Open(data); err != nil || string(plain) != "kept while locked" {
		t.Errorf("draft key Open: %q, %v", plain, err)
	}
	if _, err := k.Open(data); !errors.Is(err, ErrNotOurs) {
		t.Errorf("the journal's identity opens a draft sealed to the draft key: %v", err)
	}
	if _, err := (DraftRecipient{}).Seal([]byte("x")); err == nil {
		t.Error("the zero recipient sealed")
	}
}

// FuzzParseDraftRecipient: the recipient file's parser never panics and
// takes only one X25519 public key (comments aside), which seals.
func FuzzParseDraftRecipient(f *testing.F) {
	dk, _ := NewDraftKey()
	f.Add([]byte(dk.Recipient().String()))
	f.Add([]byte(dk.Recipient().String() + dk.Recipient().String()))
	f.Add([]byte("age1\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, text []byte) {
		r, err := ParseDraftRecipient(text)
		if err != nil {
			if !errors.Is(err, ErrDamaged) {
				t.Errorf("ParseDraftRecipient(%q): %v, want ErrDamaged", text, err)
			}
			return
		}
		if r.IsZero() || len(text) > MaxDraftRecipientFile {
			t.Errorf("ParseDraftRecipient(%q) took it", text)
		}
		if _, err := r.Seal([]byte("x")); err != nil {
			t.Errorf("a parsed recipient does not seal: %v", err)
		}
	})
}

// FuzzParseDraftKey: the sealed secret's parser never panics and takes
// only one X25519 secret key.
func FuzzParseDraftKey(f *testing.F) {
	dk, _ := NewDraftKey()
	f.Add([]byte(draftKeyHeader + dk.id.String() + "\n"))
	f.Add([]byte(dk.id.String() + "\n" + dk.id.String()))
	f.Add([]byte("AGE-SECRET-KEY-1\n"))
	f.Fuzz(func(t *testing.T, plain []byte) {
		d, err := parseDraftKey(plain)
		if err != nil {
			if !errors.Is(err, ErrDamaged) {
				t.Errorf("parseDraftKey: %v, want ErrDamaged", err)
			}
			return
		}
		if d.id == nil {
			t.Errorf("parseDraftKey(%q) gave no key", plain)
		}
	})
}
