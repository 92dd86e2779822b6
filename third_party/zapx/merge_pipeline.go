package zap

import (
	vellum "github.com/blevesearch/vellum"
)

// poise patch 7: a merge builds each field's new term dictionary (a vellum
// FST) on a second core. The merge walks a field's terms in order, writes
// each term's merged postings to the file and inserts the term and its
// postings' offset into the FST; the FST is built into a buffer of its own
// and written only once the field's terms are done, so nothing it does
// depends on the file, and inserting the same terms in the same order on
// another goroutine gives the same bytes. Building the FST was a quarter of
// a merge's time, on the one core a merge used while the other had nothing
// to do.

// termBatchSize is the terms handed over at a time: enough that the
// hand-over costs nothing next to inserting them.
const termBatchSize = 1024

// termBatch is terms and their values, the terms' bytes one after another.
type termBatch struct {
	bytes []byte
	ends  []int
	vals  []uint64
}

// termFeeder inserts terms into one FST at a time on a goroutine of its
// own; its batches are reused from field to field.
type termFeeder struct {
	free chan *termBatch
	work chan *termBatch
	done chan error
	cur  *termBatch
}

// newTermFeeder is a feeder whose batches stay with it.
func newTermFeeder() *termFeeder {
	f := &termFeeder{free: make(chan *termBatch, 3)}
	for range cap(f.free) {
		f.free <- &termBatch{}
	}
	return f
}

// start begins feeding b, which only the feeder's goroutine may touch
// until finish returns. A goroutine that fails to insert goes on taking
// batches, so the merge never waits on it; finish returns the error.
func (f *termFeeder) start(b *vellum.Builder) {
	f.work = make(chan *termBatch, cap(f.free))
	f.done = make(chan error, 1)
	f.cur = <-f.free
	go func(work <-chan *termBatch, done chan<- error) {
		var err error
		for batch := range work {
			if err == nil {
				from := 0
				for i, end := range batch.ends {
					if err = b.Insert(batch.bytes[from:end], batch.vals[i]); err != nil {
						break
					}
					from = end
				}
			}
			batch.bytes, batch.ends, batch.vals = batch.bytes[:0], batch.ends[:0], batch.vals[:0]
			f.free <- batch
		}
		done <- err
	}(f.work, f.done)
}

// insert hands term (copied) and val to the FST.
func (f *termFeeder) insert(term []byte, val uint64) error {
	b := f.cur
	b.bytes = append(b.bytes, term...)
	b.ends = append(b.ends, len(b.bytes))
	b.vals = append(b.vals, val)
	if len(b.ends) < termBatchSize {
		return nil
	}
	f.work <- b
	f.cur = <-f.free
	return nil
}

// finish inserts what is left and waits until the FST has every term; the
// builder is the caller's again. It returns the first error of inserting.
func (f *termFeeder) finish() error {
	if f.work == nil {
		return nil
	}
	if f.cur != nil && len(f.cur.ends) > 0 {
		f.work <- f.cur
	} else if f.cur != nil {
		f.free <- f.cur
	}
	f.cur = nil
	close(f.work)
	f.work = nil
	return <-f.done
}
