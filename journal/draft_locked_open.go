package journal

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/poisehq/poise/internal/atomicfile"
	"github.com/poisehq/poise/journal/internal/vault"
)

// Problems an unlock reports about the draft-only key's files, each a
// sentence saying what happened and what to do.
var (
	errLockedRecipientChanged = errors.New("it held another key than this journal's own for drafts typed while locked")
	errLockedKeyDamaged       = errors.New("the key of drafts typed while the journal was locked could not be read, so a new one is made; drafts kept with the old one cannot be opened and stay in " + lockedDraftsDir + "/. " +
		"Restore this file from a backup copy of your data folder if you have one")
	errLockedDraftFuture = errors.New("a draft kept while locked is dated later than now, so it is offered after the others with today's date: discard it if you did not type it")
	errLockedDraftsMore  = fmt.Errorf("more than %d drafts typed while the journal was locked: %d are offered now, the rest at a later unlock once you save or discard these", maxLockedDrafts, maxLockedDrafts)
)

// openLockedDraftsLocked runs at every unlock (Init, Unlock, Recover): it
// makes sure the draft-only key pair exists, checks its public half, and
// opens the drafts kept while locked into j.drafts, marked WhileLocked.
// A journal from before this (no such files) gets its key pair here. A
// read-only journal writes nothing: it opens what it can. j.mu must be
// held, j.keys set.
func (j *Journal) openLockedDraftsLocked(keys *vault.Keys) {
	dk, made := j.draftKeyLocked(keys)
	if dk == nil {
		j.reportUnopenedLockedDrafts()
		return
	}
	j.draftKey, j.lockedRecipient = dk, dk.Recipient()
	j.checkLockedRecipientLocked(made)
	names, more, err := listLockedDrafts(j.dir)
	if err != nil {
		j.problems = append(j.problems, Problem{File: lockedDraftsDir, Err: err})
		return
	}
	dir := filepath.Join(j.dir, lockedDraftsDir)
	if more {
		j.problems = append(j.problems, Problem{File: lockedDraftsDir, Err: errLockedDraftsMore})
	}
	for _, name := range names {
		d, err := openLockedDraft(dk, filepath.Join(dir, name))
		if err != nil {
			j.problems = append(j.problems, Problem{File: relName(lockedDraftsDir, name), Err: fmt.Errorf("a draft kept while locked that this journal cannot open, left in place (remove it if you did not type it): %w", err)})
			continue
		}
		if _, taken := j.drafts[d.ID]; taken {
			d.ID = newID() // never in place of another draft
		}
		s := &storedDraft{d: d, file: name, locked: true}
		if now := j.now(); d.Saved.After(now.Add(lockedDraftSkew)) {
			// Poise dates a draft as it keeps it, so this one was made
			// by a clock far ahead, or by someone else: dated so, it
			// would be offered before every draft the person types from
			// now on. It comes last, dated now, and is reported.
			j.problems = append(j.problems, Problem{File: relName(lockedDraftsDir, name), Err: fmt.Errorf("%w (%s)", errLockedDraftFuture, d.Saved.UTC().Format(time.RFC3339))})
			s.d.Saved, s.suspect = now, true
		}
		j.drafts[s.d.ID] = s
	}
}

// lockedDraftSkew is how far ahead of this clock a draft kept while locked
// may be dated before it is taken for a forgery: another clock (the same
// data folder on two machines) may run a little ahead.
const lockedDraftSkew = 10 * time.Minute

func openLockedDraft(dk *vault.DraftKey, path string) (Draft, error) {
	data, err := readBounded(path, maxLockedDraftFile)
	if err != nil {
		return Draft{}, err
	}
	plain, err := dk.Open(data)
	if err != nil {
		return Draft{}, err
	}
	return decodeLockedDraft(plain)
}

// draftKeyLocked opens the draft-only key, or makes one when it is missing
// or damaged (reporting the damage) on a journal open to write; made says
// it is new. Nil when there is none to use.
func (j *Journal) draftKeyLocked(keys *vault.Keys) (dk *vault.DraftKey, made bool) {
	data, err := readBounded(filepath.Join(j.dir, lockedKeyFile), vault.MaxDraftKeyFile)
	if err == nil {
		if dk, err = keys.OpenDraftKey(data); err == nil {
			return dk, false
		}
	}
	// Missing is news only when its public half is there: a journal from
	// before the key has neither.
	if !errors.Is(err, os.ErrNotExist) || j.exists(lockedRecipientFile) {
		j.problems = append(j.problems, Problem{File: lockedKeyFile, Err: fmt.Errorf("%w (%v)", errLockedKeyDamaged, err)})
	}
	if j.readOnly {
		return nil, false
	}
	dk, err = vault.NewDraftKey()
	if err == nil {
		err = j.writeDraftKey(keys, dk)
	}
	if err != nil {
		// Only a quit with the quick log open while locked is at stake;
		// the next unlock tries again.
		j.problems = append(j.problems, Problem{File: lockedKeyFile, Err: err})
		return nil, false
	}
	return dk, true
}

// writeDraftKey seals dk's secret to keys and writes it, replacing
// whatever (a link, a FIFO) was in its place.
func (j *Journal) writeDraftKey(keys *vault.Keys, dk *vault.DraftKey) error {
	data, err := keys.SealDraftKey(dk)
	if err != nil {
		return err
	}
	return writeOwnFile(filepath.Join(j.dir, lockedKeyFile), data)
}

// checkLockedRecipientLocked makes the recipient file hold the draft key's
// public half, rewriting it when it does not and reporting a file that
// held something else, unless the key was just made (a journal from before
// the file, or a damaged key already reported). j.mu must be held.
func (j *Journal) checkLockedRecipientLocked(made bool) {
	path := filepath.Join(j.dir, lockedRecipientFile)
	b, readErr := readBounded(path, vault.MaxDraftRecipientFile)
	same := false
	if readErr == nil {
		r, err := vault.ParseDraftRecipient(b)
		same = err == nil && r.Equal(j.lockedRecipient)
	}
	fi, err := os.Lstat(path)
	if same && err == nil && fi.Mode().Perm()&0o077 == 0 {
		return
	}
	// The right key open to others is rewritten 0600 without a word.
	if !same && !made && !errors.Is(readErr, os.ErrNotExist) {
		fixed := "Poise put the right key back"
		if j.readOnly {
			fixed = "the next unlock that may write (the app, or a command such as 'poise journal add') puts the right key back"
		}
		j.problems = append(j.problems, Problem{File: lockedRecipientFile, Err: fmt.Errorf(
			"%w, so such a draft may have been sealed to someone else's key (it is then reported and cannot be opened); %s. "+
				"Something or someone changed files in your data folder: check who can write to it (a sync service, a shared drive, another account)",
			errLockedRecipientChanged, fixed)})
	}
	if j.readOnly {
		return
	}
	if err := writeOwnFile(path, []byte(j.lockedRecipient.String())); err != nil {
		// This process keeps the right key in memory; another reads the
		// file and would be refused or misled, which the next unlock
		// reports again.
		j.problems = append(j.problems, Problem{File: lockedRecipientFile, Err: err})
	}
}

// reportUnopenedLockedDrafts reports each draft kept while locked when
// there is no draft key to open them with (a read-only journal whose key
// is missing or damaged).
func (j *Journal) reportUnopenedLockedDrafts() {
	names, _, _ := listLockedDrafts(j.dir)
	for _, name := range names {
		j.problems = append(j.problems, Problem{File: relName(lockedDraftsDir, name), Err: errors.New("kept while the journal was locked, and the key to open it is missing or damaged")})
	}
}

// writeOwnFile writes data to path crash-safely, mode 0600, first removing
// anything there that is not a regular file: atomicfile renames over a
// link or a FIFO anyway, but not over a folder.
func writeOwnFile(path string, data []byte) error {
	if fi, err := os.Lstat(path); err == nil && !fi.Mode().IsRegular() {
		if err := os.Remove(path); err != nil {
			return fmt.Errorf("write %s: %w", filepath.Base(path), err)
		}
	}
	return atomicfile.Write(path, data, 0o600)
}

// renewDraftKeyLocked replaces the draft-only key with a new one sealed to
// keys, for Rekey: the old key's secret was sealed to the old recovery
// key, so anyone who saw that key and a copy of the old
// locked-drafts-key.age would otherwise open every draft kept while locked
// after the rekey. Every file in locked-drafts/ the old key opens is
// resealed to the new one, those past the 32 an unlock offers too, else
// no key would open them any more; what it does not open is left as it
// is. The drafts are written under new names first, then the key, its
// public half, and last the old files removed: a crash in between leaves
// files one key cannot open (reported at unlock, left in place), never a
// draft that none opens. j.mu must be held, the journal unlocked to write.
func (j *Journal) renewDraftKeyLocked(keys *vault.Keys) error {
	dk, err := vault.NewDraftKey()
	if err != nil {
		return err
	}
	r := dk.Recipient()
	held := map[string]*storedDraft{} // by file
	for _, s := range j.drafts {
		if s.locked {
			held[s.file] = s
		}
	}
	// A link in the folder's place is never followed; the unlock reported it.
	dir, exists, ferr := lockedDraftsFolder(j.dir)
	var des []os.DirEntry
	if ferr == nil && exists {
		if des, err = os.ReadDir(dir); err != nil {
			return err
		}
	}
	resealed := map[string]string{} // old file → new file
	undo := func() {
		for _, name := range resealed {
			os.Remove(filepath.Join(dir, name))
		}
	}
	for _, de := range des {
		old := de.Name()
		if de.IsDir() || isTempName(old) {
			continue
		}
		var d Draft
		if s, ok := held[old]; ok {
			d = s.d
		} else if d, err = openLockedDraft(j.draftKey, filepath.Join(dir, old)); err != nil {
			continue // not the old key's: no key of this journal opens it
		}
		plain, err := encodeRecord(fileRecord{Format: formatLockedDraft, Draft: &d})
		if err == nil {
			var data []byte
			if data, err = r.Seal(plain); err == nil {
				name := randomName()
				if err = atomicfile.Write(filepath.Join(dir, name), data, 0o600); err == nil {
					resealed[old] = name
				}
			}
		}
		if err != nil {
			undo()
			return fmt.Errorf("reseal a draft kept while locked: %w", err)
		}
	}
	if err := j.writeDraftKey(keys, dk); err != nil {
		undo()
		return err
	}
	j.draftKey, j.lockedRecipient = dk, r
	if err := writeOwnFile(filepath.Join(j.dir, lockedRecipientFile), []byte(r.String())); err != nil {
		// This process seals to the new key it holds; the next unlock
		// finds the old one in the file and puts this one back.
		j.problems = append(j.problems, Problem{File: lockedRecipientFile, Err: err})
	}
	for old, name := range resealed {
		if err := removeSynced(filepath.Join(dir, old)); err != nil {
			j.problems = append(j.problems, Problem{File: relName(lockedDraftsDir, old), Err: fmt.Errorf("sealed to the new draft key, but the old copy was not removed: %w", err)})
		}
		if s, ok := held[old]; ok {
			s.file = name
		}
	}
	return nil
}
