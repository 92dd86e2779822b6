// Package vault is the journal's only use of age: it makes and opens the key
// files and seals and opens every other file. No age type leaves it, so the
// rest of the journal deals in bytes and Poise errors.
package vault

import (
	"bufio"
	"bytes"
	"encoding/hex"
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
	// escrowKey is the age file key of the recovery copy, kept in the
	// identity file so an unlocked journal can check that copy in full
	// without the recovery key. Nil for journals made before it was kept.
	escrowKey []byte
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
// (comments are ignored), so `age -d -i` can use it as is. The recovery
// copy holds it without the escrow line: that copy's file key is only known
// once it is sealed.
func (k *Keys) payload() []byte {
	escrow := ""
	if k.escrowKey != nil {
		escrow = "# recovery-copy-key: " + hex.EncodeToString(k.escrowKey) + "\n"
	}
	return []byte("# Poise journal key: keep it secret.\n" +
		"# recovery: " + k.recovery.String() + "\n" + escrow +
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
		case strings.HasPrefix(line, "# recovery-copy-key: "):
			fk, err := hex.DecodeString(strings.TrimPrefix(line, "# recovery-copy-key: "))
			if err != nil || len(fk) != FileKeySize {
				return nil, fmt.Errorf("parse recovery copy key: %w", ErrDamaged)
			}
			k.escrowKey = fk
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
// can later set a new passphrase without touching any entry. It remembers
// the copy's file key, which SealIdentity then stores, so CheckEscrow can
// verify the copy: call it before SealIdentity.
func (k *Keys) SealEscrow() ([]byte, error) {
	plain := (&Keys{identity: k.identity, recovery: k.recovery}).payload()
	var fk []byte
	data, err := encrypt(plain, capture{k.recovery, &fk})
	if err != nil {
		return nil, err
	}
	k.escrowKey = fk
	return data, nil
}

// CheckEscrow reports whether data is a recovery copy that the recovery key
// opens to these keys. With the copy's file key (journals set up or rekeyed
// since it is kept) it decrypts and compares the whole copy; without, it can
// only check that data is an age file for one X25519 recipient.
func (k *Keys) CheckEscrow(data []byte) error {
	if k.escrowKey == nil {
		hdr, err := age.ExtractHeader(bytes.NewReader(data))
		if err != nil {
			return fmt.Errorf("%w: %v", ErrDamaged, err)
		}
		if !bytes.Contains(hdr, []byte("\n-> X25519 ")) || len(data) <= len(hdr) {
			return fmt.Errorf("%w: not sealed to a recovery key", ErrDamaged)
		}
		return nil
	}
	plain, err := decrypt(data, age.NewInjectedFileKeyIdentity(k.escrowKey))
	if errors.Is(err, ErrNotOurs) {
		return fmt.Errorf("%w: it holds another journal's keys", ErrDamaged)
	}
	if err != nil {
		return err // already ErrDamaged
	}
	got, err := parsePayload(plain)
	if err != nil {
		return err
	}
	if got.identity.String() != k.identity.String() || got.recovery.String() != k.recovery.String() {
		return fmt.Errorf("%w: it holds another journal's keys", ErrDamaged)
	}
	return nil
}

// WithNewRecovery returns keys with the same identity and a fresh recovery
// key pair, for when the recovery copy is lost or damaged. The new secret
// is returned once, as NewKeys does.
func (k *Keys) WithNewRecovery() (*Keys, string, error) {
	rec, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, "", fmt.Errorf("generate recovery key: %w", err)
	}
	return &Keys{identity: k.identity, recovery: rec.Recipient()}, rec.String(), nil
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
	// Keep the copy's file key, so the identity file written next can
	// check this copy.
	if hdr, err := age.ExtractHeader(bytes.NewReader(data)); err == nil {
		if fk, err := age.DecryptHeader(hdr, rid); err == nil {
			k.escrowKey = fk
		}
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
