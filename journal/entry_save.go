package journal

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/poisehq/poise/internal/atomicfile"
	"github.com/poisehq/poise/journal/internal/vault"
)

// Entries returns every entry, newest first.
func (j *Journal) Entries() ([]Entry, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, err := j.unlocked(); err != nil {
		return nil, err
	}
	return sortedEntries(j.entries), nil
}

func sortedEntries(m map[string]*stored) []Entry {
	out := make([]Entry, 0, len(m))
	for _, s := range m {
		out = append(out, s.e.clone())
	}
	slices.SortFunc(out, newestFirst)
	return out
}

func newestFirst(a, b Entry) int {
	if c := b.sortTime().Compare(a.sortTime()); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

func (e Entry) sortTime() time.Time {
	if e.When.IsZero() {
		return e.Created
	}
	return e.When
}

func (e Entry) clone() Entry {
	e.Emotions = slices.Clone(e.Emotions)
	e.Triggers = slices.Clone(e.Triggers)
	e.Tags = slices.Clone(e.Tags)
	e.TriedItems = slices.Clone(e.TriedItems)
	return e
}

// Entry returns the entry with the given id, or with the only id that
// starts with it, as people type short ids in the CLI.
func (j *Journal) Entry(id string) (Entry, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, err := j.unlocked(); err != nil {
		return Entry{}, err
	}
	s, err := j.findLocked(id)
	if err != nil {
		return Entry{}, err
	}
	return s.e.clone(), nil
}

func (j *Journal) findLocked(id string) (*stored, error) {
	return findIn(j.entries, id, "entry")
}

// findIn finds the record with the given id, or with the only id that
// starts with it, in m (the entries or the trash).
func findIn(m map[string]*stored, id, what string) (*stored, error) {
	if s, ok := m[id]; ok {
		return s, nil
	}
	var found *stored
	for k, s := range m {
		if id != "" && strings.HasPrefix(k, id) {
			if found != nil {
				return nil, fmt.Errorf("id %q is ambiguous: %w", id, ErrNotFound)
			}
			found = s
		}
	}
	if found == nil {
		return nil, fmt.Errorf("%s %q: %w", what, id, ErrNotFound)
	}
	return found, nil
}

// Save writes e and returns it as stored. An entry without an ID is new and
// gets one; saving over an existing entry keeps its previous version in the
// history first, so an edit never destroys anything.
func (j *Journal) Save(e Entry) (Entry, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	keys, err := j.writable()
	if err != nil {
		return Entry{}, err
	}
	now := j.now()
	e = normalize(e)
	if err := j.checkNewIDLocked(e.ID); err != nil {
		return Entry{}, err
	}
	if e.ID == "" {
		e.ID = newID()
	}
	if e.Created.IsZero() {
		e.Created = now
	}
	e.Updated = now
	if e.When.IsZero() {
		e.When = e.Created
	}
	if err := e.Validate(); err != nil {
		return Entry{}, err
	}
	if old, ok := j.entries[e.ID]; ok && sameContent(old.e, e) {
		// Saving what is already stored (a form saved twice, a repeated
		// command) writes no file and keeps no needless version.
		return old.e.clone(), nil
	}
	if err := j.putLocked(keys, e); err != nil {
		return Entry{}, err
	}
	return e.clone(), nil
}

// sameContent reports whether a and b differ only in when they were last
// saved. It compares their JSON, the form they are stored in, so times
// compare by instant, not by how they were read.
func sameContent(a, b Entry) bool {
	a.Updated, b.Updated = time.Time{}, time.Time{}
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}

// checkNewIDLocked refuses an id the journal would not have made, unless an
// entry already has it: ids reach file names and terminals.
func (j *Journal) checkNewIDLocked(id string) error {
	_, live := j.entries[id]
	_, trashed := j.trash[id]
	if id == "" || live || trashed || wellFormedID(id) {
		return nil
	}
	return invalid("id", "id %q is not one Poise makes (%d letters a-z and digits 2-7)", id, idLen)
}

// putLocked writes e as given (times included) over any entry with its id.
func (j *Journal) putLocked(keys *vault.Keys, e Entry) error {
	s, exists := j.entries[e.ID]
	if exists {
		if err := j.keepVersionLocked(s); err != nil {
			return err
		}
	} else {
		s = &stored{file: randomName()}
		if t, ok := j.trash[e.ID]; ok {
			s.file = t.file
		}
	}
	if err := j.writeRecord(keys, entriesDir, s.file, fileRecord{Format: formatEntry, Entry: &e}); err != nil {
		return fmt.Errorf("save entry: %w", err)
	}
	s.e = e.clone()
	j.entries[e.ID] = s
	if t, ok := j.trash[e.ID]; ok {
		// Saved again after a delete (an import, say): it is back.
		os.Remove(filepath.Join(j.dir, trashDir, t.file))
		delete(j.trash, e.ID)
	}
	j.indexLocked(s.e)
	return nil
}

// keepVersionLocked copies the entry's current file, still encrypted, into
// the history before it is overwritten.
func (j *Journal) keepVersionLocked(s *stored) error {
	data, err := readJournalFile(filepath.Join(j.dir, entriesDir, s.file), maxRecordFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("keep previous version: %w", err)
	}
	if err := os.MkdirAll(filepath.Join(j.dir, historyDir), 0o700); err != nil {
		return fmt.Errorf("keep previous version: %w", err)
	}
	name := randomName()
	if err := atomicfile.Write(filepath.Join(j.dir, historyDir, name), data, 0o600); err != nil {
		return fmt.Errorf("keep previous version: %w", err)
	}
	if fk, ok := j.fileKeys[relName(entriesDir, s.file)]; ok {
		j.fileKeys[relName(historyDir, name)] = fk
	}
	return nil
}

// normalize trims list fields so that stray commas and spaces from a form
// do not become empty tags, and turns Windows and old Mac line ends into
// plain ones, so a carriage return cannot overwrite a line on a terminal.
func normalize(e Entry) Entry {
	e = e.clone()
	for _, f := range e.textFields() {
		*f.ptr = lineEnds.Replace(*f.ptr)
	}
	clean := func(in []string) []string {
		var out []string
		for _, s := range in {
			s = strings.TrimSpace(s)
			if s != "" && !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
		return out
	}
	e.Emotions = clean(e.Emotions)
	e.Tags = clean(e.Tags)
	e.TriedItems = clean(e.TriedItems)
	var ts []Trigger
	for _, t := range e.Triggers {
		if !slices.Contains(ts, t) {
			ts = append(ts, t)
		}
	}
	e.Triggers = ts
	return e
}

var lineEnds = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// Delete moves an entry to the trash, where it stays TrashDays days.
func (j *Journal) Delete(id string) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	keys, err := j.writable()
	if err != nil {
		return err
	}
	s, err := j.findLocked(id)
	if err != nil {
		return err
	}
	t := &stored{e: s.e, file: s.file, deleted: j.now()}
	if err := j.writeRecord(keys, trashDir, t.file, fileRecord{Format: formatEntry, Entry: &t.e, Deleted: t.deleted}); err != nil {
		return fmt.Errorf("delete entry: %w", err)
	}
	if err := removeSynced(filepath.Join(j.dir, entriesDir, s.file)); err != nil {
		return fmt.Errorf("delete entry: %w", err)
	}
	delete(j.entries, s.e.ID)
	j.trash[s.e.ID] = t
	j.unindexLocked(s.e.ID)
	return nil
}

func removeSynced(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return atomicfile.SyncDir(filepath.Dir(path))
}

// Trashed is a deleted entry that can still be restored.
type Trashed struct {
	Entry   Entry
	Deleted time.Time
}

// Trash lists deleted entries, most recently deleted first.
func (j *Journal) Trash() ([]Trashed, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, err := j.unlocked(); err != nil {
		return nil, err
	}
	out := make([]Trashed, 0, len(j.trash))
	for _, s := range j.trash {
		out = append(out, Trashed{Entry: s.e.clone(), Deleted: s.deleted})
	}
	slices.SortFunc(out, func(a, b Trashed) int { return b.Deleted.Compare(a.Deleted) })
	return out, nil
}

// Undelete brings an entry back from the trash. Like Entry, it takes a
// unique prefix of the id.
func (j *Journal) Undelete(id string) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	keys, err := j.writable()
	if err != nil {
		return err
	}
	t, err := findIn(j.trash, id, "entry in the trash")
	if err != nil {
		return err
	}
	id = t.e.ID
	if err := j.writeRecord(keys, entriesDir, t.file, fileRecord{Format: formatEntry, Entry: &t.e}); err != nil {
		return fmt.Errorf("undelete entry: %w", err)
	}
	if err := removeSynced(filepath.Join(j.dir, trashDir, t.file)); err != nil {
		return fmt.Errorf("undelete entry: %w", err)
	}
	delete(j.trash, id)
	j.entries[id] = &stored{e: t.e, file: t.file}
	j.indexLocked(t.e)
	return nil
}

// History returns the earlier versions of an entry, newest first. It reads
// the history folder on demand, so unlocking stays fast.
func (j *Journal) History(id string) ([]Entry, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	keys, err := j.unlocked()
	if err != nil {
		return nil, err
	}
	ls, err := j.readDir(keys, j.fileKeys, historyDir)
	if err != nil {
		return nil, err
	}
	var out []Entry
	for _, l := range ls {
		if l.err == nil && l.rec.Entry != nil && l.rec.Entry.ID == id {
			out = append(out, *l.rec.Entry)
		}
	}
	slices.SortFunc(out, func(a, b Entry) int { return cmp.Compare(b.Updated.UnixNano(), a.Updated.UnixNano()) })
	return out, nil
}
