// Package gaps keeps a local log of what agents search for and do not
// find, so the people who own the content can see what is missing: searches
// that found nothing, and searches whose results were neither opened nor
// copied (see Session). Every query is masked (e-mail addresses, phone,
// card and account numbers) before it is kept, the log is bounded, and
// nothing here sends anything anywhere: a team lead gets only the
// anonymised file an agent chooses to export (Export), and merges several
// (Merge) to see what a whole team is missing.
package gaps

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/poisehq/poise/internal/privacy"
)

// Outcome is how a search ended without helping.
type Outcome string

// The outcomes the log counts.
const (
	// NoResults: the search found nothing at all.
	NoResults Outcome = "no_results"
	// NotUsed: it found something, and the agent opened and copied none of
	// it before the query was cleared or replaced.
	NotUsed Outcome = "not_used"
)

// Limits that keep the log and every file read small, whatever is typed or
// imported.
const (
	// MaxSearches is how many different queries a log or an export holds;
	// the least recent fall off first.
	MaxSearches = 500
	// MaxQueryRunes is the longest query kept; longer ones are cut.
	MaxQueryRunes = 120
	// MaxFileSize is the largest log or export file read.
	MaxFileSize = 1 << 20
	// maxCount caps a counter, so a hostile file cannot overflow a sum.
	maxCount = 1_000_000
	// minQueryRunes: shorter queries are typing, not a question.
	minQueryRunes = 3
)

// Normalize is the form a query is kept in: personal data masked first (so
// a card number typed by mistake never reaches the disk), then control
// characters dropped, spaces collapsed, lower case, cut to MaxQueryRunes.
// It returns "" for a query not worth keeping: shorter than three
// characters, or nothing but masked data.
func Normalize(q string) string {
	q = strings.ToValidUTF8(q, " ")
	fs := privacy.Find(q)
	for i := range fs {
		fs[i].Mask = "[" + string(fs[i].Kind) + "]"
	}
	q = privacy.Mask(q, fs)
	q = strings.Map(func(r rune) rune {
		if unsafeRune(r) {
			return ' '
		}
		return r
	}, q)
	q = strings.ToLower(strings.Join(strings.Fields(q), " "))
	if utf8.RuneCountInString(q) > MaxQueryRunes {
		q = strings.TrimSpace(string([]rune(q)[:MaxQueryRunes]))
	}
	rest := q
	for _, tok := range []string{"[email]", "[phone]", "[card]", "[account]"} {
		rest = strings.ReplaceAll(rest, tok, "")
	}
	if utf8.RuneCountInString(strings.TrimSpace(rest)) < minQueryRunes {
		return ""
	}
	return q
}

// unsafeRune reports characters that could forge terminal output or
// reorder text: control characters and the bidirectional marks.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || r == utf8.RuneError || r == '\u200e' || r == '\u200f' || r == '\u061c' ||
		(r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

// Search is one query of the log, with how often it ended without helping.
type Search struct {
	Query     string `json:"query"`
	NoResults int    `json:"no_results"`
	NotUsed   int    `json:"not_used"`
	// First and Last are the days (YYYY-MM-DD) it was first and last seen.
	First string `json:"first"`
	Last  string `json:"last"`
}

// Count is how often the search ended without helping, either way.
func (s Search) Count() int { return s.NoResults + s.NotUsed }
