package journal

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"strings"
)

// Entry and draft ids are idLen characters of lower-case base32: short
// enough to type in the CLI, and safe in any file name or terminal. Save,
// SaveDraft and imports make every new id here, so the scheme has one home.
const idLen = 12 // 7 random bytes

var b32 = base32.StdEncoding.WithPadding(base32.NoPadding)

// newID is a fresh entry or draft id.
func newID() string {
	b := make([]byte, 7)
	rand.Read(b)
	return strings.ToLower(b32.EncodeToString(b))
}

// derivedID is a well-formed id made from another string, the same every
// time, so restoring one backup twice does not double what it renames.
func derivedID(s string) string {
	sum := sha256.Sum256([]byte(s))
	return strings.ToLower(b32.EncodeToString(sum[:7]))
}

// NewDraftID names a draft before its first save, so a form can rewrite
// one draft on every autosave. SaveDraft gives a draft without an id the
// same kind of id.
func NewDraftID() string { return newID() }

// wellFormedID reports whether id has the shape newID gives. Ids from
// outside (an imported file, a form) must have it to be kept.
func wellFormedID(id string) bool {
	if len(id) != idLen {
		return false
	}
	for _, c := range []byte(id) {
		if !(c >= 'a' && c <= 'z' || c >= '2' && c <= '7') {
			return false
		}
	}
	return true
}

// randomName is a file name that says nothing about its content or date.
func randomName() string {
	b := make([]byte, 16)
	rand.Read(b)
	return strings.ToLower(b32.EncodeToString(b)) + ".age"
}
