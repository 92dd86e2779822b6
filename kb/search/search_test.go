package search

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/poisehq/poise/kb"
)

func search(t *testing.T, ix *Index, q Query) *Results {
	t.Helper()
	res, err := ix.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return res
}

func TestSearchBlankQueryGivesDefaults(t *testing.T) {
	ix := openFixture(t)
	n := len(fixturePack().Items)
	tests := []struct {
		name      string
		q         Query
		wantFirst []string
		wantTotal int
	}{
		{"empty", Query{}, []string{"builtin/statements/angry#1", "builtin/matrix/late-delivery"}, n},
		{"spaces", Query{Text: "   \t\n"}, []string{"builtin/statements/angry#1"}, n},
		{"punctuation only", Query{Text: `+-:^~*?"'()[]{}!`}, []string{"builtin/statements/angry#1"}, n},
		{"favourites then recents first", Query{Default: []string{"builtin/templates/hand-off-to-supervisor", "no/such/item", "builtin/matrix/repeated-contact"}},
			[]string{"builtin/templates/hand-off-to-supervisor", "builtin/matrix/repeated-contact", "builtin/statements/angry#1"}, n},
		{"filters apply to defaults", Query{Kinds: []kb.Kind{kb.KindMatrix}, Default: []string{"builtin/statements/angry#1", "builtin/matrix/demand-for-manager"}},
			[]string{"builtin/matrix/demand-for-manager", "builtin/matrix/late-delivery"}, 4},
		{"limit", Query{Limit: 2}, []string{"builtin/statements/angry#1", "builtin/matrix/late-delivery"}, n},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := search(t, ix, tt.q)
			got := hitIDs(res)
			if len(got) < len(tt.wantFirst) || !slices.Equal(got[:len(tt.wantFirst)], tt.wantFirst) {
				t.Errorf("hits start %v, want %v", got, tt.wantFirst)
			}
			if res.Total != tt.wantTotal {
				t.Errorf("total = %d, want %d", res.Total, tt.wantTotal)
			}
			if tt.q.Limit > 0 && len(got) > tt.q.Limit {
				t.Errorf("%d hits over limit %d", len(got), tt.q.Limit)
			}
			for _, h := range res.Hits {
				if h.Title == "" {
					t.Errorf("default hit %s without title", h.ID)
				}
			}
		})
	}
}

func TestSearchFiltersAndFacets(t *testing.T) {
	ix := openFixture(t)
	tests := []struct {
		name       string
		q          Query
		want       []string // exact set of hits
		wantKinds  []FacetCount
		wantEmoAny string // an emotion facet value that must be counted
	}{
		{"kind", Query{Text: "supervisor", Kinds: []kb.Kind{kb.KindTemplate}},
			[]string{"builtin/templates/hand-off-to-supervisor"}, []FacetCount{{Value: "template", Count: 1}}, ""},
		{"emotion, any case", Query{Text: "customer", Emotions: []string{"Frustrated"}},
			[]string{"builtin/matrix/repeated-contact"}, []FacetCount{{Value: "matrix", Count: 1}}, "angry"},
		{"tag", Query{Text: "supervisor", Tags: []string{"ESCALATION"}},
			[]string{"builtin/templates/hand-off-to-supervisor", "builtin/matrix/demand-for-manager"}, []FacetCount{{Value: "matrix", Count: 1}, {Value: "template", Count: 1}}, ""},
		{"pack", Query{Text: "supervisor", Packs: []string{"acme"}}, nil, nil, ""},
		{"kinds are ORed, filters ANDed", Query{Text: "angry", Kinds: []kb.Kind{kb.KindStatement, kb.KindMatrix}, Emotions: []string{"anxious"}},
			[]string{"builtin/matrix/late-delivery"}, []FacetCount{{Value: "matrix", Count: 1}}, "anxious"},
		{"facets without filters", Query{Text: "angry"},
			[]string{"builtin/matrix/late-delivery", "builtin/matrix/demand-for-manager", "builtin/matrix/repeated-contact", "builtin/statements/angry#1"},
			[]FacetCount{{Value: "matrix", Count: 3}, {Value: "statement", Count: 1}}, "angry"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := search(t, ix, tt.q)
			if got := hitIDs(res); !sameSet(got, tt.want) {
				t.Errorf("hits = %v, want %v", got, tt.want)
			}
			if res.Total != len(tt.want) {
				t.Errorf("total = %d, want %d", res.Total, len(tt.want))
			}
			if !slices.Equal(res.Facets.Kinds, tt.wantKinds) {
				t.Errorf("kind facets = %v, want %v", res.Facets.Kinds, tt.wantKinds)
			}
			if tt.wantEmoAny != "" && !slices.ContainsFunc(res.Facets.Emotions, func(f FacetCount) bool { return f.Value == tt.wantEmoAny && f.Count > 0 }) {
				t.Errorf("emotion facets %v lack %q", res.Facets.Emotions, tt.wantEmoAny)
			}
			if len(tt.want) > 0 && (len(res.Facets.Packs) != 1 || res.Facets.Packs[0] != FacetCount{Value: "builtin", Count: len(tt.want)}) {
				t.Errorf("pack facets = %v", res.Facets.Packs)
			}
		})
	}
}

func TestSearchHighlights(t *testing.T) {
	ix := openFixture(t)
	tests := []struct {
		query string
		id    string
		marks []string // highlighted words of the snippet, lower-cased
	}{
		{"refund ", "builtin/matrix/refund-outside-policy", []string{"refund"}},
		{"money back ", "builtin/matrix/refund-outside-policy", []string{"money", "back"}},
		{"reimburse ", "builtin/matrix/refund-outside-policy", []string{"refund"}},
		{"dleivery ", "builtin/matrix/late-delivery", []string{"delivery"}},
		{"repla", "builtin/matrix/late-delivery", []string{"replacement"}},
		{"calls ", "builtin/matrix/repeated-contact", []string{"called", "calls"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res := search(t, ix, Query{Text: tt.query})
			i := slices.IndexFunc(res.Hits, func(h Hit) bool { return h.ID == tt.id })
			if i < 0 {
				t.Fatalf("%s not found: %v", tt.id, hitIDs(res))
			}
			h := res.Hits[i]
			var got []string
			for _, sp := range h.Highlights {
				got = append(got, strings.ToLower(h.Snippet[sp.Start:sp.End]))
			}
			for _, w := range tt.marks {
				if !slices.Contains(got, w) {
					t.Errorf("snippet %q highlights %v, want %q among them", h.Snippet, got, w)
				}
			}
		})
	}
}

func TestSearchTitleHighlights(t *testing.T) {
	ix := openFixture(t)
	res := search(t, ix, Query{Text: "late deliv"})
	if len(res.Hits) == 0 || res.Hits[0].ID != "builtin/matrix/late-delivery" {
		t.Fatalf("hits = %v", hitIDs(res))
	}
	h := res.Hits[0]
	var got []string
	for _, sp := range h.TitleHighlights {
		got = append(got, h.Title[sp.Start:sp.End])
	}
	if !slices.Equal(got, []string{"Late", "delivery"}) {
		t.Errorf("title highlights = %v", got)
	}
}

func TestSearchLongSnippetIsCut(t *testing.T) {
	pack := fixturePack()
	long := strings.Repeat("Filler words that say nothing at all. ", 40) + "The parcel reaches Zanzibar on Thursday. " + strings.Repeat("More filler follows here. ", 40)
	pack.Items = append(pack.Items, kb.Item{ID: "builtin/guides/long#refunds", Pack: "builtin", Kind: kb.KindGuide, Title: "Long section", Body: long, Text: long})
	ix, err := OpenMemory(kb.NewLibrary(pack))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	res := search(t, ix, Query{Text: "zanzibar thursday "})
	if len(res.Hits) == 0 || res.Hits[0].ID != "builtin/guides/long#refunds" {
		t.Fatalf("hits = %v", hitIDs(res))
	}
	h := res.Hits[0]
	if len(h.Snippet) > snippetLen+2*len(ellipsis) {
		t.Errorf("snippet is %d bytes: %q", len(h.Snippet), h.Snippet)
	}
	if !strings.HasPrefix(h.Snippet, ellipsis) || !strings.HasSuffix(h.Snippet, ellipsis) {
		t.Errorf("cut snippet without ellipses: %q", h.Snippet)
	}
	if !strings.Contains(h.Snippet, "Zanzibar on Thursday") || len(h.Highlights) != 2 {
		t.Errorf("snippet %q highlights %v: want Zanzibar and Thursday", h.Snippet, h.Highlights)
	}
	checkSpans(t, h)
}

func TestSearchHostileInput(t *testing.T) {
	ix := openFixture(t)
	tests := map[string]string{
		"operators":          `+refund -late title:manager ^2 ~ * ? refund~2 refund^10`,
		"query syntax":       `title:"late delivery" AND (refund OR manager) NOT x`,
		"unclosed quote":     `"where is my order`,
		"regexp":             `/ref.*d/ [a-z]+ \d{3}`,
		"wildcards only":     `* ? ** ??`,
		"10 KB of text":      strings.Repeat("I want my money back and nobody calls me back ", 230),
		"one enormous word":  strings.Repeat("a", 10_000),
		"nul and controls":   "refund\x00\x01\x1b[31m late",
		"invalid utf-8":      "ref\xffund \xc3\x28 late",
		"emoji and scripts":  "😡 возврат денег 退款 استرداد refund",
		"combining marks":    "re\u0301fund cafe\u0301",
		"numbers":            "3rd time 1234567890 12.50 £40",
		"apostrophes":        "I've can't won’t '' '",
		"repeated word":      strings.Repeat("refund ", 2000),
		"long partial":       "refundrefundrefundrefundrefund",
		"stop words only":    "the and of to I my",
		"json and html":      `{"kind":"matrix"} <script>alert(1)</script>`,
		"backslashes":        `\\\"\\`,
		"only a short word":  "a",
		"one letter partial": "r",
	}
	for name, text := range tests {
		t.Run(name, func(t *testing.T) {
			res, err := ix.Search(context.Background(), Query{Text: text})
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			for _, h := range res.Hits {
				checkSpans(t, h)
			}
		})
	}
}

// checkSpans fails when a highlight falls outside its text or splits a
// character.
func checkSpans(t *testing.T, h Hit) {
	t.Helper()
	for _, tc := range []struct {
		text  string
		spans []Span
	}{{h.Snippet, h.Highlights}, {h.Title, h.TitleHighlights}} {
		for _, sp := range tc.spans {
			if sp.Start < 0 || sp.End > len(tc.text) || sp.Start >= sp.End {
				t.Fatalf("span %v outside %q", sp, tc.text)
			}
			if !utf8.ValidString(tc.text[sp.Start:sp.End]) && utf8.ValidString(tc.text) {
				t.Fatalf("span %v splits a character of %q", sp, tc.text)
			}
		}
	}
}

func FuzzSearch(f *testing.F) {
	for _, s := range []string{"", "refund", "money back", `+-:^~*?`, `"unclosed`, "title:x", "ref", "dleivery ", "\xff", "😡 refund"} {
		f.Add(s)
	}
	ix := openFixture(f)
	f.Fuzz(func(t *testing.T, text string) {
		res, err := ix.Search(context.Background(), Query{Text: text})
		if err != nil {
			t.Fatalf("Search(%q): %v", text, err)
		}
		for _, h := range res.Hits {
			checkSpans(t, h)
		}
	})
}

func TestSearchCancelled(t *testing.T) {
	ix := openFixture(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.Search(ctx, Query{Text: "refund"}); !errors.Is(err, context.Canceled) {
		t.Errorf("Search with a cancelled context: %v, want context.Canceled", err)
	}
}

func TestSearchLimit(t *testing.T) {
	ix := openFixture(t)
	res := search(t, ix, Query{Text: "customer", Limit: 1})
	if len(res.Hits) != 1 || res.Total < 2 {
		t.Errorf("limit 1: %d hits of %d", len(res.Hits), res.Total)
	}
}
