package packs

import (
	"crypto/rand"
	"fmt"
	"strconv"
	"strings"

	"aead.dev/minisign"
)

// Signer is who signed a pack: a minisign public key.
type Signer struct {
	// KeyID is the key's id in hex, as minisign prints it.
	KeyID string `json:"key_id"`
	// PublicKey is the key in minisign's base64 form (the second line of a
	// .pub file).
	PublicKey string `json:"public_key"`
}

// Key is a generated signing key pair in minisign's text formats.
type Key struct {
	Public  []byte // the .pub file
	Private []byte // the .key file; encrypted when a password was given
	ID      string
}

// GenerateKey makes a new minisign key pair. With a password the private
// key is encrypted as minisign does (scrypt); without, it is plain and must
// be kept private by its file's permissions.
func GenerateKey(password string) (Key, error) {
	pub, priv, err := minisign.GenerateKey(rand.Reader)
	if err != nil {
		return Key{}, fmt.Errorf("generate key: %w", err)
	}
	pubText, _ := pub.MarshalText()
	var privText []byte
	if password != "" {
		privText, err = minisign.EncryptKey(password, priv)
	} else {
		privText, err = priv.MarshalText()
	}
	if err != nil {
		return Key{}, fmt.Errorf("generate key: %w", err)
	}
	return Key{Public: append(pubText, '\n'), Private: append(privText, '\n'), ID: keyID(pub.ID())}, nil
}

// KeyEncrypted reports whether a private key file needs a password.
func KeyEncrypted(privateKey []byte) bool { return minisign.IsEncrypted(privateKey) }

// signedComment starts a Poise signature's trusted comment, which carries
// the public key: a pack brings its signer's key along, and trust on first
// use pins that key to the pack id.
const signedComment = "poise-pack"

// Sign signs data (a .poisepack file, or a pack folder's contents.json)
// with privateKey, recording the public key, the pack id and the version in
// the signed comment. It returns the .minisig file.
func Sign(privateKey []byte, password string, data []byte, packID, version string) ([]byte, error) {
	var priv minisign.PrivateKey
	var err error
	if minisign.IsEncrypted(privateKey) {
		priv, err = minisign.DecryptKey(password, privateKey)
	} else {
		err = priv.UnmarshalText(privateKey)
	}
	if err != nil {
		return nil, fmt.Errorf("read signing key: %w", err)
	}
	pub, ok := priv.Public().(minisign.PublicKey)
	if !ok {
		return nil, fmt.Errorf("read signing key: no public key")
	}
	trusted := fmt.Sprintf("%s key:%s pack:%s version:%s", signedComment, pub.String(), packID, version)
	untrusted := "signature from poise pack sign, key " + keyID(pub.ID())
	return minisign.SignWithComments(priv, data, trusted, untrusted), nil
}

// Signature is what a verified signature says.
type Signature struct {
	Signer  Signer
	Pack    string
	Version string
}

// Verify checks sig over data with the public key the signature carries,
// or with want when it is not empty (a .pub file's text or its base64
// line). It does not decide trust: compare Signer with the trusted key.
func Verify(data, sig []byte, want string) (Signature, error) {
	var s minisign.Signature
	if err := s.UnmarshalText(sig); err != nil {
		return Signature{}, fmt.Errorf("%w: the signature file is not a minisign signature (%v)", ErrTampered, err)
	}
	fields := map[string]string{}
	words := strings.Fields(s.TrustedComment)
	if len(words) == 0 || words[0] != signedComment {
		return Signature{}, fmt.Errorf("%w: the signature was not made by poise pack sign, so it names no key", ErrTampered)
	}
	for _, w := range words[1:] {
		if k, v, ok := strings.Cut(w, ":"); ok {
			fields[k] = v
		}
	}
	keyText := fields["key"]
	if want != "" {
		keyText = want
	}
	var pub minisign.PublicKey
	if err := pub.UnmarshalText([]byte(strings.TrimSpace(keyText))); err != nil {
		return Signature{}, fmt.Errorf("%w: the public key is not valid (%v)", ErrTampered, err)
	}
	if !minisign.Verify(pub, data, sig) {
		return Signature{}, fmt.Errorf("%w: the signature does not match (key %s)", ErrTampered, keyID(pub.ID()))
	}
	return Signature{Signer: Signer{KeyID: keyID(pub.ID()), PublicKey: pub.String()}, Pack: fields["pack"], Version: fields["version"]}, nil
}

func keyID(id uint64) string { return strings.ToUpper(strconv.FormatUint(id, 16)) }
