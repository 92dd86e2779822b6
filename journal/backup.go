package journal

import (
	"archive/tar"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/poisehq/poise/internal/atomicfile"
	"github.com/poisehq/poise/journal/internal/vault"
)

// A backup is one tar file of three age files: the two key files as they
// are on disk and the whole journal sealed as one bundle. It restores on a
// new machine with the passphrase (or the recovery key) alone, and reveals
// no more than the journal folder does.
const (
	formatBackup = "poise-journal-backup"
	bundleName   = "journal.age"
	maxBackupLen = 1 << 30
)

type bundle struct {
	Format  string    `json:"format"`
	Version int       `json:"version"`
	Entries []Entry   `json:"entries"`
	Trash   []Trashed `json:"trash,omitempty"`
	History []Entry   `json:"history,omitempty"`
	Drafts  []Draft   `json:"drafts,omitempty"`
	Reviews []Review  `json:"reviews,omitempty"`
	// LockedDrafts are drafts typed while the journal was locked and not
	// yet reviewed: a restore keeps them apart from Drafts, so they are
	// still offered as such (a folder writer may have made them). The
	// draft-only key itself is not backed up: it opens only these, which
	// the bundle holds, and a restored journal makes its own.
	LockedDrafts []Draft `json:"locked_drafts,omitempty"`
}

// Backup writes the whole journal (entries, trash, history, drafts, those
// typed while locked too, and monthly reviews) to w as one encrypted file.
func (j *Journal) Backup(w io.Writer) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	keys, err := j.unlocked()
	if err != nil {
		return err
	}
	b := bundle{Format: formatBackup, Version: formatVersion, Entries: sortedEntries(j.entries)}
	for _, s := range j.trash {
		b.Trash = append(b.Trash, Trashed{Entry: s.e, Deleted: s.deleted})
	}
	hs, err := j.readDir(keys, j.fileKeys, historyDir)
	if err != nil {
		return err
	}
	for _, h := range hs {
		if h.err == nil && h.rec.Entry != nil {
			b.History = append(b.History, *h.rec.Entry)
		}
	}
	for _, d := range j.drafts {
		if d.locked {
			b.LockedDrafts = append(b.LockedDrafts, d.d)
		} else {
			b.Drafts = append(b.Drafts, d.d)
		}
	}
	rfs, err := j.reviewFilesLocked()
	if err != nil {
		return fmt.Errorf("back up journal: %w", err)
	}
	for _, f := range rfs {
		b.Reviews = append(b.Reviews, f.r)
	}
	slices.SortFunc(b.Reviews, func(a, b Review) int { return strings.Compare(a.Month, b.Month) })
	plain, err := json.Marshal(b)
	if err != nil {
		return fmt.Errorf("back up journal: %w", err)
	}
	sealed, err := keys.Seal(pad(plain))
	if err != nil {
		return fmt.Errorf("back up journal: %w", err)
	}
	tw := tar.NewWriter(w)
	for _, f := range []struct {
		name string
		data func() ([]byte, error)
	}{
		{identityFile, func() ([]byte, error) { return j.readKeyFile(identityFile) }},
		{escrowFile, func() ([]byte, error) { return j.readKeyFile(escrowFile) }},
		{bundleName, func() ([]byte, error) { return sealed, nil }},
	} {
		data, err := f.data()
		if err != nil {
			return fmt.Errorf("back up journal: %w", err)
		}
		// No dates in the header: a backup should not say when entries were
		// written.
		hdr := &tar.Header{Name: f.name, Mode: 0o600, Size: int64(len(data)), ModTime: time.Unix(0, 0), Format: tar.FormatUSTAR}
		if err := tw.WriteHeader(hdr); err != nil {
			return fmt.Errorf("back up journal: %w", err)
		}
		if _, err := tw.Write(data); err != nil {
			return fmt.Errorf("back up journal: %w", err)
		}
	}
	if err := tw.Close(); err != nil {
		return fmt.Errorf("back up journal: %w", err)
	}
	return nil
}

// ErrNotBackup means a file is not a journal backup.
var ErrNotBackup = errors.New("not a Poise journal backup")

// Restore reads a backup written by Backup, opened with the passphrase it
// was made under or with its recovery key. Into a journal that is not set
// up, or one that lost both key files, it brings the backup's keys along
// (same passphrase, same recovery key) and leaves the journal unlocked; it
// never writes over a key file. Into an unlocked journal, it merges
// entries as ImportJSON does, re-encrypted to this journal's keys.
func (j *Journal) Restore(r io.Reader, passphraseOrRecoveryKey string) (ImportResult, error) {
	if j.readOnly {
		return ImportResult{}, ErrReadOnly
	}
	files := map[string][]byte{}
	tr := tar.NewReader(io.LimitReader(r, maxBackupLen))
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return ImportResult{}, fmt.Errorf("restore journal: %w: %v", ErrNotBackup, err)
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			return ImportResult{}, fmt.Errorf("restore journal: %w: %v", ErrNotBackup, err)
		}
		files[hdr.Name] = data
	}
	for _, n := range []string{identityFile, escrowFile, bundleName} {
		if files[n] == nil {
			return ImportResult{}, fmt.Errorf("restore journal: %w: no %s inside", ErrNotBackup, n)
		}
	}
	var keys *vault.Keys
	var err error
	if secret := strings.TrimSpace(passphraseOrRecoveryKey); strings.HasPrefix(strings.ToUpper(secret), "AGE-SECRET-KEY-1") {
		keys, err = vault.OpenEscrow(files[escrowFile], secret)
	} else {
		keys, err = vault.OpenIdentity(files[identityFile], passphraseOrRecoveryKey)
	}
	if err != nil {
		return ImportResult{}, fmt.Errorf("restore journal: %w", err)
	}
	plain, err := keys.Open(files[bundleName])
	if err != nil {
		return ImportResult{}, fmt.Errorf("restore journal: %w", err)
	}
	var b bundle
	if err := json.Unmarshal(plain, &b); err != nil || b.Format != formatBackup || b.Version < 1 || b.Version > formatVersion {
		return ImportResult{}, fmt.Errorf("restore journal: %w: bundle unreadable", ErrNotBackup)
	}
	if !j.exists(identityFile) && !j.exists(escrowFile) {
		if err := j.adoptKeys(files); err != nil {
			return ImportResult{}, err
		}
		if err := j.load(keys); err != nil {
			return ImportResult{}, err
		}
	}
	res, err := j.merge(b.Entries)
	if err != nil {
		return res, err
	}
	return res, j.restoreExtras(b, &res)
}

// adoptKeys makes a backup's key files this journal's, escrow first as in
// Init.
func (j *Journal) adoptKeys(files map[string][]byte) error {
	for _, d := range []string{"", entriesDir, historyDir, trashDir, draftsDir} {
		if err := mkdir(filepath.Join(j.dir, d)); err != nil {
			return fmt.Errorf("restore journal: %w", err)
		}
	}
	for _, n := range []string{escrowFile, identityFile} {
		if err := atomicfile.Write(filepath.Join(j.dir, n), files[n], 0o600); err != nil {
			return fmt.Errorf("restore journal: %w", err)
		}
	}
	return nil
}

// restoreExtras brings back the trash and the history, skipping what this
// journal already holds, the drafts and the monthly reviews, so restoring
// twice adds nothing.
// Records that are not valid entries with ids Poise makes are counted in
// res.Skipped.
func (j *Journal) restoreExtras(b bundle, res *ImportResult) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	keys, err := j.writable()
	if err != nil {
		return err
	}
	for _, t := range b.Trash {
		if _, live := j.entries[t.Entry.ID]; live {
			continue
		}
		if _, there := j.trash[t.Entry.ID]; there {
			continue
		}
		if !wellFormedID(t.Entry.ID) || t.Entry.Validate() != nil {
			res.Skipped++
			continue
		}
		s := &stored{e: t.Entry, file: randomName(), deleted: t.Deleted}
		if err := j.writeRecord(keys, trashDir, s.file, fileRecord{Format: formatEntry, Entry: &s.e, Deleted: s.deleted}); err != nil {
			return fmt.Errorf("restore journal: %w", err)
		}
		j.trash[s.e.ID] = s
	}
	for _, d := range b.Drafts {
		if d.ID != "" && !wellFormedID(d.ID) {
			d.ID = derivedID(d.ID) // a draft named by an older Poise
		}
		if _, there := j.drafts[d.ID]; there {
			continue
		}
		if d.ID == "" || d.Entry.validateDraft() != nil || (d.EntryID != "" && !wellFormedID(d.EntryID)) {
			res.Skipped++
			continue
		}
		s := &storedDraft{d: d, file: randomName()}
		if err := j.writeRecord(keys, draftsDir, s.file, fileRecord{Format: formatDraft, Draft: &s.d}); err != nil {
			return fmt.Errorf("restore journal: %w", err)
		}
		j.drafts[d.ID] = s
	}
	if err := j.restoreLockedDraftsLocked(b.LockedDrafts, res); err != nil {
		return fmt.Errorf("restore journal: %w", err)
	}
	if err := j.restoreReviewsLocked(keys, b.Reviews, res); err != nil {
		return fmt.Errorf("restore journal: %w", err)
	}
	hs, err := j.readDir(keys, j.fileKeys, historyDir)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, h := range hs {
		if h.err == nil && h.rec.Entry != nil {
			have[historyKey(*h.rec.Entry)] = true
		}
	}
	for _, e := range b.History {
		if have[historyKey(e)] {
			continue
		}
		if !wellFormedID(e.ID) || e.Validate() != nil {
			res.Skipped++
			continue
		}
		if err := j.writeRecord(keys, historyDir, randomName(), fileRecord{Format: formatEntry, Entry: &e}); err != nil {
			return fmt.Errorf("restore journal: %w", err)
		}
	}
	return nil
}

func historyKey(e Entry) string { return fmt.Sprint(e.ID, e.Updated.UnixNano()) }
