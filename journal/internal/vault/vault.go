// Package vault is the journal's only use of age: it makes and opens the key
// files and seals and opens every other file. No age type leaves it, so the
// rest of the journal deals in bytes and Poise errors.
package vault

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"filippo.io/age"
)

// DefaultWorkFactor is age's own scrypt default (2^18, about a second), so a
// stolen identity file is as hard to brute-force as any age file.
const DefaultWorkFactor = 18

// Sentinel errors for what callers branch on.
var (
	// ErrWrongPassphrase means the passphrase does not open the identity file.
	ErrWrongPassphrase = errors.New("wrong passphrase")
	// ErrWrongRecoveryKey means the recovery key does not open the file.
	ErrWrongRecoveryKey = errors.New("wrong recovery key")
	// ErrNotOurs means a file is age-encrypted but not to this journal's keys.
	ErrNotOurs = errors.New("encrypted to another key")
	// ErrDamaged means a file is not a readable age file, or was cut short.
	ErrDamaged = errors.New("damaged or not an age file")
)

// Keys can seal files for the journal and open them. Keys opened from the
// recovery escrow hold the same identity as keys opened with the passphrase.
type Keys struct {
	identity *age.X25519Identity
	recovery *age.X25519Recipient
}

// NewKeys makes a fresh identity and a recovery key pair. The recovery
// secret is returned once, for the person to keep; only its public half is
// stored (inside the encrypted identity file).
func NewKeys() (k *Keys, recoverySecret string, err error) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, "", fmt.Errorf("generate identity: %w", err)
	}
	rec, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, "", fmt.Errorf("generate recovery key: %w", err)
	}
	return &Keys{identity: id, recovery: rec.Recipient()}, rec.String(), nil
}

// payload is the identity file's plaintext. It is a valid age identity file
// (comments are ignored), so `age -d -i` can use it as is.
func (k *Keys) payload() []byte {
	return []byte("# Poise journal key: keep it secret.\n" +
		"# recovery: " + k.recovery.String() + "\n" +
		k.identity.String() + "\n")
}

func parsePayload(b []byte) (*Keys, error) {
	k := &Keys{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case strings.HasPrefix(line, "# recovery: "):
			r, err := age.ParseX25519Recipient(strings.TrimPrefix(line, "# recovery: "))
			if err != nil {
				return nil, fmt.Errorf("parse recovery recipient: %w", ErrDamaged)
			}
			k.recovery = r
		case strings.HasPrefix(line, "AGE-SECRET-KEY-1"):
			id, err := age.ParseX25519Identity(line)
			if err != nil {
				return nil, fmt.Errorf("parse identity: %w", ErrDamaged)
			}
			k.identity = id
		}
	}
	if k.identity == nil || k.recovery == nil {
		return nil, fmt.Errorf("identity file incomplete: %w", ErrDamaged)
	}
	return k, nil
}

// SealIdentity encrypts the identity with the passphrase alone, at 2^logN
// scrypt work.
func (k *Keys) SealIdentity(passphrase string, logN int) ([]byte, error) {
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return nil, fmt.Errorf("seal identity: %w", err)
	}
	r.SetWorkFactor(logN)
	return encrypt(k.payload(), r)
}

// SealEscrow encrypts the identity to the recovery key, so the recovery key
// can later set a new passphrase without touching any entry.
func (k *Keys) SealEscrow() ([]byte, error) {
	return encrypt(k.payload(), k.recovery)
}

// OpenIdentity opens an identity file with the passphrase.
func OpenIdentity(data []byte, passphrase string) (*Keys, error) {
	id, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return nil, ErrWrongPassphrase
	}
	plain, err := decrypt(data, id)
	if errors.Is(err, ErrNotOurs) {
		return nil, ErrWrongPassphrase
	}
	if err != nil {
		return nil, err
	}
	return parsePayload(plain)
}

// OpenEscrow opens the recovery copy of the identity with the recovery secret.
func OpenEscrow(data []byte, recoverySecret string) (*Keys, error) {
	rid, err := ParseRecoveryKey(recoverySecret)
	if err != nil {
		return nil, err
	}
	plain, err := decrypt(data, rid)
	if errors.Is(err, ErrNotOurs) {
		return nil, ErrWrongRecoveryKey
	}
	if err != nil {
		return nil, err
	}
	k, err := parsePayload(plain)
	if err != nil {
		return nil, err
	}
	if k.recovery.String() != rid.Recipient().String() {
		return nil, ErrWrongRecoveryKey
	}
	return k, nil
}

// ParseRecoveryKey checks the shape of a recovery secret as typed back.
func ParseRecoveryKey(s string) (*age.X25519Identity, error) {
	id, err := age.ParseX25519Identity(strings.ToUpper(strings.Join(strings.Fields(s), "")))
	if err != nil {
		return nil, ErrWrongRecoveryKey
	}
	return id, nil
}

// Seal encrypts plain to the identity and the recovery key. The identity
// comes first so opening costs one X25519 operation, not two.
func (k *Keys) Seal(plain []byte) ([]byte, error) {
	return encrypt(plain, k.identity.Recipient(), k.recovery)
}

// Open decrypts a file sealed by Seal.
func (k *Keys) Open(data []byte) ([]byte, error) {
	return decrypt(data, k.identity)
}

// Recipient is the identity's public key, for documentation and tests.
func (k *Keys) Recipient() string { return k.identity.Recipient().String() }

// IdentityText is the identity file's plaintext, for tests that hand it to
// the age command.
func (k *Keys) IdentityText() []byte { return k.payload() }

func encrypt(plain []byte, rs ...age.Recipient) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(plain) + 512)
	w, err := age.Encrypt(&buf, rs...)
	if err != nil {
		return nil, fmt.Errorf("encrypt: %w", err)
	}
	if _, err := w.Write(plain); err != nil {
		return nil, fmt.Errorf("encrypt: %w", err)
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("encrypt: %w", err)
	}
	return buf.Bytes(), nil
}

// decrypt uses age's ReaderAt, which knows the plaintext size up front:
// one exact allocation instead of a growing buffer, which matters when
// unlocking thousands of entries.
func decrypt(data []byte, id age.Identity) ([]byte, error) {
	r, size, err := age.DecryptReaderAt(bytes.NewReader(data), int64(len(data)), id)
	if err != nil {
		var nm *age.NoIdentityMatchError
		if errors.As(err, &nm) {
			return nil, ErrNotOurs
		}
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	plain := make([]byte, size)
	if n, err := r.ReadAt(plain, 0); int64(n) != size || (err != nil && err != io.EOF) {
		return nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	return plain, nil
}
