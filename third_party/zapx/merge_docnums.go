package zap

import (
	"encoding/binary"
	"math"

	"github.com/RoaringBitmap/roaring/v2"
)

// poise patch 10: a merge gathers each term's new document numbers in a
// slice rather than adding them to a roaring bitmap one by one. They come
// in order (segment by segment, each segment's postings in order), and a
// term whose documents fit one array container (at most 4,096, all below
// 65,536: every term of a merge of fewer than 65,536 documents that is
// not in more than 4,096 of them) is written as roaring would serialise
// its bitmap, as patch 4 does for New; others are made with AddMany and
// written as before. The merge was a build's one goroutine on one core
// while the other half idled, and Bitmap.Add a sixth of it.

// mergedDocs is a term's new document numbers, gathered as a merge goes.
type mergedDocs struct {
	nums   []uint32
	sorted bool // each number greater than the one before
	bs     *roaring.Bitmap
	out    []byte
}

// reset empties d for the next term.
func (d *mergedDocs) reset() {
	d.nums = d.nums[:0]
	d.sorted = true
}

// add appends a document number.
func (d *mergedDocs) add(n uint32) {
	if k := len(d.nums); k > 0 && d.nums[k-1] >= n {
		d.sorted = false
	}
	d.nums = append(d.nums, n)
}

// minimum is the least number gathered; d must hold one.
func (d *mergedDocs) minimum() uint32 {
	if d.sorted {
		return d.nums[0]
	}
	m := d.nums[0]
	for _, n := range d.nums[1:] {
		m = min(m, n)
	}
	return m
}

// bitmap is d's numbers as a roaring bitmap, the same one adding them one
// by one makes (AddMany converts an array container to a bitmap one past
// 4,096 values, as Add does); it is d's, reused.
func (d *mergedDocs) bitmap() *roaring.Bitmap {
	if d.bs == nil {
		d.bs = roaring.New()
	}
	d.bs.Clear()
	d.bs.AddMany(d.nums)
	return d.bs
}

// writePostings is writePostings for d's numbers: the same bytes.
func (d *mergedDocs) writePostings(tfEncoder, locEncoder *chunkedIntCoder,
	use1HitEncoding func(uint64) (bool, uint64, uint64),
	w *FileWriter, bufMaxVarintLen64 []byte) (uint64, error) {
	n := len(d.nums)
	if n == 0 {
		return 0, nil
	}
	if !d.sorted || n > arrayContainerMax || d.nums[n-1] > math.MaxUint16 || w.processor != nil {
		return writePostings(d.bitmap(), tfEncoder, locEncoder, use1HitEncoding, w, bufMaxVarintLen64)
	}
	if use1HitEncoding != nil {
		if encodeAs1Hit, docNum1Hit, normBits1Hit := use1HitEncoding(uint64(n)); encodeAs1Hit {
			return FSTValEncode1Hit(docNum1Hit, normBits1Hit), nil
		}
	}
	tfOffset, _, err := tfEncoder.writeAt(w)
	if err != nil {
		return 0, err
	}
	locOffset, _, err := locEncoder.writeAt(w)
	if err != nil {
		return 0, err
	}
	postingsOffset := uint64(w.Count())
	// As writeDocNumPostings (patch 4): the offsets, the bitmap's length,
	// and the bitmap in roaring's format without runs.
	const header = 4 + 4 + 2 + 2 + 4
	out := d.out[:0]
	out = binary.AppendUvarint(out, tfOffset)
	out = binary.AppendUvarint(out, locOffset)
	out = binary.AppendUvarint(out, uint64(header+2*n))
	out = binary.LittleEndian.AppendUint32(out, roaringCookieNoRuns)
	out = binary.LittleEndian.AppendUint32(out, 1)
	out = binary.LittleEndian.AppendUint16(out, 0)
	out = binary.LittleEndian.AppendUint16(out, uint16(n-1))
	out = binary.LittleEndian.AppendUint32(out, header)
	for _, v := range d.nums {
		out = binary.LittleEndian.AppendUint16(out, uint16(v))
	}
	d.out = out
	if _, err := w.Write(out); err != nil {
		return 0, err
	}
	return postingsOffset, nil
}

// termCounter counts a term's documents in the segments being merged,
// for a merge's walk (pipedEnumerator), into one postings list (and its
// bitmap) it keeps, as patch 1 did on the merge's goroutine. One field's
// walk uses it at a time.
type termCounter struct{ pl *PostingsList }

// forField is the keyCounter of a field's walk over dicts, whose
// documents in drops are not counted.
func (c *termCounter) forField(dicts []*Dictionary, drops []*roaring.Bitmap) keyCounter {
	return func(idxs []int, vals []uint64) (uint64, error) {
		var n uint64
		for i, idx := range idxs {
			var err error
			c.pl, err = dicts[idx].postingsListFromOffset(vals[i], drops[idx], c.pl)
			if err != nil {
				return 0, err
			}
			n += c.pl.Count()
		}
		return n, nil
	}
}
