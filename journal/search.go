package journal

import (
	"strings"
	"unicode"
)

// searchIndex is the journal's in-memory search. It never touches the disk:
// an index file would be plain text of private entries.
type searchIndex struct {
	docs map[string][]string // id → lower-cased words
}

func newSearchIndex() *searchIndex { return &searchIndex{docs: map[string][]string{}} }

func (s *searchIndex) close() { s.docs = nil }

func (s *searchIndex) put(e Entry) { s.docs[e.ID] = words(entryText(e)) }

func (s *searchIndex) remove(id string) { delete(s.docs, id) }

// entryText is everything a search looks through.
func entryText(e Entry) string {
	parts := []string{string(e.Channel), e.WhatHappened, e.WhatITried, e.WhatWorked, e.WhatDidnt, e.Takeaway, string(e.Outcome)}
	parts = append(parts, e.Emotions...)
	parts = append(parts, e.Tags...)
	for _, t := range e.Triggers {
		parts = append(parts, t.Label())
	}
	return strings.Join(parts, " ")
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// search returns ids whose words start with every query word.
func (s *searchIndex) search(q string) map[string]bool {
	qs := words(q)
	out := map[string]bool{}
	for id, ws := range s.docs {
		all := true
		for _, q := range qs {
			found := false
			for _, w := range ws {
				if strings.HasPrefix(w, q) {
					found = true
					break
				}
			}
			if !found {
				all = false
				break
			}
		}
		if all {
			out[id] = true
		}
	}
	return out
}

func (j *Journal) indexLocked(e Entry) {
	if j.index != nil {
		j.index.put(e)
	}
}

func (j *Journal) unindexLocked(id string) {
	if j.index != nil {
		j.index.remove(id)
	}
}

// Search returns the entries matching query, best first; a blank query
// returns every entry, newest first. The index is built in memory on the
// first search after unlocking and dropped by Lock.
func (j *Journal) Search(query string) ([]Entry, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, err := j.unlocked(); err != nil {
		return nil, err
	}
	all := sortedEntries(j.entries)
	if strings.TrimSpace(query) == "" {
		return all, nil
	}
	if j.index == nil {
		j.index = newSearchIndex()
		for _, s := range j.entries {
			j.index.put(s.e)
		}
	}
	hit := j.index.search(query)
	out := all[:0]
	for _, e := range all {
		if hit[e.ID] {
			out = append(out, e)
		}
	}
	return out, nil
}
