package journal

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// MinPassphraseLen is the shortest new passphrase Poise accepts, in
// characters (as the forms and docs say; counting bytes would let four
// accented letters through): the identity file, and so every entry, is
// only as private as it.
const MinPassphraseLen = 8

// ErrPassphraseTooShort means a new passphrase is under MinPassphraseLen.
var ErrPassphraseTooShort = errors.New("passphrase too short")

// CheckNewPassphrase says whether p may become the journal's passphrase.
// Init, ChangePassphrase and Recover call it themselves, so no front end
// can skip it; forms call it too, to answer before any work is done.
// White space at the ends does not count towards the length: eight spaces
// are no passphrase.
func CheckNewPassphrase(p string) error {
	if n := utf8.RuneCountInString(strings.TrimSpace(p)); n < MinPassphraseLen {
		return fmt.Errorf("%w: %d characters, need at least %d", ErrPassphraseTooShort, n, MinPassphraseLen)
	}
	return nil
}
