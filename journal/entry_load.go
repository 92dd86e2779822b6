package journal

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/poisehq/poise/journal/internal/vault"
)

// errForeign marks a file in a journal folder that is not a journal file.
var errForeign = errors.New("not a journal file")

// loaded is one file's outcome.
type loaded struct {
	sub, name string
	rec       fileRecord
	fileKey   []byte
	err       error
}

// readDir decrypts every file in sub, in parallel: X25519 and ChaCha20 are
// the cost of unlocking, and they scale with cores.
func (j *Journal) readDir(keys *vault.Keys, fk map[string][]byte, sub string) ([]loaded, error) {
	des, err := os.ReadDir(filepath.Join(j.dir, sub))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read journal folder %s: %w", sub, err)
	}
	var names []string
	for _, de := range des {
		if de.IsDir() || isTempName(de.Name()) {
			continue
		}
		names = append(names, de.Name())
	}
	out := make([]loaded, len(names))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				out[i] = j.readFile(keys, fk[relName(sub, names[i])], sub, names[i])
			}
		})
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	return out, nil
}

func (j *Journal) readFile(keys *vault.Keys, fileKey []byte, sub, name string) loaded {
	l := loaded{sub: sub, name: name}
	if !strings.HasSuffix(name, ".age") {
		l.err = errForeign
		return l
	}
	data, err := readJournalFile(filepath.Join(j.dir, sub, name), maxRecordFile)
	if err != nil {
		l.err = err
		return l
	}
	plain, fk, err := keys.OpenKeyed(data, fileKey)
	if err != nil {
		l.err = err
		return l
	}
	l.fileKey = fk
	l.rec, l.err = decodeRecord(plain)
	return l
}

// load decrypts the journal with keys and makes it the unlocked state. On
// error nothing changes.
func (j *Journal) load(keys *vault.Keys) error {
	ents := map[string]*stored{}
	trash := map[string]*stored{}
	drafts := map[string]*storedDraft{}
	var problems []Problem
	oldKeys := j.readFileKeys(keys)
	fileKeys := map[string][]byte{}
	for k, v := range oldKeys {
		// History is read on demand, not at unlock: keep its keys.
		if strings.HasPrefix(k, historyDir+"/") {
			fileKeys[k] = v
		}
	}
	report := func(l loaded, err error) {
		problems = append(problems, Problem{File: filepath.ToSlash(filepath.Join(l.sub, l.name)), Err: err})
	}
	for _, sub := range []string{entriesDir, trashDir, draftsDir} {
		ls, err := j.readDir(keys, oldKeys, sub)
		if err != nil {
			return fmt.Errorf("unlock journal: %w", err)
		}
		for _, l := range ls {
			if l.err != nil {
				report(l, l.err)
				continue
			}
			fileKeys[relName(l.sub, l.name)] = l.fileKey
			switch {
			case sub == draftsDir && l.rec.Draft != nil:
				drafts[l.rec.Draft.ID] = &storedDraft{d: *l.rec.Draft, file: l.name}
			case sub != draftsDir && l.rec.Entry != nil:
				m := ents
				if sub == trashDir {
					m = trash
				}
				s := &stored{e: *l.rec.Entry, file: l.name, deleted: l.rec.Deleted}
				if old, dup := m[s.e.ID]; dup {
					// Two files claim one entry (a copied file, say): keep
					// the newer, report the other, delete neither.
					if old.e.Updated.After(s.e.Updated) {
						old, s = s, old
					}
					report(loaded{sub: sub, name: old.file}, fmt.Errorf("older copy of entry %s", s.e.ID))
				}
				m[s.e.ID] = s
			default:
				report(l, fmt.Errorf("%w: wrong kind of record for %s/", errFormat, sub))
			}
		}
	}
	for id := range trash {
		// A delete interrupted between writing to trash and removing the
		// entry: the entry stays, as the safer reading.
		if _, ok := ents[id]; ok {
			delete(trash, id)
		}
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	j.keys, j.entries, j.trash, j.drafts, j.problems = keys, ents, trash, drafts, problems
	j.fileKeys, j.fileKeysDirty = fileKeys, !sameKeys(oldKeys, fileKeys)
	j.openLockedDraftsLocked(keys)
	if j.index != nil {
		j.index.close()
		j.index = nil
	}
	if !j.readOnly {
		// Housekeeping writes: only a journal opened to write does it.
		j.purgeTrashLocked(j.now())
		j.saveFileKeysLocked()
		j.removeStaleTempFiles(time.Now()) // file times are wall-clock times
	}
	return nil
}

func sameKeys(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if string(b[k]) != string(v) {
			return false
		}
	}
	return true
}

// purgeTrashLocked removes entries deleted more than TrashDays ago, with
// their history. Failures are left for the next unlock.
func (j *Journal) purgeTrashLocked(now time.Time) {
	gone := map[string]bool{}
	for id, s := range j.trash {
		if now.Sub(s.deleted) > TrashDays*24*time.Hour {
			if err := os.Remove(filepath.Join(j.dir, trashDir, s.file)); err == nil || errors.Is(err, fs.ErrNotExist) {
				delete(j.trash, id)
				gone[id] = true
			}
		}
	}
	if len(gone) == 0 {
		return
	}
	hs, _ := j.readDir(j.keys, j.fileKeys, historyDir)
	for _, h := range hs {
		if h.err == nil && h.rec.Entry != nil && gone[h.rec.Entry.ID] {
			os.Remove(filepath.Join(j.dir, historyDir, h.name))
		}
	}
}
