package journal

import (
	"fmt"
	"path/filepath"
	"slices"
	"time"
)

// Draft is an entry being typed, autosaved (encrypted) so that a crash or
// a lock loses nothing. EntryID is the entry being edited; empty for a new
// one.
type Draft struct {
	ID      string    `json:"id"`
	EntryID string    `json:"entry_id,omitempty"`
	Entry   Entry     `json:"entry"`
	Saved   time.Time `json:"saved,omitzero"`
}

type storedDraft struct {
	d    Draft
	file string
}

// SaveDraft writes d, encrypted, and returns it with its ID set. Call it as
// the person types (every few seconds, not every key); drafts need not be
// valid entries.
func (j *Journal) SaveDraft(d Draft) (Draft, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	keys, err := j.writable()
	if err != nil {
		return Draft{}, err
	}
	d.Entry = normalize(d.Entry)
	if err := d.Entry.validateDraft(); err != nil {
		return Draft{}, err
	}
	if _, ok := j.drafts[d.ID]; !ok && d.ID != "" && !wellFormedID(d.ID) {
		return Draft{}, invalid("id", "draft id %q is not one Poise makes; use NewDraftID", d.ID)
	}
	if d.EntryID != "" {
		if err := checkWord("id", "the entry id", d.EntryID, MaxIDLen); err != nil {
			return Draft{}, err
		}
	}
	if d.ID == "" {
		d.ID = newID()
	}
	d.Saved = j.now()
	d.Entry = d.Entry.clone()
	s, ok := j.drafts[d.ID]
	if !ok {
		s = &storedDraft{file: randomName()}
	}
	if err := j.writeRecord(keys, draftsDir, s.file, fileRecord{Format: formatDraft, Draft: &d}); err != nil {
		return Draft{}, fmt.Errorf("save draft: %w", err)
	}
	s.d = d
	j.drafts[d.ID] = s
	return d, nil
}

// Drafts lists the drafts left from earlier sessions (or this one), newest
// first, to offer back after a crash.
func (j *Journal) Drafts() ([]Draft, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, err := j.unlocked(); err != nil {
		return nil, err
	}
	out := make([]Draft, 0, len(j.drafts))
	for _, s := range j.drafts {
		d := s.d
		d.Entry = d.Entry.clone()
		out = append(out, d)
	}
	slices.SortFunc(out, func(a, b Draft) int { return b.Saved.Compare(a.Saved) })
	return out, nil
}

// DiscardDraft removes a draft, once its entry is saved or the person
// throws it away.
func (j *Journal) DiscardDraft(id string) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, err := j.writable(); err != nil {
		return err
	}
	s, ok := j.drafts[id]
	if !ok {
		return nil
	}
	if err := removeSynced(filepath.Join(j.dir, draftsDir, s.file)); err != nil {
		return fmt.Errorf("discard draft: %w", err)
	}
	delete(j.drafts, id)
	return nil
}
