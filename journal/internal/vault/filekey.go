package vault

import (
	"bytes"
	"errors"
	"fmt"

	"filippo.io/age"
)

// Opening an age file to an X25519 identity costs one scalar
// multiplication, which dominates unlocking thousands of entries. Each
// file's own file key skips it: the journal keeps those keys in one sealed
// file, and falls back to the identity whenever a key is missing or stale
// (age checks the header MAC, so a wrong key is always caught).

// FileKeySize is the length of an age file key.
const FileKeySize = 16

// capture is a recipient that records the file key age wraps.
type capture struct {
	age.Recipient
	key *[]byte
}

func (c capture) Wrap(fileKey []byte) ([]*age.Stanza, error) {
	*c.key = bytes.Clone(fileKey)
	return c.Recipient.Wrap(fileKey)
}

// SealKeyed is Seal that also returns the new file's file key.
func (k *Keys) SealKeyed(plain []byte) (data, fileKey []byte, err error) {
	data, err = encrypt(plain, capture{k.identity.Recipient(), &fileKey}, k.recovery)
	return data, fileKey, err
}

// OpenKeyed opens a sealed file with fileKey when it fits, else with the
// identity, and returns the file key that worked.
func (k *Keys) OpenKeyed(data, fileKey []byte) (plain, usedKey []byte, err error) {
	if len(fileKey) == FileKeySize {
		if plain, err := decrypt(data, age.NewInjectedFileKeyIdentity(fileKey)); err == nil {
			return plain, fileKey, nil
		}
	}
	hdr, err := age.ExtractHeader(bytes.NewReader(data))
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	usedKey, err = age.DecryptHeader(hdr, k.identity)
	if err != nil {
		var nm *age.NoIdentityMatchError
		if errors.As(err, &nm) {
			return nil, nil, ErrNotOurs
		}
		return nil, nil, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	plain, err = decrypt(data, age.NewInjectedFileKeyIdentity(usedKey))
	return plain, usedKey, err
}
