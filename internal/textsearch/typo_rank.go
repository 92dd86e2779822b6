package textsearch

import (
	"math"
	"slices"
	"strings"
)

// qwertyRows is the keyboard most agents type on; a slip to a
// neighbouring key is likelier than to any other letter.
var qwertyRows = []string{"qwertyuiop", "asdfghjkl", "zxcvbnm"}

// keyAdjacent reports whether a and b are neighbouring letter keys.
func keyAdjacent(a, b rune) bool {
	ra, ca, oka := keyPos(a)
	rb, cb, okb := keyPos(b)
	if !oka || !okb {
		return false
	}
	dr, dc := ra-rb, ca-cb
	// Rows are staggered by about half a key to the right going down.
	if dr == 0 {
		return dc == 1 || dc == -1
	}
	if dr == 1 || dr == -1 {
		if dr == 1 { // a is below b
			return dc == 0 || dc == -1
		}
		return dc == 0 || dc == 1
	}
	return false
}

func keyPos(r rune) (row, col int, ok bool) {
	for i, s := range qwertyRows {
		if j := strings.IndexRune(s, r); j >= 0 {
			return i, j, true
		}
	}
	return 0, 0, false
}

// Costs of a typing slip: a neighbouring key or two swapped letters are
// the commonest, so cost less than any other edit.
const (
	costEdit     = 1.0
	costAdjacent = 0.6
	costSwap     = 0.6
	// A doubled letter typed once ("acused") or twice ("accross") is
	// the commonest spelling slip of all.
	costDoubled = 0.5
	// People rarely get the first letter wrong: "acused" is "accused",
	// not "caused".
	costFirstLetter = 0.5
)

// typoCost is the weighted edit distance from typed to cand (optimal
// string alignment: insertions, deletions, substitutions, swaps).
func typoCost(typed, cand string) float64 {
	a, b := []rune(typed), []rune(cand)
	d := make([][]float64, len(a)+1)
	for i := range d {
		d[i] = make([]float64, len(b)+1)
		d[i][0] = float64(i) * costEdit
	}
	for j := range b {
		d[0][j+1] = float64(j+1) * costEdit
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			sub := 0.0
			if a[i-1] != b[j-1] {
				sub = costEdit
				if keyAdjacent(a[i-1], b[j-1]) {
					sub = costAdjacent
				}
			}
			del, ins := costEdit, costEdit
			if i > 1 && a[i-1] == a[i-2] {
				del = costDoubled
			}
			if j > 1 && b[j-1] == b[j-2] {
				ins = costDoubled
			}
			v := min(d[i-1][j]+del, d[i][j-1]+ins, d[i-1][j-1]+sub)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, d[i-2][j-2]+costSwap)
			}
			d[i][j] = v
		}
	}
	cost := d[len(a)][len(b)]
	if len(a) > 0 && len(b) > 0 && a[0] != b[0] {
		cost += costFirstLetter
	}
	return cost
}

// typoCand is one word the index knows that a typo may stand for.
type typoCand struct {
	stem  string // what is searched
	shown string // what "Showing results for" says; "" when only a stem is known
	count uint64 // documents that hold it
	cost  float64
}

// weight is how likely the candidate is what was meant: a common word of
// the content beats a rare one at the same distance, and one more edit
// costs as much as the word being about twenty times rarer.
func (c typoCand) weight() float64 {
	return math.Log(1+float64(c.count)) - 3*c.cost
}

// bestTypoCands keeps the candidates near the best one, best first, at
// most maxCorrections.
func bestTypoCands(cands []typoCand) []typoCand {
	// One candidate per stem: the likeliest slip, the larger count, and
	// a word to show if any source had one (bodies keep only stems).
	byStem := map[string]int{}
	var merged []typoCand
	for _, c := range cands {
		i, ok := byStem[c.stem]
		if !ok {
			byStem[c.stem] = len(merged)
			merged = append(merged, c)
			continue
		}
		m := &merged[i]
		m.count = max(m.count, c.count)
		if c.shown != "" && (m.shown == "" || c.cost < m.cost) {
			m.shown = c.shown
		}
		m.cost = min(m.cost, c.cost)
	}
	cands = merged
	slices.SortStableFunc(cands, func(a, b typoCand) int {
		wa, wb := a.weight(), b.weight()
		switch {
		case wa > wb:
			return -1
		case wa < wb:
			return 1
		}
		return strings.Compare(a.stem, b.stem)
	})
	var out []typoCand
	for _, c := range cands {
		if len(out) == maxCorrections || c.weight() < cands[0].weight()-1.5 {
			break
		}
		out = append(out, c)
	}
	return out
}

// oneDropped reports whether typed is cand with exactly one letter left
// out ("manger" of "manager").
func oneDropped(typed, cand string) bool {
	a, b := []rune(typed), []rune(cand)
	if len(b) != len(a)+1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return slices.Equal(a[i:], b[i+1:])
}

// otherSpelling reports whether a and b are the British and American
// spellings of one word: "-ise" and "-ize", "-our" and "-or".
func otherSpelling(a, b string) bool {
	if a == "" || b == "" || a == b {
		return false
	}
	us := func(s string) string {
		return strings.ReplaceAll(strings.ReplaceAll(s, "is", "iz"), "our", "or")
	}
	return us(a) == us(b)
}
