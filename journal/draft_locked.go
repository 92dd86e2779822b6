package journal

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/poisehq/poise/internal/atomicfile"
	"github.com/poisehq/poise/journal/internal/vault"
)

// recipientsFile holds the journal's public keys in the clear, so that a
// draft can be sealed while the journal is locked (KeepDraft): what
// was typed in the quick log when a quit came was lost then, as no key
// was at hand. A public key opens nothing, and an age file does not say
// which key it was sealed to, so the file tells nothing of any entry.
//
// What it must not allow is a swap: someone who can write to the data
// folder (a sync service, a shared drive) but not read the journal
// putting their own key there, to read what is sealed to it. So the keys
// are taken from the file only when this process has not unlocked the
// journal (an unlock keeps them in memory, after Lock too), the file must
// be a regular file no one else can write, and every unlock checks it
// against the identity: a changed file is rewritten and reported as a
// problem, and a draft sealed to other keys is not ours, so it is
// reported and never opened nor offered back.
const recipientsFile = "recipients.txt"

// errRecipientsChanged is the problem an unlock reports when the
// recipients file held other keys than the journal's.
var errRecipientsChanged = errors.New("it held other public keys than this journal's; it is rewritten, and a draft kept while the journal was locked before this unlock may have been sealed to those keys")

// KeepDraft saves d, encrypted, locked or not, for a quit that cannot wait
// for an unlock. On an unlocked journal it is SaveDraft. On a locked one d
// is sealed to the journal's public keys, as SaveDraft would seal it, and
// Drafts offers it back after the next unlock. It returns ErrLocked when
// the public keys are not known (a journal no Poise since this change has
// unlocked); nothing is ever written in the clear.
func (j *Journal) KeepDraft(d Draft) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.readOnly {
		return ErrReadOnly
	}
	if j.keys != nil {
		_, err := j.saveDraftLocked(j.keys, d)
		return err
	}
	d, err := j.checkDraft(d)
	if err != nil {
		return err
	}
	recipients := j.recipients
	if recipients == "" {
		if recipients, err = j.readRecipients(); err != nil {
			return err
		}
	}
	plain, err := encodeRecord(fileRecord{Format: formatDraft, Draft: &d})
	if err != nil {
		return err
	}
	data, err := vault.SealTo(recipients, plain)
	if err != nil {
		return fmt.Errorf("save draft while locked: %s: %w", recipientsFile, err)
	}
	if err := mkdir(filepath.Join(j.dir, draftsDir)); err != nil {
		return fmt.Errorf("save draft while locked: %w", err)
	}
	if err := atomicfile.Write(filepath.Join(j.dir, draftsDir, randomName()), data, 0o600); err != nil {
		return fmt.Errorf("save draft while locked: %w", err)
	}
	return nil
}

// readRecipients reads the recipients file, refusing one that is not a
// regular file (a link could point anywhere) or that others can write.
func (j *Journal) readRecipients() (string, error) {
	path := filepath.Join(j.dir, recipientsFile)
	fi, err := os.Lstat(path)
	if errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("save draft while locked: no %s yet: %w", recipientsFile, ErrLocked)
	}
	if err != nil {
		return "", fmt.Errorf("save draft while locked: %w", err)
	}
	if !fi.Mode().IsRegular() || fi.Mode().Perm()&0o022 != 0 {
		return "", fmt.Errorf("save draft while locked: %s is not a file only you can write (%v): %w", recipientsFile, fi.Mode(), ErrLocked)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("save draft while locked: %w", err)
	}
	return string(b), nil
}

// keepRecipientsLocked remembers keys' public half and, on a journal open
// to write, makes the recipients file hold it. With report, a file that
// held other keys is reported as a problem of this unlock. j.mu must be
// held.
func (j *Journal) keepRecipientsLocked(keys *vault.Keys, report bool) {
	j.recipients = keys.Recipients()
	if j.readOnly {
		return
	}
	path := filepath.Join(j.dir, recipientsFile)
	fi, statErr := os.Lstat(path)
	old, readErr := os.ReadFile(path)
	if statErr == nil && fi.Mode().IsRegular() && fi.Mode().Perm() == 0o600 && readErr == nil && string(old) == j.recipients {
		return
	}
	if report && readErr == nil && string(old) != j.recipients {
		j.problems = append(j.problems, Problem{File: recipientsFile, Err: errRecipientsChanged})
	}
	if statErr == nil && !fi.Mode().IsRegular() {
		os.Remove(path) // a link or a folder in its place: write a file of our own
	}
	// An error leaves only a locked quick log at stake, which says so then.
	_ = atomicfile.Write(path, []byte(j.recipients), 0o600)
}
