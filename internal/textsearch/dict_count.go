package textsearch

import (
	"unsafe"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// termCounter counts the documents holding terms of one field, for a
// dictionary walk to rank them by. The walk's own counts are wrong on a
// merged segment: zapx v17 writes a term found in one document there
// "1-hit" encoded, and its DictionaryIterator.Next reuses one
// PostingsList whose read leaves that mark set, so every later term of
// the walk reports 1 (dict.go, posting.go PostingsList.read and Count).
// A stored index is one merged segment, so "most frequent first" picked
// rare terms on disk and frequent ones in memory
// (TestPrefixTermsSameOnDisk). This reads each term's postings in each
// segment into a list it resets; in an index of one segment (a stored
// one), where a count above 1 can only be right, only the 1s.
type termCounter struct {
	r       index.IndexReader
	field   string
	dicts   []segment.TermDictionary
	deleted []*roaring.Bitmap
	pl      segment.PostingsList
	single  bool
}

func newTermCounter(r index.IndexReader, field string) *termCounter {
	c := &termCounter{r: r, field: field}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return c
	}
	for _, ss := range snap.Segments() {
		d, err := ss.Segment().Dictionary(field)
		if err != nil {
			return &termCounter{r: r, field: field}
		}
		c.dicts = append(c.dicts, d)
		c.deleted = append(c.deleted, ss.Deleted())
	}
	c.single = len(c.dicts) == 1
	return c
}

// count is how many documents hold de's term.
func (c *termCounter) count(de *index.DictEntry) uint64 {
	if c.single && de.Count > 1 {
		return de.Count
	}
	term := de.Term
	if c.dicts == nil {
		return termCount(c.r, c.field, term)
	}
	key := unsafe.Slice(unsafe.StringData(term), len(term))
	var n uint64
	for i, d := range c.dicts {
		pl, err := d.PostingsList(key, c.deleted[i], c.pl)
		if err != nil {
			return termCount(c.r, c.field, term)
		}
		if pl == nil {
			continue
		}
		c.pl = pl
		n += pl.Count()
	}
	return n
}
