package textsearch

import (
	"errors"
	"fmt"
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
