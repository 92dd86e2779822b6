package textsearch

import (
	"context"
	"fmt"
	"runtime"

	bdoc "github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Change is an edit of an index made in place: documents deleted, added
// or replaced, the synonym sets replaced, values kept beside the documents
// set, and the content hash the index holds afterwards.
type Change struct {
	// Delete lists ids of documents to remove.
	Delete []string
	// Len documents are added, or replace those of the same id; Doc makes
	// the i-th, from several goroutines at once.
	Len int
	Doc func(i int) (id string, d Document)
	// Synonyms, when SetSynonyms, replace the index's synonym sets.
	Synonyms    [][]string
	SetSynonyms bool
	// Internal values to keep with the index (see Internal); a nil value
	// removes the key. They are written after the documents, for Hash:
	// after a crash in between, the index has no values (valueStore).
	Internal map[string][]byte
	// Hash is the hash of the content afterwards, recorded in the same
	// batch as the documents: an index on disk holds either the old
	// documents and hash or the new ones, whatever a crash interrupts.
	Hash string
}

// Empty reports whether the change touches no document or synonym.
func (ch *Change) Empty() bool {
	return len(ch.Delete) == 0 && ch.Len == 0 && !ch.SetSynonyms
}

// Apply makes ch in one Bleve batch and returns the engine to search with
// from now on. e keeps answering from the index as it was until then, so
// searches never wait for an update; both share one Bleve index, which
// only the engine last returned may Close.
func (e *Index) Apply(ctx context.Context, ch *Change) (*Index, error) {
	im, ok := e.bi.Mapping().(*mapping.IndexMappingImpl)
	if !ok {
		return nil, fmt.Errorf("update index: unexpected mapping %T", e.bi.Mapping())
	}
	syn := e.syn
	if ch.SetSynonyms {
		var err error
		if syn, err = synonymsFor(im, ch.Synonyms); err != nil {
			return nil, err
		}
	}
	b := e.bi.NewBatch()
	for _, id := range ch.Delete {
		b.Delete(id)
	}
	if ch.SetSynonyms {
		before, after := len(e.syn.definitions()), len(syn.definitions())
		if err := indexSynonyms(b, syn); err != nil {
			return nil, err
		}
		for i := after; i < before; i++ {
			b.Delete(synonymID(i))
		}
	}
	// Documents are made and analysed over the cores, then handed to
	// Bleve in one batch.
	db, err := newDocBuilder(im)
	if err != nil {
		return nil, err
	}
	bds := make(chan int)
	results := make([]*bleveDocResult, ch.Len)
	workers := max(1, min(runtime.GOMAXPROCS(0), ch.Len))
	done := make(chan struct{})
	for range workers {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := range bds {
				id, d := ch.Doc(i)
				bd := db.newBleveDoc(id, d, false)
				analyzeAll(bd)
				results[i] = &bleveDocResult{id: id, doc: bd}
			}
		}()
	}
	for i := range ch.Len {
		bds <- i
	}
	close(bds)
	for range workers {
		<-done
	}
	for _, r := range results {
		if err := b.IndexAdvanced(r.doc); err != nil {
			return nil, fmt.Errorf("index %s: %w", r.id, err)
		}
	}
	oldHash := e.Hash()
	newHash := oldHash
	if ch.Hash != "" {
		newHash = ch.Hash
		b.SetInternal(hashKey, []byte(ch.Hash))
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := e.bi.Batch(b); err != nil {
		return nil, fmt.Errorf("update index: %w", err)
	}
	ne, err := newEngine(e.bi, im, syn)
	if err != nil {
		return nil, err
	}
	ne.closing = e.closing
	ne.values = e.values
	if len(ch.Internal) > 0 || newHash != oldHash {
		// After the batch: values are written for the hash the index holds.
		if ne.values, err = e.values.changed(ch.Internal, oldHash, newHash); err != nil {
			return nil, err
		}
	}
	return ne, nil
}

type bleveDocResult struct {
	id  string
	doc *bdoc.Document
}

// Internal returns the value kept under key (see Change.Internal), nil
// when there is none.
func (e *Index) Internal(key string) ([]byte, error) {
	v, err := e.values.get(key, e.Hash())
	if err != nil {
		return nil, fmt.Errorf("read index value %s: %w", key, err)
	}
	return v, nil
}

// Hash is the content hash the index records.
func (e *Index) Hash() string {
	v, _ := e.bi.GetInternal(hashKey)
	return string(v)
}

// DocCount is the number of documents, synonym sets included.
func (e *Index) DocCount() (uint64, error) { return e.bi.DocCount() }
