package vault

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"

	"filippo.io/age"
)

// A DraftKey is an X25519 key pair used only for drafts kept while the
// journal is locked. Its public half is kept in the clear, so a locked
// journal can seal what the quick log holds when Poise is made to quit;
// its secret is sealed to the journal's keys. It is never the journal's
// own identity: a public key in the clear lets anyone seal to it, so
// whatever it opens is at most a draft the person reviews, never an entry.
type DraftKey struct{ id *age.X25519Identity }

// DraftRecipient is the public half of a DraftKey. The zero value seals
// nothing.
type DraftRecipient struct{ r *age.X25519Recipient }

// Bounds on the draft key's files, far above what Write and String make,
// so a planted file is refused before it is parsed.
const (
	MaxDraftKeyFile       = 4 << 10
	MaxDraftRecipientFile = 1 << 10
)

// draftKeyHeader opens the sealed secret's text: an age identity file, so
// `age -d -i` can use it as is.
const draftKeyHeader = "# Poise journal: the key of drafts typed while the journal was locked. It opens nothing else.\n"

// draftRecipientHeader opens the recipient file; age's recipients files
// take "#" lines as comments, so `age -R` can use it as is.
const draftRecipientHeader = "# Poise journal: the public key drafts typed while the journal is locked are sealed to. It opens nothing.\n"

// NewDraftKey makes a fresh draft-only key pair.
func NewDraftKey() (*DraftKey, error) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, fmt.Errorf("generate draft key: %w", err)
	}
	return &DraftKey{id: id}, nil
}

// Recipient is the key's public half.
func (d *DraftKey) Recipient() DraftRecipient { return DraftRecipient{d.id.Recipient()} }

// Open decrypts a file sealed to the key's recipient.
func (d *DraftKey) Open(data []byte) ([]byte, error) { return decrypt(data, d.id) }

// SealDraftKey seals d's secret to the journal's keys, as Seal seals an
// entry: the identity and the recovery key open it.
func (k *Keys) SealDraftKey(d *DraftKey) ([]byte, error) {
	return k.Seal([]byte(draftKeyHeader + d.id.String() + "\n"))
}

// OpenDraftKey opens a secret sealed by SealDraftKey.
func (k *Keys) OpenDraftKey(data []byte) (*DraftKey, error) {
	if len(data) > MaxDraftKeyFile {
		return nil, fmt.Errorf("%w: %d bytes, more than a draft key's %d", ErrDamaged, len(data), MaxDraftKeyFile)
	}
	plain, err := k.Open(data)
	if err != nil {
		return nil, err
	}
	return parseDraftKey(plain)
}

// parseDraftKey reads the text SealDraftKey seals: comments, blank lines
// and exactly one X25519 secret key.
func parseDraftKey(plain []byte) (*DraftKey, error) {
	var d *DraftKey
	sc := bufio.NewScanner(bytes.NewReader(plain))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		id, err := age.ParseX25519Identity(line)
		if err != nil || d != nil {
			return nil, fmt.Errorf("%w: not one draft key", ErrDamaged)
		}
		d = &DraftKey{id: id}
	}
	if sc.Err() != nil || d == nil {
		return nil, fmt.Errorf("%w: not one draft key", ErrDamaged)
	}
	return d, nil
}

// ParseDraftRecipient reads the text DraftRecipient.String writes:
// comments, blank lines and exactly one X25519 public key.
func ParseDraftRecipient(text []byte) (DraftRecipient, error) {
	if len(text) > MaxDraftRecipientFile {
		return DraftRecipient{}, fmt.Errorf("%w: %d bytes, more than a draft recipient's %d", ErrDamaged, len(text), MaxDraftRecipientFile)
	}
	var r DraftRecipient
	sc := bufio.NewScanner(bytes.NewReader(text))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		x, err := age.ParseX25519Recipient(line)
		if err != nil || r.r != nil {
			return DraftRecipient{}, fmt.Errorf("%w: not one public key", ErrDamaged)
		}
		r.r = x
	}
	if sc.Err() != nil || r.r == nil {
		return DraftRecipient{}, fmt.Errorf("%w: not one public key", ErrDamaged)
	}
	return r, nil
}

// IsZero reports whether r is no key at all.
func (r DraftRecipient) IsZero() bool { return r.r == nil }

// String is the recipient file's text.
func (r DraftRecipient) String() string {
	if r.r == nil {
		return ""
	}
	return draftRecipientHeader + r.r.String() + "\n"
}

// Equal reports whether r and o are the same public key.
func (r DraftRecipient) Equal(o DraftRecipient) bool {
	return r.r != nil && o.r != nil && r.r.String() == o.r.String()
}

// Seal encrypts plain to r alone: only the DraftKey opens it, never the
// journal's identity.
func (r DraftRecipient) Seal(plain []byte) ([]byte, error) {
	if r.r == nil {
		return nil, fmt.Errorf("seal draft: no draft key")
	}
	return encrypt(plain, r.r)
}
