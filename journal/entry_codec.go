package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/bits"
	"time"
)

// The plaintext of every journal file is one JSON object naming its format,
// followed by spaces up to a padded length: readable by a person after
// `age -d`, and the padding is just trailing white space to a JSON reader.
const (
	formatEntry   = "poise-journal-entry"
	formatDraft   = "poise-journal-draft"
	formatVersion = 1
)

// errFormat marks a file that decrypts but is not a journal record Poise
// can read.
var errFormat = errors.New("not a journal record")

// fileRecord is what one encrypted file holds: an entry (in entries/,
// history/ or trash/) or a draft.
type fileRecord struct {
	Format  string    `json:"format"`
	Version int       `json:"version"`
	Entry   *Entry    `json:"entry,omitempty"`
	Deleted time.Time `json:"deleted,omitzero"`
	Draft   *Draft    `json:"draft,omitempty"`
}

// minPadded hides the length of every entry shorter than a page of text,
// which is most of them.
const minPadded = 4096

// paddedLen rounds n up with the Padmé scheme: at most 12% overhead, and a
// length that leaks only O(log log n) bits.
func paddedLen(n int) int {
	if n <= minPadded {
		return minPadded
	}
	e := bits.Len(uint(n)) - 1 // floor(log2 n)
	s := bits.Len(uint(e))     // floor(log2 e) + 1
	mask := (1 << max(e-s, 0)) - 1
	return (n + mask) &^ mask
}

// encodeRecord turns a record into padded plaintext.
func encodeRecord(r fileRecord) ([]byte, error) {
	r.Version = formatVersion
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode record: %w", err)
	}
	return pad(append(b, '\n')), nil
}

// pad appends spaces up to paddedLen.
func pad(b []byte) []byte {
	if n := paddedLen(len(b)); n > len(b) {
		b = append(b, bytes.Repeat([]byte{' '}, n-len(b))...)
	}
	return b
}

// decodeRecord parses and checks the plaintext of a journal file.
func decodeRecord(b []byte) (fileRecord, error) {
	var r fileRecord
	// The padding is white space to JSON; skip scanning it.
	if err := json.Unmarshal(bytes.TrimRight(b, " "), &r); err != nil {
		return r, fmt.Errorf("%w: %v", errFormat, err)
	}
	if r.Version < 1 || r.Version > formatVersion {
		return r, fmt.Errorf("%w: version %d (a newer Poise wrote it?)", errFormat, r.Version)
	}
	switch r.Format {
	case formatEntry:
		if r.Entry == nil || r.Draft != nil {
			return r, fmt.Errorf("%w: entry record without an entry", errFormat)
		}
		if err := checkEntry(*r.Entry, true); err != nil {
			return r, err
		}
	case formatDraft:
		if r.Draft == nil || r.Entry != nil || r.Draft.ID == "" {
			return r, fmt.Errorf("%w: draft record without a draft", errFormat)
		}
		if err := checkEntry(r.Draft.Entry, false); err != nil {
			return r, err
		}
	default:
		return r, fmt.Errorf("%w: format %q", errFormat, r.Format)
	}
	return r, nil
}

func checkEntry(e Entry, complete bool) error {
	var err error
	if complete {
		if e.ID == "" {
			return fmt.Errorf("%w: entry without an id", errFormat)
		}
		err = e.Validate()
	} else {
		err = e.validateDraft()
	}
	if err != nil {
		return fmt.Errorf("%w: %v", errFormat, err)
	}
	return nil
}
