package search

import (
	"fmt"

	"github.com/poisehq/poise/kb"
)

// Recorded is the record of the index kept in a folder, read once for
// both uses a start has for it: the state to scan the library against
// (State, as RecordedState) and the index to open when the library still
// matches (OpenCurrent). Decoding it is a large share of what "poise
// search" does on a big library, and RecordedState then OpenCurrent read
// it twice.
type Recorded struct {
	dir string
	r   *record // nil when none is recorded
}

// ReadRecorded reads the record of the index kept in dir.
func ReadRecorded(dir string) *Recorded {
	r, err := readRecord(dir)
	if err != nil {
		r = nil
	}
	return &Recorded{dir: dir, r: r}
}

// State is RecordedState of the folder: nil when nothing is recorded.
func (rc *Recorded) State() *kb.LibraryState {
	if rc.r == nil {
		return nil
	}
	return rc.r.State
}

// OpenCurrent is OpenCurrent of the folder, from the record read.
func (rc *Recorded) OpenCurrent(state *kb.LibraryState, opts Options) (*Index, error) {
	if rc.r == nil || state == nil || rc.r.Key != state.Key() {
		return nil, ErrStale
	}
	ix := &Index{dir: rc.dir, opts: opts}
	g, err := ix.openRecord(rc.r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrStale, err)
	}
	ix.gen = g
	return ix, nil
}
