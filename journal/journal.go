package journal

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/poisehq/poise/internal/atomicfile"
	"github.com/poisehq/poise/journal/internal/vault"
)

// Sentinel errors for what callers branch on.
var (
	ErrWrongPassphrase  = vault.ErrWrongPassphrase
	ErrWrongRecoveryKey = vault.ErrWrongRecoveryKey
	ErrLocked           = errors.New("journal is locked")
	ErrNotSetUp         = errors.New("journal is not set up")
	ErrAlreadySetUp     = errors.New("journal is already set up")
	ErrNotFound         = errors.New("no such entry")
	// ErrIdentityMissing means identity.age is gone but the journal is
	// there: the recovery key can set a new passphrase.
	ErrIdentityMissing = errors.New("the journal's passphrase file identity.age is missing")
	// ErrKeysMissing means the folder holds entries but neither key file:
	// only a backup (or the key files copied back) can open it.
	ErrKeysMissing = errors.New("the journal's key files are missing")
	// ErrRecoveryCopyMissing means identity-recovery.age is gone, so the
	// recovery key cannot replace the passphrase.
	ErrRecoveryCopyMissing = errors.New("the journal's recovery copy identity-recovery.age is missing")
	// ErrReadOnly means a journal opened with OpenReadOnly was asked to
	// write.
	ErrReadOnly = errors.New("journal is open read-only")
)

// Folder and file names inside the journal folder.
const (
	identityFile = "identity.age"
	escrowFile   = "identity-recovery.age"
	entriesDir   = "entries"
	historyDir   = "history"
	trashDir     = "trash"
	draftsDir    = "drafts"
)

// FolderName is the journal's folder inside the data directory. The CLI and
// the desktop app both find the journal through PathIn.
const FolderName = "journal"

// PathIn is the journal folder of the data directory dataDir.
func PathIn(dataDir string) string { return filepath.Join(dataDir, FolderName) }

// TrashDays is how long a deleted entry can still be restored.
const TrashDays = 30

// scryptLogN is the passphrase work factor: age's own default, except in
// test binaries (testing.Testing), which set up hundreds of journals and
// would spend minutes in scrypt. A production binary always uses the
// default; journal's tests reach it through export_test.go.
var scryptLogN = defaultWorkFactor()

// testWorkFactor is the work factor of journals set up by tests.
const testWorkFactor = 10

func defaultWorkFactor() int {
	if testing.Testing() {
		return testWorkFactor
	}
	return vault.DefaultWorkFactor
}

// Problem is a file that could not be read. It is skipped; the rest of the
// journal still loads.
type Problem struct {
	File string // relative to the journal folder
	Err  error
}

func (p Problem) String() string { return p.File + ": " + p.Err.Error() }

// Journal is one journal folder. It is safe for concurrent use. Decrypted
// entries exist only between Unlock (or Init, or Recover) and Lock.
type Journal struct {
	dir      string
	now      func() time.Time
	readOnly bool

	mu       sync.Mutex
	keys     *vault.Keys
	entries  map[string]*stored
	trash    map[string]*stored
	drafts   map[string]*storedDraft
	problems []Problem
	index    *searchIndex

	fileKeys      map[string][]byte // "entries/x.age" → age file key
	fileKeysDirty bool
	synonyms      [][]string

	// draftKey opens the drafts kept while locked (draft_locked.go); held
	// while unlocked only.
	draftKey *vault.DraftKey
	// lockedRecipient is draftKey's public half, kept from the first
	// unlock in this process on, after Lock too (it opens nothing), so
	// KeepDraft never reads the file a swap could have changed.
	lockedRecipient vault.DraftRecipient
}

type stored struct {
	e       Entry
	file    string // base name, the same in entries/ and trash/
	deleted time.Time
}

// Open returns the journal in dir, locked. It creates nothing until Init.
func Open(dir string) *Journal {
	return &Journal{dir: dir, now: time.Now}
}

// OpenReadOnly returns the journal in dir, locked, for reading only: it
// never writes a file, not even the file-key cache or the purge of old
// trash, so it needs no data lock and can run beside a Poise that writes.
// Every method that would write returns ErrReadOnly.
func OpenReadOnly(dir string) *Journal {
	j := Open(dir)
	j.readOnly = true
	return j
}

// Dir is the journal folder.
func (j *Journal) Dir() string { return j.dir }

// IsSetUp reports whether this folder holds a journal: either key file, or
// any entry, draft (kept while locked too), trash or history file. A journal that has lost a key
// file is still set up, so Init never writes over what is left of it.
func (j *Journal) IsSetUp() bool {
	return j.exists(identityFile) || j.exists(escrowFile) || j.hasRecords()
}

func (j *Journal) exists(name string) bool {
	_, err := os.Lstat(filepath.Join(j.dir, name))
	return err == nil
}

// hasRecords reports whether any record folder holds a file other than an
// interrupted write's temp file.
func (j *Journal) hasRecords() bool {
	for _, sub := range []string{entriesDir, historyDir, trashDir, draftsDir, lockedDraftsDir} {
		des, _ := os.ReadDir(filepath.Join(j.dir, sub))
		for _, de := range des {
			if !isTempName(de.Name()) {
				return true
			}
		}
	}
	return false
}

// Init sets up a new journal protected by passphrase and returns the
// recovery key, which the person must keep: it is shown once and never
// stored. The journal is unlocked afterwards. It refuses a folder that
// holds any part of a journal, so it can never replace a key file.
func (j *Journal) Init(passphrase string) (recoveryKey string, err error) {
	if j.readOnly {
		return "", ErrReadOnly
	}
	if err := CheckNewPassphrase(passphrase); err != nil {
		return "", err
	}
	if j.IsSetUp() {
		return "", ErrAlreadySetUp
	}
	for _, d := range []string{"", entriesDir, historyDir, trashDir, draftsDir} {
		if err := os.MkdirAll(filepath.Join(j.dir, d), 0o700); err != nil {
			return "", fmt.Errorf("set up journal: %w", err)
		}
	}
	keys, secret, err := vault.NewKeys()
	if err != nil {
		return "", fmt.Errorf("set up journal: %w", err)
	}
	escrow, err := keys.SealEscrow()
	if err != nil {
		return "", fmt.Errorf("set up journal: %w", err)
	}
	// identity.age goes first: a crash before the recovery copy is written
	// leaves a journal the passphrase opens, whose missing recovery copy
	// the next unlock reports (and 'rekey' writes). The other order would
	// leave a recovery copy whose key was never shown.
	if err := j.writeIdentity(keys, passphrase); err != nil {
		return "", fmt.Errorf("set up journal: %w", err)
	}
	if err := atomicfile.Write(filepath.Join(j.dir, escrowFile), escrow, 0o600); err != nil {
		return "", fmt.Errorf("set up journal: %w", err)
	}
	if err := j.load(keys); err != nil {
		return "", err
	}
	return secret, nil
}

func (j *Journal) writeIdentity(keys *vault.Keys, passphrase string) error {
	data, err := keys.SealIdentity(passphrase, scryptLogN)
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(j.dir, identityFile), data, 0o600)
}

// readKeyFile reads a key file, saying which part is missing when it is.
func (j *Journal) readKeyFile(name string) ([]byte, error) {
	data, err := readJournalFile(filepath.Join(j.dir, name), maxKeyFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, j.missing(name)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return data, nil
}

// CheckKeys reports which key file is missing, if any: nil when both are
// there, else ErrNotSetUp, ErrIdentityMissing, ErrKeysMissing or
// ErrRecoveryCopyMissing. It reads nothing but the folder.
func (j *Journal) CheckKeys() error {
	for _, name := range []string{identityFile, escrowFile} {
		if !j.exists(name) {
			return j.missing(name)
		}
	}
	return nil
}

// missing is the error for a key file that is not there.
func (j *Journal) missing(name string) error {
	switch {
	case !j.IsSetUp():
		return ErrNotSetUp
	case name == escrowFile && j.exists(identityFile):
		return ErrRecoveryCopyMissing
	case name == identityFile && j.exists(escrowFile):
		return ErrIdentityMissing
	}
	return ErrKeysMissing
}

// Unlock opens the journal with the passphrase and decrypts every entry
// into memory. A wrong passphrase returns ErrWrongPassphrase and changes
// nothing, on disk or in memory.
func (j *Journal) Unlock(passphrase string) error {
	keys, err := j.openIdentity(passphrase)
	if err != nil {
		return err
	}
	return j.load(keys)
}

func (j *Journal) openIdentity(passphrase string) (*vault.Keys, error) {
	data, err := j.readKeyFile(identityFile)
	if err != nil {
		return nil, fmt.Errorf("unlock journal: %w", err)
	}
	keys, err := vault.OpenIdentity(data, passphrase)
	if err != nil {
		return nil, fmt.Errorf("unlock journal: %w", err)
	}
	return keys, nil
}

// ChangePassphrase re-encrypts the identity file with a new passphrase.
// Entries are untouched: they are encrypted to the identity, not to the
// passphrase.
func (j *Journal) ChangePassphrase(oldPassphrase, newPassphrase string) error {
	if j.readOnly {
		return ErrReadOnly
	}
	if err := CheckNewPassphrase(newPassphrase); err != nil {
		return err
	}
	keys, err := j.openIdentity(oldPassphrase)
	if err != nil {
		return err
	}
	if err := j.writeIdentity(keys, newPassphrase); err != nil {
		return fmt.Errorf("change passphrase: %w", err)
	}
	return nil
}

// Recover replaces a forgotten passphrase: the recovery key opens the
// recovery copy of the identity, which is then saved under newPassphrase.
// It needs only the recovery copy: it also brings back a journal whose
// identity.age was lost. The journal is unlocked afterwards.
func (j *Journal) Recover(recoveryKey, newPassphrase string) error {
	if j.readOnly {
		return ErrReadOnly
	}
	if err := CheckNewPassphrase(newPassphrase); err != nil {
		return err
	}
	data, err := j.readKeyFile(escrowFile)
	if err != nil {
		return fmt.Errorf("recover journal: %w", err)
	}
	keys, err := vault.OpenEscrow(data, recoveryKey)
	if err != nil {
		return fmt.Errorf("recover journal: %w", err)
	}
	if err := j.writeIdentity(keys, newPassphrase); err != nil {
		return fmt.Errorf("recover journal: %w", err)
	}
	return j.load(keys)
}

// Locked reports whether the journal is locked.
func (j *Journal) Locked() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.keys == nil
}

// Lock drops the key and every decrypted entry, draft and search index from
// memory. Go cannot wipe strings, so this drops the references and leaves
// the memory to the garbage collector.
func (j *Journal) Lock() {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.saveFileKeysLocked()
	j.keys = nil
	j.entries, j.trash, j.drafts, j.problems = nil, nil, nil, nil
	j.fileKeys, j.fileKeysDirty = nil, false
	j.draftKey = nil
	if j.index != nil {
		j.index.close()
		j.index = nil
	}
}

// Problems lists the files the last unlock could not read.
func (j *Journal) Problems() []Problem {
	j.mu.Lock()
	defer j.mu.Unlock()
	return append([]Problem(nil), j.problems...)
}

// writable returns the keys, or ErrLocked, or ErrReadOnly; j.mu must be
// held. Every method that writes starts with it.
func (j *Journal) writable() (*vault.Keys, error) {
	if j.readOnly {
		return nil, ErrReadOnly
	}
	return j.unlocked()
}

// unlocked returns the keys or ErrLocked; j.mu must be held.
func (j *Journal) unlocked() (*vault.Keys, error) {
	if j.keys == nil {
		return nil, ErrLocked
	}
	return j.keys, nil
}

// writeRecord seals rec and writes it crash-safely to sub/name.
func (j *Journal) writeRecord(keys *vault.Keys, sub, name string, rec fileRecord) error {
	plain, err := encodeRecord(rec)
	if err != nil {
		return err
	}
	data, fk, err := keys.SealKeyed(plain)
	if err != nil {
		return err
	}
	if err := atomicfile.Write(filepath.Join(j.dir, sub, name), data, 0o600); err != nil {
		return err
	}
	if j.fileKeys != nil {
		j.fileKeys[relName(sub, name)] = fk
		j.fileKeysDirty = true
	}
	return nil
}

func mkdir(path string) error { return os.MkdirAll(path, 0o700) }
