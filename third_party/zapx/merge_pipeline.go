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

// poise patch 7, second half: the terms of the segments being merged are
// walked in order (enumerator: each segment's FST iterated, the lowest
// key found) on a goroutine of its own, a quarter of a merge's time, and
// handed to the merge in batches, key by key with the segments holding
// it, which is all the merge asks of the enumerator.

// keyRuns is a batch of keys in order, each with the segments (iterator
// indexes, lowest first, as enumerator gives them) that hold it and the
// value (postings offset) it has in each.
type keyRuns struct {
	keys    []byte
	keyEnds []int
	lowEnds []int // run i's segments are lowIdxs[lowEnds[i-1]:lowEnds[i]]
	lowIdxs []int
	lowVals []uint64
	cards   []uint64 // run i's documents in all its segments (patch 10)
	cardErr []error  // why run i's could not be counted
	err     error    // after the last run: why the walk ended
}

func (b *keyRuns) reset() {
	b.keys, b.keyEnds, b.lowEnds = b.keys[:0], b.keyEnds[:0], b.lowEnds[:0]
	b.lowIdxs, b.lowVals, b.err = b.lowIdxs[:0], b.lowVals[:0], nil
	b.cards, b.cardErr = b.cards[:0], b.cardErr[:0]
}

// keyCounter counts the documents of a key in the segments holding it,
// given their iterator indexes and values (postings offsets).
type keyCounter func(idxs []int, vals []uint64) (uint64, error)

// pipedEnumerator is an enumerator over itrs whose walk runs ahead on
// another goroutine: Current, GetLowIdxsAndValues and Next as the
// enumerator's, Close once done with it (also after an error, to end the
// goroutine).
type pipedEnumerator struct {
	work  chan *keyRuns
	free  chan *keyRuns // shared with the merge's other walks
	stop  chan struct{}
	done  chan error // the iterators' Close error, once the walk ended
	cur   *keyRuns
	run   int // the current key, in cur
	j     int // the current segment of the run
	close error
	ended bool
	count keyCounter // nil: none counted
}

// keyBatches is the batches a merge's walks take turns with: each
// field's walk hands them all back when closed.
func keyBatches() chan *keyRuns {
	free := make(chan *keyRuns, 3)
	for range cap(free) {
		free <- &keyRuns{}
	}
	return free
}

// newPipedEnumerator starts walking itrs with the batches in free (from
// keyBatches, every one of them there); like newEnumerator it returns
// vellum.ErrIteratorDone when there is nothing to walk.
//
// With count set, the walk also counts each key's documents, which
// Cardinality gives (poise patch 10: the merge did it itself, reading
// every postings list twice, on the goroutine a merge's time depends on).
func newPipedEnumerator(itrs []vellum.Iterator, free chan *keyRuns, count keyCounter) (*pipedEnumerator, error) {
	p := &pipedEnumerator{
		work:  make(chan *keyRuns, cap(free)),
		free:  free,
		stop:  make(chan struct{}),
		done:  make(chan error, 1),
		count: count,
	}
	go p.walk(itrs)
	p.cur = <-p.work
	if len(p.cur.keyEnds) == 0 {
		return p, p.cur.err
	}
	return p, nil
}

// walk runs the enumerator over itrs, sending its keys in batches until
// they end or stop is closed, then closes the iterators.
func (p *pipedEnumerator) walk(itrs []vellum.Iterator) {
	e, err := newEnumerator(itrs)
	b := <-p.free
	for {
		for err == nil && len(b.keyEnds) < termBatchSize {
			b.keys = append(b.keys, e.lowK...)
			b.keyEnds = append(b.keyEnds, len(b.keys))
			lo := len(b.lowIdxs)
			for _, idx := range e.lowIdxs {
				b.lowIdxs = append(b.lowIdxs, idx)
				b.lowVals = append(b.lowVals, e.currVs[idx])
			}
			b.lowEnds = append(b.lowEnds, len(b.lowIdxs))
			if p.count != nil {
				n, cerr := p.count(b.lowIdxs[lo:], b.lowVals[lo:])
				b.cards = append(b.cards, n)
				b.cardErr = append(b.cardErr, cerr)
			}
			e.lowCurr = len(e.lowIdxs) - 1 // Next moves past the whole key
			err = e.Next()
		}
		b.err = err // nil: more to come
		select {
		case p.work <- b:
		case <-p.stop:
			b.reset()
			p.free <- b
			p.done <- e.Close()
			return
		}
		if err != nil {
			break
		}
		select {
		case b = <-p.free:
		case <-p.stop:
			p.done <- e.Close()
			return
		}
	}
	p.done <- e.Close()
}

// Current is the current key, the segment it is read from and its value
// there.
func (p *pipedEnumerator) Current() ([]byte, int, uint64) {
	b := p.cur
	from := 0
	if p.run > 0 {
		from = b.keyEnds[p.run-1]
	}
	lo := p.lowStart()
	return b.keys[from:b.keyEnds[p.run]], b.lowIdxs[lo+p.j], b.lowVals[lo+p.j]
}

func (p *pipedEnumerator) lowStart() int {
	if p.run == 0 {
		return 0
	}
	return p.cur.lowEnds[p.run-1]
}

// GetLowIdxsAndValues is every segment holding the current key and its
// value in each; they are valid until Next.
func (p *pipedEnumerator) GetLowIdxsAndValues() ([]int, []uint64) {
	lo, hi := p.lowStart(), p.cur.lowEnds[p.run]
	return p.cur.lowIdxs[lo:hi], p.cur.lowVals[lo:hi]
}

// Cardinality is the current key's documents in every segment holding it,
// as counted by the enumerator's keyCounter (patch 10).
func (p *pipedEnumerator) Cardinality() (uint64, error) {
	return p.cur.cards[p.run], p.cur.cardErr[p.run]
}

// Next moves to the next segment holding the key, else the next key.
func (p *pipedEnumerator) Next() error {
	p.j++
	if p.lowStart()+p.j < p.cur.lowEnds[p.run] {
		return nil
	}
	p.j = 0
	p.run++
	if p.run < len(p.cur.keyEnds) {
		return nil
	}
	if err := p.cur.err; err != nil {
		p.run-- // stays on the last key, as an enumerator does
		return err
	}
	p.cur.reset()
	p.free <- p.cur
	p.cur, p.run = <-p.work, 0
	if len(p.cur.keyEnds) == 0 {
		return p.cur.err
	}
	return nil
}

// Close ends the walk, if it has not ended, closes the iterators and
// gives every batch back; it returns the first error of closing the
// iterators.
func (p *pipedEnumerator) Close() error {
	if p.ended {
		return p.close
	}
	p.ended = true
	close(p.stop)
	p.close = <-p.done
	for {
		select {
		case b := <-p.work:
			b.reset()
			p.free <- b
			continue
		default:
		}
		break
	}
	if p.cur != nil {
		p.cur.reset()
		p.free <- p.cur
		p.cur = nil
	}
	return p.close
}
