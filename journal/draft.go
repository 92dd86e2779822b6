package journal

import (
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"github.com/poisehq/poise/journal/internal/vault"
)

// Draft is an entry being typed, autosaved (encrypted) so that a crash or
// a lock loses nothing. EntryID is the entry being edited; empty for a new
// one.
type Draft struct {
	ID      string    `json:"id"`
	EntryID string    `json:"entry_id,omitempty"`
	Entry   Entry     `json:"entry"`
	Saved   time.Time `json:"saved,omitzero"`
	// WhileLocked marks a draft typed while the journal was locked (the
	// quick log at a quit, KeepDraft), not yet saved or discarded. It comes
	// from where the file is, never from what a file says: anyone who can
	// write the data folder can make such a draft, so a front end shows it
	// as one for the person to review.
	WhileLocked bool `json:"-"`
}

type storedDraft struct {
	d    Draft
	file string
	// locked: the file is in locked-drafts/, sealed to the draft-only key.
	locked bool
	// suspect: kept while locked and dated in the future (its date is
	// made now): offered after the others.
	suspect bool
}

// SaveDraft writes d, encrypted, and returns it with its ID set. Call it as
// the person types (every few seconds, not every key); drafts need not be
// valid entries. A draft typed while the journal was locked is saved as
// the journal's own from then on: the person has it in hand.
func (j *Journal) SaveDraft(d Draft) (Draft, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	keys, err := j.writable()
	if err != nil {
		return Draft{}, err
	}
	return j.saveDraftLocked(keys, d)
}

// saveDraftLocked is SaveDraft with j.mu held.
func (j *Journal) saveDraftLocked(keys *vault.Keys, d Draft) (Draft, error) {
	d, err := j.checkDraft(d)
	if err != nil {
		return Draft{}, err
	}
	s, ok := j.drafts[d.ID]
	if !ok {
		s = &storedDraft{file: randomName()}
	}
	file := s.file
	if s.locked {
		file = randomName()
	}
	if err := j.writeRecord(keys, draftsDir, file, fileRecord{Format: formatDraft, Draft: &d}); err != nil {
		return Draft{}, fmt.Errorf("save draft: %w", err)
	}
	if s.locked {
		// Written to drafts/ first: a failed removal leaves the same words
		// offered twice, never none.
		if err := removeSynced(filepath.Join(j.dir, lockedDraftsDir, s.file)); err != nil {
			j.problems = append(j.problems, Problem{File: relName(lockedDraftsDir, s.file), Err: fmt.Errorf("saved as a draft, but not removed: %w", err)})
		}
		s.file, s.locked = file, false
	}
	s.d = d
	j.drafts[d.ID] = s
	return d, nil
}

// checkDraft checks d and returns it as it is kept: normalized, with its
// ID and the time it is saved. j.mu must be held.
func (j *Journal) checkDraft(d Draft) (Draft, error) {
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
	d.WhileLocked = false
	return d, nil
}

// Drafts lists the drafts left from earlier sessions (or this one), newest
// first, to offer back after a crash. Those typed while the journal was
// locked have WhileLocked set.
func (j *Journal) Drafts() ([]Draft, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, err := j.unlocked(); err != nil {
		return nil, err
	}
	type offered struct {
		d       Draft
		suspect bool
	}
	all := make([]offered, 0, len(j.drafts))
	for _, s := range j.drafts {
		d := s.d
		d.Entry = d.Entry.clone()
		d.WhileLocked = s.locked
		all = append(all, offered{d, s.suspect})
	}
	// The newest first, those dated in the future last (openLockedDraftsLocked).
	slices.SortFunc(all, func(a, b offered) int {
		if a.suspect != b.suspect {
			if a.suspect {
				return 1
			}
			return -1
		}
		return b.d.Saved.Compare(a.d.Saved)
	})
	out := make([]Draft, len(all))
	for i, o := range all {
		out[i] = o.d
	}
	return out, nil
}

// DiscardDraft removes a draft, once its entry is saved or the person
// throws it away: a draft typed while locked too, whose file goes then.
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
	sub := draftsDir
	if s.locked {
		sub = lockedDraftsDir
	}
	if err := removeSynced(filepath.Join(j.dir, sub, s.file)); err != nil {
		return fmt.Errorf("discard draft: %w", err)
	}
	delete(j.drafts, id)
	return nil
}
