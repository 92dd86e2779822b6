package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/poisehq/poise/internal/atomicfile"
	"github.com/poisehq/poise/journal/internal/vault"
)

// What the quick log holds when Poise is made to quit while the journal is
// locked (a logout, SIGTERM) is kept, sealed to a key pair used only for
// such drafts: its public half is in the clear (lockedRecipientFile), its
// secret sealed to the journal's keys (lockedKeyFile). The journal's own
// public keys are never in the clear, so no one who can write the data
// folder can seal an entry the journal accepts as the person's.
//
// Anyone who can write the folder can still seal a draft to the public
// half: at worst it shows up after the next unlock as a draft typed while
// the journal was locked, which the person reviews and saves or discards.
// What the draft key opens is only ever offered as such a draft, never
// read as an entry, a trash item or a journal draft (another format, in
// another folder, to another key).
const (
	lockedKeyFile       = "locked-drafts-key.age"
	lockedRecipientFile = "locked-drafts-recipient.txt"
	lockedDraftsDir     = "locked-drafts"
	formatLockedDraft   = "poise-journal-locked-draft"
)

// maxLockedDrafts bounds the drafts kept while locked. Past it KeepDraft
// refuses a new one, keeping the oldest: while locked Poise cannot open
// what is there, so it cannot tell the person's drafts from planted ones,
// and removing a file it cannot read could destroy words the person
// typed. Reaching it takes that many quits with the quick log open and
// no unlock between; an unlock opens at most this many, so a folder
// stuffed with files costs a bounded unlock.
const maxLockedDrafts = 32

// maxLockedDraftFile bounds one kept draft's file: a draft of MaxEntryLen
// bytes, every byte escaped in JSON, padded and sealed, fits.
const maxLockedDraftFile = 4 << 20

// maxLockedScan bounds the folder entries looked at to find the drafts, so
// a folder of a million planted names does not stall an unlock.
const maxLockedScan = 4 * maxLockedDrafts

// errLockedDraftsLink is the locked-drafts folder being a link, or not a
// folder: anyone who can write the data folder could point it anywhere, and
// drafts would be written and read there. It is never followed.
var errLockedDraftsLink = errors.New("it is not a folder but a link or another file, which Poise does not follow: remove it, or put the folder it points to in its place, to keep and get back drafts typed while the journal is locked")

// lockedDraftsFolder is the locked-drafts folder of the journal in dir;
// exists is false when there is none yet. A link or a file in its place
// is errLockedDraftsLink.
func lockedDraftsFolder(dir string) (path string, exists bool, err error) {
	path = filepath.Join(dir, lockedDraftsDir)
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return path, false, nil
	case err != nil:
		return "", false, err
	case !fi.IsDir():
		return "", false, fmt.Errorf("%s: %w", lockedDraftsDir, errLockedDraftsLink)
	}
	return path, true, nil
}

// makeLockedDraftsFolder is lockedDraftsFolder, made when missing.
func makeLockedDraftsFolder(dir string) (string, error) {
	path, exists, err := lockedDraftsFolder(dir)
	if err == nil && !exists {
		err = mkdir(path)
	}
	return path, err
}

// ErrTooManyLockedDrafts means KeepDraft found maxLockedDrafts drafts
// already kept while locked; unlocking offers them back.
var ErrTooManyLockedDrafts = fmt.Errorf("%d drafts are already kept while the journal is locked", maxLockedDrafts)

// KeepDraft saves d, encrypted, locked or not, for a quit that cannot wait
// for an unlock. On an unlocked journal it is SaveDraft. On a locked one d
// is sealed to the draft-only key into locked-drafts/, and the next unlock
// offers it back (Drafts, WhileLocked set). A locked journal whose draft
// key was never made (no unlock since this Poise) returns ErrLocked;
// nothing is ever written in the clear.
func (j *Journal) KeepDraft(d Draft) (Draft, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.readOnly {
		return Draft{}, ErrReadOnly
	}
	if j.keys != nil {
		return j.saveDraftLocked(j.keys, d)
	}
	if d.EntryID != "" {
		return Draft{}, invalid("entry_id", "only a new entry can be kept while the journal is locked")
	}
	d, err := j.checkDraft(d)
	if err != nil {
		return Draft{}, err
	}
	r, err := j.lockedKeepTargetLocked()
	if err != nil {
		return Draft{}, fmt.Errorf("keep draft while locked: %w", err)
	}
	dir, err := makeLockedDraftsFolder(j.dir)
	if err != nil {
		return Draft{}, fmt.Errorf("keep draft while locked: %w", err)
	}
	plain, err := encodeRecord(fileRecord{Format: formatLockedDraft, Draft: &d})
	if err != nil {
		return Draft{}, err
	}
	data, err := r.Seal(plain)
	if err != nil {
		return Draft{}, fmt.Errorf("keep draft while locked: %w", err)
	}
	if err := atomicfile.Write(filepath.Join(dir, randomName()), data, 0o600); err != nil {
		return Draft{}, fmt.Errorf("keep draft while locked: %w", err)
	}
	d.WhileLocked = true
	return d, nil
}

// CanKeepDraft says whether KeepDraft could keep a draft now, so the quick
// log can warn before a word is typed that a quit would lose it: nil when
// it could, else why not (ErrLocked with no draft key yet, an unusable
// recipient file, ErrTooManyLockedDrafts). It writes nothing.
func (j *Journal) CanKeepDraft() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.readOnly {
		return ErrReadOnly
	}
	if j.keys != nil {
		return nil
	}
	if _, err := j.lockedKeepTargetLocked(); err != nil {
		return fmt.Errorf("keep draft while locked: %w", err)
	}
	return nil
}

// lockedKeepTargetLocked returns the draft-only key a locked journal seals
// a kept draft to, or why none can be kept now. j.mu must be held.
func (j *Journal) lockedKeepTargetLocked() (vault.DraftRecipient, error) {
	// A process that has unlocked the journal uses the key it checked
	// then and never reads the file, which a swap could have changed.
	r := j.lockedRecipient
	if r.IsZero() {
		var err error
		if r, err = j.readLockedRecipient(); err != nil {
			return vault.DraftRecipient{}, err
		}
	}
	names, more, err := listLockedDrafts(j.dir)
	if err != nil {
		return vault.DraftRecipient{}, err
	}
	if more || len(names) >= maxLockedDrafts {
		return vault.DraftRecipient{}, fmt.Errorf("%w: unlock the journal to save or discard them", ErrTooManyLockedDrafts)
	}
	return r, nil
}

// readLockedRecipient reads the draft-only public key, for a process that
// has not unlocked the journal.
func (j *Journal) readLockedRecipient() (vault.DraftRecipient, error) {
	path := filepath.Join(j.dir, lockedRecipientFile)
	b, err := readBounded(path, vault.MaxDraftRecipientFile)
	if errors.Is(err, os.ErrNotExist) {
		return vault.DraftRecipient{}, fmt.Errorf("no %s yet (unlock the journal once to make it): %w", lockedRecipientFile, ErrLocked)
	}
	if err != nil {
		return vault.DraftRecipient{}, fmt.Errorf("%s: %w", lockedRecipientFile, err)
	}
	if fi, err := os.Lstat(path); err == nil && fi.Mode().Perm()&0o022 != 0 {
		return vault.DraftRecipient{}, fmt.Errorf("%s can be written by others (%v)", lockedRecipientFile, fi.Mode().Perm())
	}
	r, err := vault.ParseDraftRecipient(b)
	if err != nil {
		return vault.DraftRecipient{}, fmt.Errorf("%s: %w", lockedRecipientFile, err)
	}
	return r, nil
}

// listLockedDrafts names up to maxLockedDrafts draft files in the
// locked-drafts folder of the journal in dir, and says whether there are
// more, looking at no more than maxLockedScan folder entries. A missing
// folder holds none; a link in its place is errLockedDraftsLink.
func listLockedDrafts(dir string) (names []string, more bool, err error) {
	path, exists, err := lockedDraftsFolder(dir)
	if err != nil || !exists {
		return nil, false, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	for seen := 0; seen < maxLockedScan; {
		des, err := f.ReadDir(maxLockedDrafts)
		for _, de := range des {
			seen++
			if de.IsDir() || isTempName(de.Name()) {
				continue
			}
			if len(names) == maxLockedDrafts {
				return names, true, nil
			}
			names = append(names, de.Name())
		}
		if err == io.EOF {
			return names, false, nil
		}
		if err != nil {
			return nil, false, err
		}
	}
	return names, true, nil
}

// decodeLockedDraft parses and checks the plaintext of a draft kept while
// locked. It takes that format only, and a journal draft's or entry's
// parser takes anything but: one format never passes for the other.
func decodeLockedDraft(b []byte) (Draft, error) {
	var r fileRecord
	if err := json.Unmarshal(bytes.TrimRight(b, " "), &r); err != nil {
		return Draft{}, fmt.Errorf("%w: %v", errFormat, err)
	}
	switch {
	case r.Version < 1 || r.Version > formatVersion:
		return Draft{}, fmt.Errorf("%w: version %d (a newer Poise wrote it?)", errFormat, r.Version)
	case r.Format != formatLockedDraft || r.Draft == nil || r.Entry != nil:
		return Draft{}, fmt.Errorf("%w: not a draft kept while locked (format %q)", errFormat, r.Format)
	case !wellFormedID(r.Draft.ID):
		return Draft{}, fmt.Errorf("%w: draft id %q is not one Poise makes", errFormat, r.Draft.ID)
	case r.Draft.EntryID != "":
		return Draft{}, fmt.Errorf("%w: a draft kept while locked names an entry", errFormat)
	}
	if err := checkEntry(r.Draft.Entry, false); err != nil {
		return Draft{}, err
	}
	d := *r.Draft
	d.WhileLocked = true
	return d, nil
}

// restoreLockedDraftsLocked brings back a backup's drafts typed while
// locked as such: sealed to this journal's draft-only key, into
// locked-drafts/, so they are still offered for review. Without a draft
// key (it could not be written) they become journal drafts rather than be
// dropped. j.mu must be held, the journal unlocked to write.
func (j *Journal) restoreLockedDraftsLocked(ds []Draft, res *ImportResult) error {
	for _, d := range ds {
		if _, there := j.drafts[d.ID]; there {
			continue
		}
		if !wellFormedID(d.ID) || d.EntryID != "" || d.Entry.validateDraft() != nil {
			res.Skipped++
			continue
		}
		s := &storedDraft{d: d, file: randomName(), locked: true}
		if j.lockedRecipient.IsZero() {
			s.locked = false
			if err := j.writeRecord(j.keys, draftsDir, s.file, fileRecord{Format: formatDraft, Draft: &s.d}); err != nil {
				return err
			}
			j.drafts[d.ID] = s
			continue
		}
		plain, err := encodeRecord(fileRecord{Format: formatLockedDraft, Draft: &s.d})
		if err != nil {
			return err
		}
		data, err := j.lockedRecipient.Seal(plain)
		if err != nil {
			return err
		}
		dir, err := makeLockedDraftsFolder(j.dir)
		if err != nil {
			return err
		}
		if err := atomicfile.Write(filepath.Join(dir, s.file), data, 0o600); err != nil {
			return err
		}
		j.drafts[d.ID] = s
	}
	return nil
}
