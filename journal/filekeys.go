package journal

import (
	"encoding/json"
	"path/filepath"

	"github.com/poisehq/poise/internal/atomicfile"
	"github.com/poisehq/poise/journal/internal/vault"
)

// fileKeysFile holds the age file key of every journal file, sealed like an
// entry. With it, unlocking decrypts one X25519 stanza instead of one per
// entry. It is only a cache: a missing, stale or damaged one costs speed,
// never data, and is rewritten after the next unlock.
const (
	fileKeysFile   = "filekeys.age"
	formatFileKeys = "poise-journal-filekeys"
)

type fileKeysRecord struct {
	Format  string            `json:"format"`
	Version int               `json:"version"`
	Keys    map[string][]byte `json:"keys"`
}

// readFileKeys returns the cached file keys, or an empty map.
func (j *Journal) readFileKeys(keys *vault.Keys) map[string][]byte {
	data, err := readJournalFile(filepath.Join(j.dir, fileKeysFile), maxFileKeysFile)
	if err != nil {
		return map[string][]byte{}
	}
	plain, err := keys.Open(data)
	if err != nil {
		return map[string][]byte{}
	}
	var r fileKeysRecord
	if json.Unmarshal(plain, &r) != nil || r.Format != formatFileKeys || r.Keys == nil {
		return map[string][]byte{}
	}
	return r.Keys
}

// saveFileKeysLocked writes the cache if it changed, unless the journal is
// read-only. Errors are ignored: the next unlock is merely slower.
func (j *Journal) saveFileKeysLocked() {
	if !j.fileKeysDirty || j.keys == nil || j.readOnly {
		return
	}
	plain, err := json.Marshal(fileKeysRecord{Format: formatFileKeys, Version: formatVersion, Keys: j.fileKeys})
	if err != nil {
		return
	}
	data, err := j.keys.Seal(pad(plain))
	if err != nil {
		return
	}
	if atomicfile.Write(filepath.Join(j.dir, fileKeysFile), data, 0o600) == nil {
		j.fileKeysDirty = false
	}
}

func relName(sub, name string) string { return sub + "/" + name }
