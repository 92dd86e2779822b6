package search

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The floors of the test half of testdata/relevance_set.txt, at the figures
// measured when they were last raised: a change that ranks worse fails.
// The floors sit just under the measured figures (which are rounded).
// Raise them when ranking improves; never lower them to make a change pass.
// Before issue 11's changes: tune half P@3 0.836, MRR 0.750; test half
// P@3 0.762, MRR 0.725. After the first round: test half P@3 0.820, MRR
// 0.754. After grouping by situation and phrase runs of two and three
// words: test half P@3 0.836, MRR 0.804.
//
// The held-out set (testdata/relevance_heldout.txt) was written before that
// second round and never tuned against: on main before it, P@3 0.795, MRR
// 0.769; after it, P@3 0.849, MRR 0.784.
//
// Third round: 70 new queries (35 a half) in how agents type in a hurry,
// written before its tuning. With them, before: test half P@3 0.783, MRR
// 0.751; held-out 0.849, 0.784. After contractions and text-speak, filler
// words, multi-word synonyms matched as phrases, concept synonyms, and
// guide sections and phrase rows folded per file: test half P@3 0.847,
// MRR 0.804; held-out P@3 0.904, MRR 0.834. After light verbs as filler,
// "say no" phrasings, and content for a silent customer, ending a call and
// saying no: test half P@3 0.866, MRR 0.817; held-out P@3 0.904, MRR 0.831.
// After synonym lines with one head word merged into one set, each set its
// own clause (one opened by a phrase of the query counting more), product
// faults and threats in customers' words, "elderly" for older customers:
// test half P@3 0.879, MRR 0.817; held-out P@3 0.904, MRR 0.838.
// After the clause of a set a phrase opened is scaled by the square root
// of its size (Bleve divided a large set's score by its size), irregular
// verbs (swore, cried, broke), "4th time", unreasonable customers and
// agents' burnout: test half P@3 0.885, MRR 0.827; held-out P@3 0.918,
// MRR 0.833.
// The held-out MRR floor went down by 0.005 with this change, knowingly:
// it put one more held-out query in the first three (P@3 0.904 → 0.918)
// and moved another down within them; its P@3 floor went up.
//
// Fourth round: 32 new queries (16 a half) for a customer who hangs up,
// seems drunk, is lonely or chatty, or flirts, and for the agent asking
// how to say no, written before the content for them. With them, before
// (no content for them): test half P@3 0.803, MRR 0.750; with the new
// content alone, P@3 0.867, MRR 0.807. After synonym sets in
// customers' words for them, "refusing" tags on the saying-no guidance,
// and concerns weighing less for a query in the agent's voice ("how do i
// …"): test half P@3 0.896, MRR 0.826; held-out unchanged (0.918, 0.833).
//
// Fifth round (relevance3): 28 new queries (14 a half) for an app fault,
// property we damaged, "you stole my money", a dead customer's account,
// a kind named in the query ("script", "statement") and a concrete
// situation beside an emotion, written before the content for them. With
// them, before: test half P@3 0.856, MRR 0.789; held-out 0.918, 0.833.
// After the four concerns, query words that name a kind, a set opened by
// a phrase weighing as a word of the query does (1.5 let "still not here"
// outrank "refund"), and stolen/stole, team leader and money worries as
// synonyms: test half P@3 0.898, MRR 0.828; held-out P@3 0.918, MRR 0.838.
// After a phrasal verb's particle must be in the query too ("cutting me
// off" no longer opened "keeps cutting out"): test half P@3 0.904, MRR
// 0.832.
const (
	floorTestP3  = 0.900
	floorTestMRR = 0.830
	floorHeldP3  = 0.915
	floorHeldMRR = 0.835
)

// setQuery is one line of the relevance set.
type setQuery struct {
	half, text string
	accept     []string
	line       int
}

// loadRelevanceSet reads a relevance set under testdata: "half | query |
// answers", answers as kind-letter:name, halves one of halves.
func loadRelevanceSet(t *testing.T, name string, halves ...string) []setQuery {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	prefix := map[string]string{
		"m": "builtin/matrix/", "s": "builtin/statements/", "g": "builtin/guides/",
		"t": "builtin/templates/", "c": "builtin/checklists/", "p": "builtin/phrases/",
	}
	var out []setQuery
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "|")
		if len(parts) != 3 {
			t.Fatalf("%s:%d: want \"half | query | answers\"", name, n)
		}
		q := setQuery{half: strings.TrimSpace(parts[0]), text: strings.TrimSpace(parts[1]), line: n}
		if !slices.Contains(halves, q.half) {
			t.Fatalf("%s:%d: half %q is not one of %q", name, n, q.half, halves)
		}
		for _, a := range strings.Fields(parts[2]) {
			k, name, ok := strings.Cut(a, ":")
			if !ok || prefix[k] == "" || name == "" {
				t.Fatalf("%s:%d: answer %q is not kind:name (m s g t c p)", name, n, a)
			}
			q.accept = append(q.accept, prefix[k]+name)
		}
		out = append(out, q)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// accepts reports whether id is one of the answers: the item itself or any
// item of its file (statements of a bank, sections of a guide).
func (q setQuery) accepts(id string) bool {
	file, _, _ := strings.Cut(id, "#")
	for _, a := range q.accept {
		if id == a || file == a {
			return true
		}
	}
	return false
}

// setScore is precision at 3 (a right answer in the first three) and mean
// reciprocal rank (over the first ten) of one half of the set.
type setScore struct {
	n      int
	top3   int
	rrSum  float64
	misses []string
}

func (s setScore) p3() float64  { return float64(s.top3) / float64(max(s.n, 1)) }
func (s setScore) mrr() float64 { return s.rrSum / float64(max(s.n, 1)) }

func scoreSet(t *testing.T, ix *Index, set []setQuery) map[string]*setScore {
	t.Helper()
	scores := map[string]*setScore{}
	for _, q := range set {
		if scores[q.half] == nil {
			scores[q.half] = &setScore{}
		}
		res, err := ix.Search(context.Background(), Query{Text: q.text, Limit: 10, NoFacets: true})
		if err != nil {
			t.Fatalf("%q: %v", q.text, err)
		}
		s := scores[q.half]
		s.n++
		rank := 0
		for i, h := range res.Hits {
			if q.accepts(h.ID) {
				rank = i + 1
				break
			}
		}
		if rank > 0 {
			s.rrSum += 1 / float64(rank)
		}
		if rank > 0 && rank <= 3 {
			s.top3++
			continue
		}
		var got []string
		for i, h := range res.Hits {
			if i == 3 {
				break
			}
			got = append(got, h.ID)
		}
		s.misses = append(s.misses, fmt.Sprintf("line %d %q (rank %d): %v", q.line, q.text, rank, got))
	}
	return scores
}

// TestRelevanceSet measures the relevance set: precision at 3 and MRR of
// each half, logged, and the test half held to its floors.
func TestRelevanceSet(t *testing.T) {
	ix := openBundled(t)
	set := loadRelevanceSet(t, "relevance_set.txt", "tune", "test")
	if len(set) < 200 {
		t.Fatalf("the relevance set has %d queries; keep at least 200", len(set))
	}
	scores := scoreSet(t, ix, set)
	for _, half := range []string{"tune", "test"} {
		s := scores[half]
		t.Logf("%s half: %d queries, P@3 %.3f, MRR %.3f", half, s.n, s.p3(), s.mrr())
		// Only the tuning half's misses are shown: tuning against the
		// test half would make its figure a measure of nothing.
		if half == "tune" && testing.Verbose() {
			for _, m := range s.misses {
				t.Logf("  miss %s", m)
			}
		}
	}
	test := scores["test"]
	if test.p3() < floorTestP3 || test.mrr() < floorTestMRR {
		t.Errorf("test half P@3 %.3f MRR %.3f, below the floor P@3 %.3f MRR %.3f; misses:\n%s",
			test.p3(), test.mrr(), floorTestP3, floorTestMRR, strings.Join(test.misses, "\n"))
	}
}

// TestRelevanceHeldOut measures testdata/relevance_heldout.txt, queries
// written before the tuning they measure and never tuned against: its
// figure is what a new user would see. Its misses are not logged, so
// that nobody tunes against them by accident.
func TestRelevanceHeldOut(t *testing.T) {
	ix := openBundled(t)
	set := loadRelevanceSet(t, "relevance_heldout.txt", "held")
	if len(set) < 60 {
		t.Fatalf("the held-out set has %d queries; keep at least 60", len(set))
	}
	s := scoreSet(t, ix, set)["held"]
	t.Logf("held-out: %d queries, P@3 %.3f, MRR %.3f", s.n, s.p3(), s.mrr())
	if s.p3() < floorHeldP3 || s.mrr() < floorHeldMRR {
		t.Errorf("held-out P@3 %.3f MRR %.3f, below the floor P@3 %.3f MRR %.3f", s.p3(), s.mrr(), floorHeldP3, floorHeldMRR)
	}
}
