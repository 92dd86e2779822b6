package search

import (
	"crypto/sha256"
	"maps"
	"slices"
)

// recordStamp is what a record says, to tell whether writing another
// would change anything. Every start of the app rewrote the record (456
// KB for the issue 10 vault, synced) with the same contents as it updated
// the index it had opened for the library it loaded; gob writes maps in
// no set order, so the bytes alone could not tell.
type recordStamp struct {
	head  record   // without State
	state [32]byte // digest of the state encoded after the record
}

func newRecordStamp(r *record, state []byte) *recordStamp {
	s := &recordStamp{head: *r, state: sha256.Sum256(state)}
	s.head.State = nil
	return s
}

// same says whether a and b record the same thing.
func (a *recordStamp) same(b *recordStamp) bool {
	x, y := a.head, b.head
	return a.state == b.state && x.Key == y.Key && x.Hash == y.Hash && x.Dir == y.Dir && x.Len == y.Len &&
		x.Versions == y.Versions && x.HasNames == y.HasNames && maps.Equal(x.Names, y.Names) &&
		slices.EqualFunc(x.Synonyms, y.Synonyms, slices.Equal[[]string])
}

// stamped says whether the record last read or written by ix says what s
// does.
func (ix *Index) stamped(s *recordStamp) bool {
	ix.stampMu.Lock()
	defer ix.stampMu.Unlock()
	return ix.stamp != nil && ix.stamp.same(s)
}

func (ix *Index) setStamp(s *recordStamp) {
	ix.stampMu.Lock()
	ix.stamp = s
	ix.stampMu.Unlock()
}
