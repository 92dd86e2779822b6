package journal

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"unicode"

	search "github.com/poisehq/poise/internal/textsearch"
)

// The journal searches with the same text engine as the knowledge base
// (internal/textsearch Documents), so queries behave the same everywhere:
// stems, typos, the word being typed as a prefix, the packs' synonyms. Its
// index lives in memory only: an index file would be plain text of private
// entries.

// searchIndex is built on the first search after unlocking. Saves do not
// touch it: they queue changes that the next search applies, so a save
// never waits for the index.
//
// Locking (or new synonyms) retires an index with close, which never
// waits: it cancels a build under way, and whichever of close and the
// build comes last closes the built documents. So a lock during a build
// neither races with it nor leaves private text in memory.
type searchIndex struct {
	ready  chan struct{} // closed once the build is over, built or not
	cancel context.CancelFunc
	apply  sync.Mutex // serialises applying queued changes
	// pending is guarded by Journal.mu; a nil value means delete.
	pending map[string]*Entry

	mu      sync.Mutex // guards what follows
	docs    *search.Documents
	err     error
	retired bool
}

// close retires the index: see searchIndex.
func (s *searchIndex) close() {
	if s.cancel != nil {
		s.cancel()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.retired = true
	if s.docs != nil {
		s.docs.Close()
		s.docs = nil
	}
}

// built records the outcome of the build, closing the documents at once
// when the index was retired meanwhile.
func (s *searchIndex) built(docs *search.Documents, err error) {
	s.mu.Lock()
	if s.retired {
		if docs != nil {
			docs.Close()
		}
		docs, err = nil, errStaleIndex
	}
	s.docs, s.err = docs, err
	s.mu.Unlock()
	close(s.ready)
}

// current returns the built documents, or errStaleIndex once retired.
func (s *searchIndex) current() (*search.Documents, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.retired {
		return nil, errStaleIndex
	}
	return s.docs, s.err
}

// entryDoc is an entry as the search engine sees it.
func entryDoc(e Entry) search.Doc {
	parts := []string{e.WhatHappened, e.WhatITried, e.WhatWorked, e.WhatDidnt, e.Takeaway, string(e.Channel), e.Outcome.Label()}
	tags := append([]string(nil), e.Tags...)
	for _, t := range e.Triggers {
		tags = append(tags, t.Label())
	}
	return search.Doc{ID: e.ID, Kind: "entry", Title: e.Title(), Body: strings.Join(parts, "\n\n"), Tags: tags, Emotions: e.Emotions}
}

func (j *Journal) indexLocked(e Entry) {
	if j.index != nil {
		j.index.pending[e.ID] = &e
	}
}

func (j *Journal) unindexLocked(id string) {
	if j.index != nil {
		j.index.pending[id] = nil
	}
}

// UseSynonyms sets the synonym sets searches expand queries with, usually
// the library's (kb.Library.Synonyms), so "money back" finds an entry
// about a refund. The same sets again keep the index.
func (j *Journal) UseSynonyms(sets [][]string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if slices.EqualFunc(j.synonyms, sets, slices.Equal) {
		return
	}
	j.synonyms = sets
	if j.index != nil {
		j.index.close()
		j.index = nil
	}
}

// searcher returns the built index with every queued change applied,
// building it first if needed. The build runs without holding j.mu, so
// saves go on meanwhile.
func (j *Journal) searcher() (*search.Documents, error) {
	for {
		docs, err := j.trySearcher()
		if !errors.Is(err, errStaleIndex) && !errors.Is(err, search.ErrClosed) {
			return docs, err
		}
	}
}

// errStaleIndex means the index was retired (new synonyms, a lock) while
// being built or updated: try again with the current one.
var errStaleIndex = errors.New("search index replaced")

func (j *Journal) trySearcher() (*search.Documents, error) {
	j.mu.Lock()
	if j.keys == nil {
		j.mu.Unlock()
		return nil, ErrLocked
	}
	ix := j.index
	if ix == nil {
		ctx, cancel := context.WithCancel(context.Background())
		ix = &searchIndex{ready: make(chan struct{}), cancel: cancel, pending: map[string]*Entry{}}
		j.index = ix
		docs := make([]search.Doc, 0, len(j.entries))
		for _, s := range j.entries {
			docs = append(docs, entryDoc(s.e))
		}
		syns := j.synonyms
		j.mu.Unlock()
		ix.built(search.NewDocuments(ctx, docs, syns))
	} else {
		j.mu.Unlock()
	}
	<-ix.ready
	if _, err := ix.current(); err != nil {
		return nil, err
	}
	ix.apply.Lock()
	defer ix.apply.Unlock()
	j.mu.Lock()
	if j.index != ix {
		j.mu.Unlock()
		return nil, errStaleIndex
	}
	pending := ix.pending
	ix.pending = map[string]*Entry{}
	j.mu.Unlock()
	docs, err := ix.current()
	if err != nil {
		return nil, err
	}
	var put []search.Doc
	var del []string
	for id, e := range pending {
		if e == nil {
			del = append(del, id)
		} else {
			put = append(put, entryDoc(*e))
		}
	}
	// Put and Delete fail with ErrClosed when a lock retires the index
	// meanwhile; searcher then finds the journal locked.
	if len(put) > 0 {
		if err := docs.Put(put...); err != nil {
			return nil, err
		}
	}
	if len(del) > 0 {
		if err := docs.Delete(del...); err != nil {
			return nil, err
		}
	}
	return docs, nil
}

// WarmSearch builds the search index now, so the first search is instant.
// The app calls it in the background after unlocking.
func (j *Journal) WarmSearch() error {
	_, err := j.searcher()
	return err
}

// Hit is one entry matching a search, with a snippet of the matching text.
type Hit struct {
	Entry   Entry
	Snippet string
	// Highlights are the byte ranges of Snippet that matched.
	Highlights []Span
}

// Span is a byte range of a text: text[Start:End].
type Span struct{ Start, End int }

// SearchHits returns up to limit entries matching query, best first, with
// snippets; a blank query returns the newest entries.
func (j *Journal) SearchHits(ctx context.Context, query string, limit int) ([]Hit, error) {
	if strings.TrimSpace(query) == "" {
		es, err := j.Entries()
		if len(es) > limit {
			es = es[:limit]
		}
		hits := make([]Hit, len(es))
		for i, e := range es {
			hits[i] = Hit{Entry: e, Snippet: e.Title()}
		}
		return hits, err
	}
	if hits, ok := j.quickSearchWhileBuilding(query, limit); ok {
		return hits, nil
	}
	docs, err := j.searcher()
	if err != nil {
		return nil, err
	}
	res, err := docs.Search(ctx, search.Query{Text: query, Limit: min(max(limit, 1), search.MaxLimit)})
	if errors.Is(err, search.ErrClosed) {
		// Replaced (or locked) mid-query: ask the current index.
		return j.SearchHits(ctx, query, limit)
	}
	if err != nil {
		return nil, err
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.keys == nil {
		return nil, ErrLocked
	}
	var hits []Hit
	for _, h := range res.Hits {
		s, ok := j.entries[h.ID]
		if !ok {
			continue // deleted since the search began
		}
		hit := Hit{Entry: s.e.clone(), Snippet: h.Snippet}
		for _, sp := range h.Highlights {
			hit.Highlights = append(hit.Highlights, Span{sp.Start, sp.End})
		}
		hits = append(hits, hit)
	}
	return hits, nil
}

// Search returns the entries matching query, best first; a blank query
// returns every entry, newest first.
func (j *Journal) Search(query string) ([]Entry, error) {
	if strings.TrimSpace(query) == "" {
		return j.Entries()
	}
	hits, err := j.SearchHits(context.Background(), query, search.MaxLimit)
	if err != nil {
		return nil, err
	}
	out := make([]Entry, len(hits))
	for i, h := range hits {
		out[i] = h.Entry
	}
	return out, nil
}

// quickSearchWhileBuilding answers from a plain word-prefix match while
// the index is still being built (seconds for thousands of entries), so
// the list answers at once after unlocking; ok is false once the index is
// ready, or when no build is under way.
func (j *Journal) quickSearchWhileBuilding(query string, limit int) ([]Hit, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.keys == nil || j.index == nil {
		return nil, false
	}
	select {
	case <-j.index.ready:
		return nil, false
	default:
	}
	qs := strings.Fields(strings.ToLower(query))
	var hits []Hit
	for _, e := range sortedEntries(j.entries) {
		d := entryDoc(e)
		words := strings.FieldsFunc(strings.ToLower(d.Body+" "+strings.Join(d.Tags, " ")), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		})
		if allPrefixed(qs, words) {
			hits = append(hits, Hit{Entry: e, Snippet: e.Title()})
			if len(hits) == limit {
				break
			}
		}
	}
	return hits, true
}

func allPrefixed(qs, words []string) bool {
	for _, q := range qs {
		q = strings.TrimFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		found := q == ""
		for _, w := range words {
			if strings.HasPrefix(w, q) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
