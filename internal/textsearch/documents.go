package textsearch

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Doc is one text of a Documents index, such as a journal entry.
type Doc struct {
	ID    string
	Title string
	// Body is plain text or markdown; markdown punctuation is ignored.
	Body string
	// Kind is a free label returned in Hit.Kind and filtered by
	// Query.Kinds (a journal might use "entry" and "draft").
	Kind     string
	Tags     []string
	Emotions []string
}

// Documents is an in-memory index of Docs that keeps their texts, so it
// answers a Query on its own: stemming, typos, prefixes, synonyms,
// filters, facets, snippets. Nothing is written to disk. It is safe for
// concurrent use.
type Documents struct {
	mu    sync.RWMutex
	eng   *Index
	im    *mapping.IndexMappingImpl
	sets  [][]string
	docs  map[string]Doc
	order []string // ids in the order first put, for the blank query
	// writes counts changes since the last rebuild: each change is a
	// segment, and in-memory segments are never merged.
	writes int
}

// rebuildAfter is the number of changes after which Documents rebuilds
// itself, to keep queries from walking many small segments.
const rebuildAfter = 64

// NewDocuments indexes docs, expanding queries with the given synonym sets
// (each a group of words or phrases that mean the same). Cancelling ctx
// abandons the build.
func NewDocuments(ctx context.Context, docs []Doc, syns [][]string) (*Documents, error) {
	d := &Documents{sets: syns, docs: map[string]Doc{}}
	for _, doc := range docs {
		if _, ok := d.docs[doc.ID]; !ok {
			d.order = append(d.order, doc.ID)
		}
		d.docs[doc.ID] = doc
	}
	if err := d.rebuild(ctx); err != nil {
		return nil, err
	}
	return d, nil
}

// rebuild replaces the index with a fresh one of all documents.
func (d *Documents) rebuild(ctx context.Context) error {
	im, err := newMapping()
	if err != nil {
		return err
	}
	bi, err := bleve.NewUsing("", im, scorch.Name, scorch.Name, nil)
	if err != nil {
		return fmt.Errorf("create document index: %w", err)
	}
	c := &Corpus{
		Len:      len(d.order),
		Doc:      func(i int) (string, Document) { return d.order[i], docDocument(d.docs[d.order[i]]) },
		Synonyms: d.sets,
		lean:     true,
	}
	// One batch per core: each is analysed and becomes a segment in
	// parallel, which halves a journal's build on two cores.
	size := max(1, (c.Len+runtime.GOMAXPROCS(0)-1)/runtime.GOMAXPROCS(0))
	syn, err := fillIndex(ctx, bi, im, c, nil, min(size, batchSize))
	if err != nil {
		bi.Close()
		return err
	}
	eng, err := newEngine(bi, im, syn)
	if err != nil {
		bi.Close()
		return err
	}
	if d.eng != nil {
		d.eng.bi.Close()
	}
	d.eng, d.im, d.writes = eng, im, 0
	return nil
}

// Put adds documents or replaces those with the same ids.
func (d *Documents) Put(docs ...Doc) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.eng == nil {
		return ErrClosed
	}
	db, err := newDocBuilder(d.im)
	if err != nil {
		return err
	}
	b := d.eng.bi.NewBatch()
	for _, doc := range docs {
		if _, ok := d.docs[doc.ID]; !ok {
			d.order = append(d.order, doc.ID)
		}
		d.docs[doc.ID] = doc
		if err := b.IndexAdvanced(db.newBleveDoc(doc.ID, docDocument(doc), true)); err != nil {
			return fmt.Errorf("index document %s: %w", doc.ID, err)
		}
	}
	return d.apply(b)
}

// Delete removes documents; unknown ids are ignored.
func (d *Documents) Delete(ids ...string) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.eng == nil {
		return ErrClosed
	}
	b := d.eng.bi.NewBatch()
	for _, id := range ids {
		if _, ok := d.docs[id]; !ok {
			continue
		}
		delete(d.docs, id)
		b.Delete(id)
	}
	kept := d.order[:0]
	for _, id := range d.order {
		if _, ok := d.docs[id]; ok {
			kept = append(kept, id)
		}
	}
	d.order = kept
	return d.apply(b)
}

func (d *Documents) apply(b *bleve.Batch) error {
	if b.Size() == 0 {
		return nil
	}
	d.writes++
	if d.writes >= rebuildAfter {
		return d.rebuild(context.Background())
	}
	if err := d.eng.bi.Batch(b); err != nil {
		return fmt.Errorf("update document index: %w", err)
	}
	return nil
}

// Search answers q over the documents. Query.Sources is ignored.
func (d *Documents) Search(ctx context.Context, q Query) (*Results, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d.mu.RLock()
	defer d.mu.RUnlock()
	if d.eng == nil {
		return nil, ErrClosed
	}
	q.Sources = nil
	return d.eng.Search(ctx, q, docTexts{d})
}

// Close releases the index.
func (d *Documents) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.eng == nil {
		return nil
	}
	err := d.eng.bi.Close()
	d.eng = nil
	return err
}

// docTexts looks hits up among the documents; the caller holds d.mu.
type docTexts struct{ d *Documents }

func (s docTexts) Hit(id string) (Hit, []func() string, bool) {
	doc, ok := s.d.docs[id]
	if !ok {
		return Hit{}, nil, false
	}
	return Hit{ID: doc.ID, Kind: doc.Kind, Title: doc.Title}, []func() string{func() string { return PlainText(doc.Body) }}, true
}

func (s docTexts) Defaults(q Query, limit int) []Hit {
	var hits []Hit
	seen := map[string]bool{}
	add := func(id string) {
		doc, ok := s.d.docs[id]
		if !ok || seen[id] || len(hits) >= limit {
			return
		}
		if len(q.Kinds) > 0 && !slices.Contains(q.Kinds, doc.Kind) ||
			!AnyFold(q.Emotions, doc.Emotions) || !AnyFold(q.Tags, doc.Tags) {
			return
		}
		seen[id] = true
		snip, _ := (&marker{}).snippet(func() string { return PlainText(doc.Body) })
		hits = append(hits, Hit{ID: doc.ID, Kind: doc.Kind, Title: doc.Title, Snippet: snip})
	}
	for _, id := range q.Default {
		add(id)
	}
	for _, id := range s.d.order {
		add(id)
	}
	return hits
}

// docDocument is a Doc as the index sees it: title ranks above tags, tags
// above the body. Documents are lean (see Document.mapped), so tags and
// emotions are in the body too, where the word being typed is matched as
// a prefix.
func docDocument(doc Doc) Document {
	meta := JoinText(JoinText(doc.Tags...), JoinText(doc.Emotions...))
	return Document{
		Title:    doc.Title,
		Meta:     meta,
		Body:     JoinText(PlainText(doc.Body), meta),
		Kind:     doc.Kind,
		Emotions: doc.Emotions,
		Tags:     doc.Tags,
	}
}
