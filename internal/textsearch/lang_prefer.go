package textsearch

import (
	"context"
	"math"

	index "github.com/blevesearch/bleve_index_api"
)

// A library that holds one page in many languages (a documentation vault
// translated into thirty) answers a query such as "Obsidian CLI" with all
// thirty translations at nearly the same score: the same title, the same
// product names. Which comes first was chance (Swedish, for an English
// reader). So a query prefers one language: the query's own when its
// letters or words tell it, else the reader's, else English. Hits in that
// language are scored up by langBoost, small enough that a page in another
// language that answers the query clearly better still leads, and nothing
// is ever left out.

// undLang is the lang field's value for a body of unknown language (the
// BCP 47 code for "undetermined").
const undLang = "und"

// langBoost multiplies the score of a hit in the preferred language.
// Translations of one page scored within 1% of each other on the real
// vault; a page that matches more of the query scores far more than this.
const langBoost = 1.25

// Query-language detection by vocabulary: a language is the query's when
// its bodies explain the query's words langClear times better than any
// other language's bodies do (and the reader's).
const (
	langClear     = 20.0
	langStopShare = 0.5 // how common a stop word of a language is taken to be in it
	langSmoothing = 0.1 // documents added to a count of 0, so that absence is evidence, not a veto
)

// docLang is the value of a document's lang field.
func docLang(lang string) string {
	if lang == "" {
		return undLang
	}
	return lang
}

// langCount is the number of documents whose body is in lang.
func langCount(r index.IndexReader, lang string) uint64 {
	return termCount(r, fLang, lang)
}

// preferredLang is the language whose hits p prefers: queryLang when the
// caller told it from the query's letters, else the language of the
// query's words when the index's own vocabulary shows it plainly, else
// readerLang, else English.
func (e *Index) preferredLang(r index.IndexReader, p *plan, queryLang, readerLang string) string {
	if queryLang != "" {
		return queryLang
	}
	if readerLang == "" {
		readerLang = "en"
	}
	if l := e.vocabLanguage(r, p.words, readerLang); l != "" {
		return l
	}
	return readerLang
}

// vocabLanguage is the language whose bodies hold the query's words far more
// often than any other language's (and the reader's) do, "" when none
// stands out. Each body field analysed for one language is a candidate
// (English with the bodies of unknown language, which are analysed as
// English); bodies analysed neutrally (Chinese, Greek, Polish, …) share one
// field, so their languages are told from letters by the caller instead.
// A word in no body at all says nothing and is skipped.
func (e *Index) vocabLanguage(r index.IndexReader, words []queryWord, readerLang string) string {
	if len(e.langs) == 0 {
		return "" // bodies in English (or unknown) only
	}
	type candidate struct {
		lang  string
		field string
		term  func(string) string
		docs  float64
		score float64
	}
	cands := []candidate{{lang: "en", field: fBody, term: func(w string) string {
		if st := stemsOf(e.en, w); len(st) > 0 {
			return st[0]
		}
		return ""
	}, docs: float64(langCount(r, "en") + langCount(r, undLang))}}
	for _, lf := range e.langs {
		if lf.lang == neutralLang {
			continue
		}
		cands = append(cands, candidate{lang: lf.lang, field: lf.field, term: lf.term, docs: float64(langCount(r, lf.lang))})
	}
	used := 0
	shares := make([]float64, len(cands))
	for _, w := range words {
		found := false
		for i, c := range cands {
			if c.docs == 0 {
				continue
			}
			t := c.term(w.text)
			if t == "" {
				shares[i] = langStopShare
				continue
			}
			n := termCount(r, c.field, t)
			found = found || n > 0
			shares[i] = (float64(n) + langSmoothing) / (c.docs + 1)
		}
		if !found {
			continue
		}
		used++
		for i := range cands {
			cands[i].score += math.Log(shares[i])
		}
	}
	if used == 0 {
		return ""
	}
	best, runnerUp := -1, math.Inf(-1)
	reader := math.Inf(-1)
	for i, c := range cands {
		if c.docs == 0 {
			continue
		}
		if c.lang == readerLang {
			reader = c.score
		}
		switch {
		case best < 0:
			best = i
		case c.score > cands[best].score:
			runnerUp = cands[best].score
			best = i
		default:
			runnerUp = max(runnerUp, c.score)
		}
	}
	if best < 0 || cands[best].lang == readerLang {
		return ""
	}
	lead := cands[best].score - max(runnerUp, reader)
	if lead < math.Log(langClear) {
		return ""
	}
	return cands[best].lang
}

// langSet tells, document by document in the order a searcher visits
// them, whether a document's body is in one of a few languages. It reads
// their postings in step with the searcher, so it costs a little per hit
// and nothing per document of the index (a table of every document's
// language would be read by every one-off search).
type langSet struct {
	readers []index.TermFieldReader
	cur     []*index.TermFieldDoc
	done    []bool
}

// newLangSet opens the postings of langs; it returns nil when preferring
// them would change nothing: no document is in them, or every one is.
func newLangSet(ctx context.Context, r index.IndexReader, langs ...string) (*langSet, error) {
	docs, err := r.DocCount()
	if err != nil {
		return nil, err
	}
	s := &langSet{}
	var n uint64
	for _, l := range langs {
		tfr, err := r.TermFieldReader(ctx, []byte(l), fLang, false, false, false)
		if err != nil {
			s.Close()
			return nil, err
		}
		n += tfr.Count()
		s.readers = append(s.readers, tfr)
	}
	s.cur = make([]*index.TermFieldDoc, len(s.readers))
	s.done = make([]bool, len(s.readers))
	// DocCount includes the synonym entries, which have no lang: a set
	// holding every item still has fewer than DocCount documents, but
	// then scaling all by one factor changes no order, so it is harmless.
	if n == 0 || n >= docs {
		s.Close()
		return nil, nil
	}
	return s, nil
}

// has reports whether the document id is in the set. Calls must come in
// increasing id order, as a searcher returns its matches.
func (s *langSet) has(id index.IndexInternalID) bool {
	for i, tfr := range s.readers {
		if s.done[i] {
			continue
		}
		if c := s.cur[i]; c == nil || c.ID.Compare(id) < 0 {
			next, err := tfr.Advance(id, s.cur[i])
			if err != nil || next == nil {
				s.done[i] = true
				s.cur[i] = nil
				continue
			}
			s.cur[i] = next
		}
		if s.cur[i].ID.Equals(id) {
			return true
		}
	}
	return false
}

// Close releases the postings readers; a nil set is fine.
func (s *langSet) Close() {
	if s == nil {
		return
	}
	for _, tfr := range s.readers {
		tfr.Close()
	}
}
