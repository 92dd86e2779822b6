package gaps

import "strings"

// Gap is a search that ended without helping: what to Record.
type Gap struct {
	Query   string
	Outcome Outcome
}

// Session follows the query in a search-as-you-type field and decides,
// when the query ends, whether it was a gap. The rule, precisely:
//
//   - A query is what the field holds while each edit only extends or
//     shortens it (the old text is a prefix of the new, or the new of the
//     old, ignoring case and spacing) or changes at most two characters:
//     typing, fixing a typo, adding a word. Its text is the last one shown.
//   - It ends when the field is emptied (Esc, a new call), when a text
//     that is not such an edit replaces it (Ctrl+K selects all and the
//     agent types something else), or when the app closes.
//   - It was used when, while it stood, the agent copied something or
//     opened an item (Ctrl+Enter, or a link in the preview). Moving
//     through the results does not count: the preview of the first
//     result shows by itself.
//   - An unused query that ends is a gap: NoResults when its last
//     results were empty (counted without the kind and feeling filters,
//     so a filter never makes a gap), NotUsed otherwise.
//
// A Session only decides; the caller records (and first checks the
// setting that turns the log off). It holds the raw query in memory only.
type Session struct {
	text  string
	total int
	used  bool
}

// Shown notes that the results for text, total of them, are on screen. It
// returns the gap the previous query left, when text replaces it.
func (s *Session) Shown(text string, total int) (Gap, bool) {
	cur := fold(text)
	if cur != "" && s.text != "" && continues(fold(s.text), cur) {
		s.text, s.total = text, total
		return Gap{}, false
	}
	g, ok := s.End()
	if cur != "" {
		s.text, s.total = text, total
	}
	return g, ok
}

// Used notes that the agent copied or opened something for this query.
func (s *Session) Used() {
	if s.text != "" {
		s.used = true
	}
}

// End ends the query (the field emptied, the app closing) and returns the
// gap it was, if it was one.
func (s *Session) End() (Gap, bool) {
	text, total, used := s.text, s.total, s.used
	*s = Session{}
	if text == "" || used {
		return Gap{}, false
	}
	if total == 0 {
		return Gap{Query: text, Outcome: NoResults}, true
	}
	return Gap{Query: text, Outcome: NotUsed}, true
}

// fold is text as Session compares it: lower case, spaces collapsed.
func fold(text string) string {
	return strings.ToLower(strings.Join(strings.Fields(text), " "))
}

// continues reports whether cur is an edit of prev rather than a new query.
func continues(prev, cur string) bool {
	return strings.HasPrefix(cur, prev) || strings.HasPrefix(prev, cur) || withinTwoEdits([]rune(prev), []rune(cur))
}

// withinTwoEdits reports whether a becomes b with at most two insertions,
// deletions or substitutions (a typo fixed in the middle of a word).
func withinTwoEdits(a, b []rune) bool {
	const most = 2
	if len(a) > 4*MaxQueryRunes || len(b) > 4*MaxQueryRunes || max(len(a)-len(b), len(b)-len(a)) > most {
		return false
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)] <= most
}
