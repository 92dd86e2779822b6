package journal

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"
)

// FollowUpState says where an open follow-up stands.
type FollowUpState int

// Follow-up states. A follow-up is due from its time for a day, then
// overdue.
const (
	FollowUpNone FollowUpState = iota
	FollowUpUpcoming
	FollowUpDue
	FollowUpOverdue
	FollowUpDone
)

func (s FollowUpState) String() string {
	return [...]string{"none", "upcoming", "due", "overdue", "done"}[s]
}

// FollowUpState says where e's follow-up stands at now.
func (e Entry) FollowUpState(now time.Time) FollowUpState {
	switch {
	case e.FollowUp.IsZero():
		return FollowUpNone
	case e.FollowUpDone:
		return FollowUpDone
	case now.Before(e.FollowUp):
		return FollowUpUpcoming
	case now.Before(e.FollowUp.Add(24 * time.Hour)):
		return FollowUpDue
	}
	return FollowUpOverdue
}

// FollowUps returns the entries with an open follow-up, soonest (most
// overdue) first.
func (j *Journal) FollowUps() ([]Entry, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, err := j.unlocked(); err != nil {
		return nil, err
	}
	var out []Entry
	for _, s := range j.entries {
		if !s.e.FollowUp.IsZero() && !s.e.FollowUpDone {
			out = append(out, s.e.clone())
		}
	}
	slices.SortFunc(out, func(a, b Entry) int { return a.FollowUp.Compare(b.FollowUp) })
	return out, nil
}

// ErrNoFollowUp means an entry has no follow-up to mark done.
var ErrNoFollowUp = errors.New("entry has no follow-up")

// MarkFollowUpDone closes an entry's follow-up. The entry's previous version
// is kept, as for any edit. An entry without a follow-up is refused with
// ErrNoFollowUp; one already done is left as it is, with no new version.
func (j *Journal) MarkFollowUpDone(id string) error {
	e, err := j.Entry(id)
	if err != nil {
		return err
	}
	switch {
	case e.FollowUp.IsZero():
		return fmt.Errorf("mark follow-up done: entry %s: %w", e.ID, ErrNoFollowUp)
	case e.FollowUpDone:
		return nil
	}
	e.FollowUpDone = true
	if _, err := j.Save(e); err != nil {
		return fmt.Errorf("mark follow-up done: %w", err)
	}
	return nil
}

// FollowUpWatcher reports follow-ups as they fall due while the app runs.
// Those already due when it starts are not reported: the list shows them.
type FollowUpWatcher struct {
	j    *Journal
	last time.Time
	fell func(Entry)
}

// NewFollowUpWatcher returns a watcher that calls fell for each follow-up
// whose time passes after start. fell runs on the caller of Check.
func (j *Journal) NewFollowUpWatcher(start time.Time, fell func(Entry)) *FollowUpWatcher {
	return &FollowUpWatcher{j: j, last: start, fell: fell}
}

// Check calls fell for the open follow-ups that fell due in (last check,
// now]. While the journal is locked nothing is reported, and what fell
// due meanwhile is reported at the first check after unlocking.
func (w *FollowUpWatcher) Check(now time.Time) {
	fs, err := w.j.FollowUps()
	if err != nil {
		return
	}
	for _, e := range fs {
		if e.FollowUp.After(w.last) && !e.FollowUp.After(now) {
			w.fell(e)
		}
	}
	w.last = now
}

// Run checks every interval until ctx is done.
func (w *FollowUpWatcher) Run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			w.Check(now)
		}
	}
}
