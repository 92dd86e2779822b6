package search

import (
	"slices"
	"strings"
	"unicode"

	"github.com/poisehq/poise/kb"
)

// groupFetch is how many times the asked-for hits are fetched before
// grouping, so that a full page is left once hits for the same situation
// fold into one.
const groupFetch = 3

// maxMore caps the hits kept under one result, so a pack with hundreds of
// statements under one heading cannot grow a result without bound.
const maxMore = 20

// groupPlan says how many hits to fetch for q, how many to return, and
// whether to group them. The blank list (favourites, recent items) shows
// each item as chosen, so it is not grouped.
func groupPlan(q Query) (fetch, limit int, group bool) {
	limit = q.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, MaxLimit)
	if q.NoGroup || strings.TrimSpace(q.Text) == "" {
		return limit, limit, false
	}
	return min(limit*groupFetch, MaxLimit), limit, true
}

// situationKey is what hits answering the same situation share: the
// statements under one heading ("Waited too long"), which say the same
// thing in different words, in whichever bank (angry, frustrated,
// impatient) they sit. Every other item stands alone: a guide's sections
// answer different questions, a matrix concern is one answer, and phrase
// rows rewrite different sentences.
func situationKey(h Hit) string {
	if h.Kind != kb.KindStatement {
		return h.ID
	}
	return "\x00" + strings.Join(strings.FieldsFunc(strings.ToLower(h.Title), notLetterOrDigit), " ")
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

// groupHits folds hits that share a situation into the best of them, so
// the first results are different answers; the others go, best first,
// into its More. Order is kept otherwise: grouping only removes hits from
// the list, so what ranked first (crisis content above all) stays first.
// At most limit results are returned.
func groupHits(hits []Hit, limit int) []Hit {
	out := make([]Hit, 0, min(len(hits), limit))
	keys := make([]string, 0, cap(out))
	for _, h := range hits {
		k := situationKey(h)
		i := slices.IndexFunc(keys, func(g string) bool { return sameSituation(g, k) })
		if i >= 0 {
			if len(out[i].More) < maxMore {
				out[i].More = append(out[i].More, h)
			}
			continue
		}
		if len(out) == limit {
			continue // later members of groups already shown still join them
		}
		keys = append(keys, k)
		out = append(out, h)
	}
	return out
}
