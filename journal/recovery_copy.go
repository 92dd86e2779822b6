package journal

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/poisehq/poise/internal/atomicfile"
)

// ErrRecoveryCopyDamaged means identity-recovery.age no longer opens to
// this journal's keys, so the recovery key could not set a new passphrase.
// The passphrase still works; Rekey writes a fresh copy.
var ErrRecoveryCopyDamaged = errors.New("the journal's recovery copy identity-recovery.age is damaged")

// CheckRecoveryCopy reports whether the recovery key could still replace a
// forgotten passphrase: nil, or ErrRecoveryCopyMissing or
// ErrRecoveryCopyDamaged. Front ends call it after unlocking and before a
// backup, which carries the copy. The journal must be unlocked.
func (j *Journal) CheckRecoveryCopy() error {
	j.mu.Lock()
	keys, err := j.unlocked()
	j.mu.Unlock()
	if err != nil {
		return err
	}
	data, err := j.readKeyFile(escrowFile)
	if err != nil {
		return err
	}
	if err := keys.CheckEscrow(data); err != nil {
		return fmt.Errorf("%w: %v", ErrRecoveryCopyDamaged, err)
	}
	return nil
}

// Rekey makes a new recovery key, writes a fresh recovery copy for it and
// returns it, to be shown once: for a journal whose copy is missing or
// damaged, or whose old key may have been seen. passphrase must open the
// journal, since identity.age names the recovery key and is resealed. Every
// entry, draft, trash and history file is resealed too, so the new key
// reads them with the age command as the old one did; the draft-only key
// is made anew (renewDraftKeyLocked). The old key no longer opens anything
// written from then on. The journal must be unlocked.
func (j *Journal) Rekey(passphrase string) (recoveryKey string, err error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, err := j.writable(); err != nil {
		return "", err
	}
	keys, err := j.openIdentity(passphrase)
	if err != nil {
		return "", err
	}
	nk, secret, err := keys.WithNewRecovery()
	if err != nil {
		return "", fmt.Errorf("rekey journal: %w", err)
	}
	escrow, err := nk.SealEscrow()
	if err != nil {
		return "", fmt.Errorf("rekey journal: %w", err)
	}
	// identity.age first, as in Init: a crash before the copy is written
	// leaves a copy that CheckRecoveryCopy reports, and Rekey runs again.
	if err := j.writeIdentity(nk, passphrase); err != nil {
		return "", fmt.Errorf("rekey journal: %w", err)
	}
	if err := atomicfile.Write(filepath.Join(j.dir, escrowFile), escrow, 0o600); err != nil {
		return "", fmt.Errorf("rekey journal: %w", err)
	}
	j.keys = nk
	for _, sub := range []string{entriesDir, trashDir, draftsDir, historyDir} {
		ls, err := j.readDir(nk, j.fileKeys, sub)
		if err != nil {
			return "", fmt.Errorf("rekey journal: %w", err)
		}
		for _, l := range ls {
			if l.err != nil {
				continue // reported at unlock; left as it is
			}
			if err := j.writeRecord(nk, sub, l.name, l.rec); err != nil {
				return "", fmt.Errorf("rekey journal: %w", err)
			}
		}
	}
	if j.draftKey != nil {
		// A new draft key, not the old one resealed: the old recovery key
		// opened its secret, so whoever saw that key could otherwise open
		// every draft kept while locked from now on.
		if err := j.renewDraftKeyLocked(nk); err != nil {
			return "", fmt.Errorf("rekey journal: %w", err)
		}
	}
	j.saveFileKeysLocked()
	return secret, nil
}
