package textsearch

import (
	"errors"
	"fmt"
	"sync"
)

// ErrDamaged means the index on disk is damaged or was not written by
// Poise: it cannot be read, and should be deleted and built again.
var ErrDamaged = errors.New("search index is damaged")

// noticeDamage turns a panic while the index is read into ErrDamaged in
// *err. zapx trusts the segment file it maps: offsets and lengths read
// from a damaged or forged one index its slices out of range (seen in
// SegmentBase.DocID and getDocStoredMetaAndCompressed), which would kill
// the app or "poise search" instead of letting the index be rebuilt. The
// stack is lost; the panic's message is kept in the error.
func noticeDamage(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%w: %v", ErrDamaged, r)
	}
}

// damagedPaths are the stored indexes this process found damaged. bbolt
// panics on a damaged root.bolt while it holds the file's lock, and the
// lock stays with the process once the panic is made an error: a second
// open of that index would wait for it and fail as locked (IsLocked),
// which callers never rebuild. Known damaged, it fails at once as
// damaged; a build in its place (a new root.bolt) forgets it.
var damagedPaths sync.Map

// knownDamaged is the error for path when it was found damaged before.
func knownDamaged(path string) error {
	if _, ok := damagedPaths.Load(path); ok {
		return fmt.Errorf("open index %s: %w", path, ErrDamaged)
	}
	return nil
}
