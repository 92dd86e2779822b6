package vault

import (
	"bufio"
	"fmt"
	"strings"

	"filippo.io/age"
)

// ErrRecipients means a recipients text is not the two public keys
// Recipients writes.
var ErrRecipients = fmt.Errorf("%w: not the journal's two public keys", ErrDamaged)

// recipientsHeader opens the text Recipients writes; age's own recipients
// files take "#" lines as comments, so `age -R` can use it as is.
const recipientsHeader = "# Poise journal: the public keys its files are encrypted to. They open nothing.\n"

// Recipients is the public half of the keys, as text: the identity's
// recipient, then the recovery key's, one a line. Files sealed to it
// (SealTo) are files Seal could have written: the identity opens them.
func (k *Keys) Recipients() string {
	return recipientsHeader + k.identity.Recipient().String() + "\n" + k.recovery.String() + "\n"
}

// SealTo encrypts plain to the recipients text written by Recipients,
// with no secret at hand: for what must be kept while the journal is
// locked. It refuses any other text, so it never seals to a stray key.
func SealTo(recipients string, plain []byte) ([]byte, error) {
	var rs []age.Recipient
	sc := bufio.NewScanner(strings.NewReader(recipients))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		r, err := age.ParseX25519Recipient(line)
		if err != nil {
			return nil, ErrRecipients
		}
		rs = append(rs, r)
	}
	if sc.Err() != nil || len(rs) != 2 {
		return nil, ErrRecipients
	}
	return encrypt(plain, rs...)
}
