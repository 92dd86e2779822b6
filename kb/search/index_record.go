package search

import (
	"fmt"
	"sync"

	"github.com/poisehq/poise/kb"
)

// Recorded is the record of the index kept in a folder, read once for
// both uses a start has for it: the state to scan the library against
// (State, as RecordedState) and the index to open when the library still
// matches (OpenCurrent). Decoding it is a large share of what "poise
// search" does on a big library, and RecordedState then OpenCurrent read
// it twice. Preopen opens the index while the caller decodes the state
// and scans the library.
type Recorded struct {
	dir string
	r   *record // nil when none is recorded

	// stateBytes is the library state as it follows the record, decoded
	// by the first State: after Preopen has started opening the index,
	// not before, as decoding a large library's state takes a core for
	// several milliseconds that the opening need not wait for.
	stateBytes []byte
	decode     sync.Once
	state      *kb.LibraryState
	badState   bool // stateBytes could not be decoded: nothing is recorded

	mu   sync.Mutex
	pre  *preopened
	done bool // the preopened index was handed out or closed
}

// preopened is the index Preopen opens, once opened.
type preopened struct {
	opts  Options
	ready chan struct{}
	g     *generation
	err   error
}

// ReadRecorded reads the record of the index kept in dir.
func ReadRecorded(dir string) *Recorded {
	r, rest, err := readRecordHead(dir)
	if err != nil {
		r = nil
	}
	return &Recorded{dir: dir, r: r, stateBytes: rest}
}

// State is RecordedState of the folder: nil when nothing is recorded.
func (rc *Recorded) State() *kb.LibraryState {
	if rc.r == nil {
		return nil
	}
	rc.decode.Do(func() {
		rc.state = rc.r.State // records older than the state after them hold it
		if len(rc.stateBytes) > 0 {
			st, err := kb.DecodeState(rc.stateBytes)
			rc.state, rc.badState = st, err != nil
		}
	})
	return rc.state
}

// Preopen starts opening the recorded index with opts, for OpenCurrent
// with the same options to use: opening it and scanning the library are
// the two larger parts of a start and need nothing of each other. Close
// releases it when OpenCurrent does not take it.
func (rc *Recorded) Preopen(opts Options) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if rc.r == nil || rc.pre != nil || rc.done {
		return
	}
	p := &preopened{opts: opts, ready: make(chan struct{})}
	rc.pre = p
	go func() {
		defer close(p.ready)
		ix := &Index{dir: rc.dir, opts: opts}
		p.g, p.err = ix.openRecordWith(rc.r, rc.State)
	}()
}

// OpenCurrent is OpenCurrent of the folder, from the record read.
func (rc *Recorded) OpenCurrent(state *kb.LibraryState, opts Options) (*Index, error) {
	if rc.r == nil || state == nil || rc.r.Key != state.Key() {
		return nil, ErrStale
	}
	if rc.State(); rc.badState {
		rc.Close()
		return nil, ErrStale
	}
	ix := &Index{dir: rc.dir, opts: opts}
	g, err := rc.take(opts)
	if g == nil && err == nil {
		g, err = ix.openRecordWith(rc.r, rc.State)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrStale, err)
	}
	ix.gen = g
	ix.setStamp(newRecordStamp(rc.r, rc.stateBytes))
	return ix, nil
}

// take hands out the preopened index if it was opened with opts; nil and
// no error when there is none to take.
func (rc *Recorded) take(opts Options) (*generation, error) {
	rc.mu.Lock()
	p := rc.pre
	// What openRecord depends on must be the same.
	if p == nil || rc.done || p.opts.ReadOnly != opts.ReadOnly || p.opts.openTimeout != opts.openTimeout {
		rc.mu.Unlock()
		return nil, nil
	}
	rc.done = true
	rc.mu.Unlock()
	<-p.ready
	return p.g, p.err
}

// Close releases the preopened index unless OpenCurrent handed it out.
func (rc *Recorded) Close() {
	rc.mu.Lock()
	p := rc.pre
	taken := rc.done
	rc.done = true
	rc.mu.Unlock()
	if p == nil || taken {
		return
	}
	<-p.ready
	if p.g != nil {
		p.g.eng.Close()
	}
}
