package journal

import (
	"errors"
	"fmt"
)

// MinPassphraseLen is the shortest new passphrase Poise accepts, in bytes:
// the identity file, and so every entry, is only as private as it.
const MinPassphraseLen = 8

// ErrPassphraseTooShort means a new passphrase is under MinPassphraseLen.
var ErrPassphraseTooShort = errors.New("passphrase too short")

// CheckNewPassphrase says whether p may become the journal's passphrase.
func CheckNewPassphrase(p string) error {
	if len(p) < MinPassphraseLen {
		return fmt.Errorf("%w: %d bytes, need at least %d", ErrPassphraseTooShort, len(p), MinPassphraseLen)
	}
	return nil
}
