package packs

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/poisehq/poise/internal/atomicfile"
)

// txn is a change to the installed set made of folder renames, written to
// .poise/txn.json before anything moves. The state commit is the point of
// no return: a crash before it undoes the renames, a crash after it
// finishes the clean-up, so the installed set is always the old one or the
// new one, never a mix.
type txn struct {
	// Seq is the state sequence number the commit will give.
	Seq int `json:"seq"`
	// Moves happen in order before the commit; undone in reverse.
	Moves []move `json:"moves"`
	// After run once committed: each removes To, then renames From to To
	// (with an empty From it only removes To).
	After []move `json:"after"`
	// Scratch is the transaction's staging folder, removed at the end.
	Scratch string `json:"scratch"`
}

type move struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// crashHook, when set (tests only), runs at each step of a transaction by
// name, so a test can kill the process there.
var crashHook func(step string)

func hook(step string) {
	if crashHook != nil {
		crashHook(step)
	}
}

// run carries out t, committing st between its moves and its clean-up.
func (s *Store) run(t *txn, st *state) error {
	t.Seq = st.Seq + 1
	b, err := json.Marshal(t)
	if err != nil {
		return err
	}
	if err := atomicfile.Write(s.meta("txn.json"), b, 0o600); err != nil {
		return fmt.Errorf("start pack change: %w", err)
	}
	hook("begun")
	for i, m := range t.Moves {
		if err := os.Rename(m.From, m.To); err != nil {
			return s.abort(t, fmt.Errorf("move %s: %w", filepath.Base(m.From), err))
		}
		hook(fmt.Sprintf("moved-%d", i))
	}
	if err := s.syncDirs(t); err != nil {
		return s.abort(t, err)
	}
	if err := s.commit(st); err != nil {
		st.Seq--
		return s.abort(t, err)
	}
	hook("committed")
	return s.finish(t)
}

// abort undoes t after a failure before its commit.
func (s *Store) abort(t *txn, cause error) error {
	if err := s.undo(t); err != nil {
		return errors.Join(cause, fmt.Errorf("undo: %w", err))
	}
	return cause
}

func (s *Store) undo(t *txn) error {
	for i := len(t.Moves) - 1; i >= 0; i-- {
		m := t.Moves[i]
		if !exists(m.From) && exists(m.To) {
			if err := os.Rename(m.To, m.From); err != nil {
				return err
			}
		}
	}
	return s.cleanUp(t)
}

func (s *Store) finish(t *txn) error {
	for _, m := range t.After {
		if m.From != "" && !exists(m.From) {
			continue // done before a crash
		}
		if err := os.RemoveAll(m.To); err != nil {
			return fmt.Errorf("finish pack change: %w", err)
		}
		if m.From != "" {
			if err := os.Rename(m.From, m.To); err != nil {
				return fmt.Errorf("finish pack change: %w", err)
			}
		}
	}
	return s.cleanUp(t)
}

func (s *Store) cleanUp(t *txn) error {
	if t.Scratch != "" {
		if err := os.RemoveAll(t.Scratch); err != nil {
			return err
		}
	}
	if err := os.Remove(s.meta("txn.json")); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

// syncDirs makes the renames durable before the commit that relies on them.
func (s *Store) syncDirs(t *txn) error {
	seen := map[string]bool{}
	for _, m := range t.Moves {
		for _, d := range []string{filepath.Dir(m.From), filepath.Dir(m.To)} {
			if !seen[d] {
				seen[d] = true
				if err := atomicfile.SyncDir(d); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// recover finishes or undoes a transaction a crash interrupted, and clears
// staging folders left by a crash during a download.
func (s *Store) recover() error {
	b, err := os.ReadFile(s.meta("txn.json"))
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return err
	default:
		var t txn
		if err := json.Unmarshal(b, &t); err != nil {
			return fmt.Errorf("read interrupted pack change: %w", err)
		}
		st, err := s.readState()
		if err != nil {
			return err
		}
		if st.Seq >= t.Seq {
			err = s.finish(&t)
		} else {
			err = s.undo(&t)
		}
		if err != nil {
			return fmt.Errorf("recover interrupted pack change: %w", err)
		}
	}
	entries, err := os.ReadDir(s.meta("staging"))
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := os.RemoveAll(s.meta("staging", e.Name())); err != nil {
			return err
		}
	}
	return nil
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}
