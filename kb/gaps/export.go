package gaps

import (
	"cmp"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"time"
)

// exportFormat names an export's JSON.
const exportFormat = "poise-gaps-export"

// MaxMergeFiles bounds how many exports one merge reads.
const MaxMergeFiles = 1000

// Export is the anonymised file an agent gives a team lead: the queries
// (masked again, in case the log was edited by hand) and their counts,
// with no name, no machine and no date finer than the ISO weeks the log
// spans.
type Export struct {
	Format   string         `json:"format"`
	Version  int            `json:"version"`
	From     string         `json:"from"` // ISO week, such as 2026-W44
	To       string         `json:"to"`
	Searches []ExportSearch `json:"searches"`
}

// ExportSearch is one query of an export.
type ExportSearch struct {
	Query     string `json:"query"`
	NoResults int    `json:"no_results"`
	NotUsed   int    `json:"not_used"`
}

// Count is how often the search ended without helping, either way.
func (s ExportSearch) Count() int { return s.NoResults + s.NotUsed }

// NewExport makes the export of a log's searches. Queries that mask to
// the same text are counted together; the first and last days become
// their ISO weeks.
func NewExport(searches []Search) Export {
	e := Export{Format: exportFormat, Version: 1, Searches: []ExportSearch{}}
	at := map[string]int{}
	for _, s := range Top(searches, 0) {
		q := Normalize(s.Query)
		if q == "" {
			continue
		}
		if e.From == "" || s.First < e.From {
			e.From = s.First
		}
		if s.Last > e.To {
			e.To = s.Last
		}
		i, ok := at[q]
		if !ok {
			i = len(e.Searches)
			at[q] = i
			e.Searches = append(e.Searches, ExportSearch{Query: q})
		}
		e.Searches[i].NoResults = min(e.Searches[i].NoResults+s.NoResults, maxCount)
		e.Searches[i].NotUsed = min(e.Searches[i].NotUsed+s.NotUsed, maxCount)
	}
	e.From, e.To = isoWeek(e.From), isoWeek(e.To)
	if len(e.Searches) > MaxSearches {
		e.Searches = e.Searches[:MaxSearches]
	}
	return e
}

// isoWeek turns a YYYY-MM-DD day into its ISO week, "" for "".
func isoWeek(day string) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return ""
	}
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

var weekRE = regexp.MustCompile(`^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$`)

// JSON is the export as written to its file.
func (e Export) JSON() []byte {
	if e.Searches == nil {
		e.Searches = []ExportSearch{}
	}
	out, _ := json.MarshalIndent(e, "", "  ") // plain strings and ints: cannot fail
	return append(out, '\n')
}

// ParseExport reads an export strictly, as a file from anyone: at most
// MaxFileSize bytes and MaxSearches queries, no unknown or repeated keys,
// no control characters, counts in range. name is used in errors, which
// wrap ErrBadFile and give the line.
func ParseExport(name string, data []byte) (Export, error) {
	var e Export
	seen := map[string]bool{}
	d := &document{name: name, data: data}
	d.header = func(key string) error {
		switch key {
		case "format":
			if err := d.dec.Decode(&e.Format); err != nil {
				return err
			}
			if e.Format != exportFormat {
				return fmt.Errorf("format is %q, not %q: make the file with poise gaps export", e.Format, exportFormat)
			}
		case "version":
			if err := d.dec.Decode(&e.Version); err != nil {
				return err
			}
			if e.Version != 1 {
				return fmt.Errorf("version %d is not one this Poise reads (1)", e.Version)
			}
		case "from", "to":
			var w string
			if err := d.dec.Decode(&w); err != nil {
				return err
			}
			if w != "" && !weekRE.MatchString(w) {
				return fmt.Errorf("%s %q is not an ISO week such as 2026-W48", key, w)
			}
			if key == "from" {
				e.From = w
			} else {
				e.To = w
			}
		default:
			return fmt.Errorf("unknown key %q; an export has format, version, from, to and searches", key)
		}
		return nil
	}
	d.entry = func(int) error {
		var s ExportSearch
		if err := d.dec.Decode(&s); err != nil {
			return err
		}
		if err := cmp.Or(checkQuery(s.Query), checkCounts(s.NoResults, s.NotUsed)); err != nil {
			return err
		}
		if seen[s.Query] {
			return fmt.Errorf("query %q is listed twice", s.Query)
		}
		seen[s.Query] = true
		e.Searches = append(e.Searches, s)
		return nil
	}
	if err := d.parse(); err != nil {
		return Export{}, err
	}
	if e.Format == "" || e.Version == 0 {
		return Export{}, fileError(name, 1, "no \"format\" or \"version\": make the file with poise gaps export")
	}
	return e, nil
}

// TeamGap is one query across a team's exports.
type TeamGap struct {
	Query string `json:"query"`
	// People is how many exports had it: how many agents missed it.
	People    int `json:"people"`
	NoResults int `json:"no_results"`
	NotUsed   int `json:"not_used"`
}

// Count is how often the search ended without helping, across the team.
func (g TeamGap) Count() int { return g.NoResults + g.NotUsed }

// Merged is what a team is missing, from several exports.
type Merged struct {
	Files int    `json:"files"`
	From  string `json:"from,omitempty"`
	To    string `json:"to,omitempty"`
	// Duplicates are files left out because an earlier one had the very
	// same content (one person's export given twice).
	Duplicates []string  `json:"duplicates"`
	Gaps       []TeamGap `json:"gaps"`
}

// Merge ranks the queries of several exports (names[i] is the file of
// data[i], for errors): by how many people missed them, then how often.
// Queries are masked again, as an export may come from anywhere. The same
// file given twice counts once. One bad file fails the merge, naming it.
func Merge(names []string, data [][]byte) (Merged, error) {
	m := Merged{Duplicates: []string{}, Gaps: []TeamGap{}}
	if len(data) > MaxMergeFiles {
		return m, fmt.Errorf("merge %d files: at most %d at a time: %w", len(data), MaxMergeFiles, ErrBadFile)
	}
	at := map[string]int{}
	hashes := map[[32]byte]bool{}
	for i, raw := range data {
		e, err := ParseExport(names[i], raw)
		if err != nil {
			return Merged{}, err
		}
		h := sha256.Sum256(raw)
		if hashes[h] {
			m.Duplicates = append(m.Duplicates, names[i])
			continue
		}
		hashes[h] = true
		m.Files++
		if e.From != "" && (m.From == "" || e.From < m.From) {
			m.From = e.From
		}
		m.To = max(m.To, e.To)
		mine := map[string]bool{}
		for _, s := range e.Searches {
			q := Normalize(s.Query)
			if q == "" {
				continue
			}
			k, ok := at[q]
			if !ok {
				k = len(m.Gaps)
				at[q] = k
				m.Gaps = append(m.Gaps, TeamGap{Query: q})
			}
			g := &m.Gaps[k]
			if !mine[q] {
				mine[q] = true
				g.People++
			}
			g.NoResults = min(g.NoResults+s.NoResults, maxCount*MaxMergeFiles)
			g.NotUsed = min(g.NotUsed+s.NotUsed, maxCount*MaxMergeFiles)
		}
	}
	slices.SortStableFunc(m.Gaps, func(a, b TeamGap) int {
		return cmp.Or(cmp.Compare(b.People, a.People), cmp.Compare(b.Count(), a.Count()), cmp.Compare(a.Query, b.Query))
	})
	return m, nil
}
