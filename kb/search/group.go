package search

import (
	"context"
	"slices"
	"strings"
	"unicode"

	"github.com/poisehq/poise/internal/textsearch"
	"github.com/poisehq/poise/kb"
)

// groupFetch is how many times the asked-for hits are fetched first, so
// that a full page is usually left once hits for one situation fold into
// one; when it is not, more are fetched.
const groupFetch = 3

// maxMore caps the hits kept under one result, so a pack with hundreds of
// statements under one heading cannot grow a result without bound.
const maxMore = 20

// groups reports whether q's hits are grouped. The blank list (favourites,
// recent items) shows each item as chosen, so it is not.
func groups(q Query) bool {
	return !q.NoGroup && strings.TrimSpace(q.Text) != ""
}

// searchGrouped answers q with its hits grouped by situation, fetching
// more ungrouped hits until the page is full or there are no more. Hits
// that would fall off the page are dropped before their snippets are made,
// which is most of what fetching more costs.
func (ix *Index) searchGrouped(ctx context.Context, q Query) (*Results, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	flat := q
	flat.NoGroup = true
	flat.Limit = min(limit*groupFetch, MaxLimit)
	var res *Results
	for {
		g := grouper{limit: limit}
		flat.keep = func(h textsearch.Hit) bool { return g.place(kb.Kind(h.Kind), h.Title, h.ID, h.Score) >= 0 }
		more, err := ix.Search(ctx, flat)
		if err != nil {
			return nil, err
		}
		if res == nil {
			res = more
		}
		// Facets and the total do not depend on how many hits are
		// fetched: the first answer's are kept, and later ones fetch
		// only hits.
		res.Hits = groupHits(more.Hits, limit)
		if res.Total == 0 {
			if res.Suggestions, err = ix.suggest(ctx, q); err != nil {
				return nil, err
			}
			return res, nil
		}
		if len(res.Hits) >= limit || flat.Limit >= res.Total || flat.Limit == MaxLimit {
			return res, nil
		}
		flat.Limit = min(flat.Limit*4, MaxLimit)
		flat.NoFacets = true
	}
}

// situationKey is what hits answering the same situation share: the
// statements under one heading ("Waited too long"), which say the same
// thing in different words, in whichever bank (angry, frustrated,
// impatient) they sit; and the sections of one guide, or the rows of one
// phrases file, which share its words ("customer", "authority", "policy")
// so that one file could fill the first screen, leaving no room for the
// concern that answers the query: its best hit leads and the rest wait
// under it. A matrix concern, a template and a checklist are one answer
// each.
func situationKey(kind kb.Kind, title, id string) string {
	switch kind {
	case kb.KindStatement:
		return "\x00" + strings.Join(strings.FieldsFunc(strings.ToLower(title), notLetterOrDigit), " ")
	case kb.KindGuide, kb.KindPhrase:
		file, _, _ := strings.Cut(id, "#")
		return "\x01" + file
	}
	return id
}

func notLetterOrDigit(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// sameSituation reports whether two situation keys name one situation:
// equal, or one a longer wording of the other ("waited too long already").
// A one-word heading ("waited") is too vague to take in longer ones.
func sameSituation(a, b string) bool {
	if a == b {
		return true
	}
	if !strings.HasPrefix(a, "\x00") || !strings.HasPrefix(b, "\x00") {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return strings.Contains(a, " ") && strings.HasPrefix(b, a+" ")
}

// guideSecond is the share of a guide's (or phrases file's) best score its
// next hit needs to stand as a result of its own: two sections that answer
// the query about as well (what a crisis sounds like, and never ending
// that call) both stay in sight; the rest fold under the best. Unscored lists (the
// blank list) keep one row per guide.
const guideSecond = 0.8

// grouper places hits, in rank order, into at most limit results.
type grouper struct {
	limit int
	keys  []string  // situation of each result
	more  []int     // hits folded under each result
	lead  []float64 // score of each result's first hit
}

// place returns the result a hit belongs to, starting a new one while
// there is room, or -1 when the hit is dropped: a new situation once the
// page is full, or one more hit than a result keeps.
func (g *grouper) place(kind kb.Kind, title, id string, score float64) int {
	k := situationKey(kind, title, id)
	i := slices.IndexFunc(g.keys, func(o string) bool { return sameSituation(o, k) })
	if i >= 0 && (kind == kb.KindGuide || kind == kb.KindPhrase) && g.lead[i] > 0 && score >= guideSecond*g.lead[i] &&
		!slices.Contains(g.keys, secondKey(k)) && len(g.keys) < g.limit {
		i, k = -1, secondKey(k)
	}
	if i >= 0 {
		if g.more[i] == maxMore {
			return -1
		}
		g.more[i]++
		return i
	}
	if len(g.keys) == g.limit {
		return -1
	}
	g.keys = append(g.keys, k)
	g.more = append(g.more, 0)
	g.lead = append(g.lead, score)
	return len(g.keys) - 1
}

// secondKey is the key of a guide's second result, which no other section
// joins: they fold under the first.
func secondKey(k string) string { return "\x02" + k }

// groupHits folds hits that share a situation into the best of them, so
// the first results are different answers; the others go, best first,
// into its More. Order is kept otherwise: grouping only removes hits from
// the list, so what ranked first (crisis content above all) stays first.
// At most limit results are returned.
func groupHits(hits []Hit, limit int) []Hit {
	g := grouper{limit: limit}
	out := make([]Hit, 0, min(len(hits), limit))
	for _, h := range hits {
		switch i := g.place(h.Kind, h.Title, h.ID, h.Score); {
		case i < 0:
		case i == len(out):
			out = append(out, h)
		default:
			out[i].More = append(out[i].More, h)
		}
	}
	return out
}

// GroupHits folds hits for one situation into one result as a search
// does, for a list Search leaves ungrouped: Find's blank list, grouped
// after its favourites and recent items (see groups).
func GroupHits(hits []Hit, limit int) []Hit { return groupHits(hits, limit) }
