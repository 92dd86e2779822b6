package textsearch

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// headDocs have titles, signals and tags whose words share starts of
// every length, and bodies that share none of them, so that only the head
// can match the word being typed.
var headDocs = []Document{
	{Title: "Refunds for late parcels", Body: "body"},
	{Title: "Reference card", Signals: "where is my order", Body: "body"},
	{Title: "Refurbished goods", Meta: "warranty", Body: "body"},
	{Title: "Internationalisation settings", Body: "body"},
	{Title: "Paramètres de synchronisation", Body: "body"},
	{Title: "Warm handover", Signals: "put me through to your manager", Body: "body"},
	{Title: "Handling expectations", Meta: "escalation", Body: "body"},
}

func headCorpus(hash string, docs []Document) *Corpus {
	return &Corpus{Hash: hash, Len: len(docs), Doc: func(i int) (string, Document) {
		d := docs[i]
		d.Kind = "guide"
		return fmt.Sprintf("d%02d", i), d
	}}
}

// headStarts lists, for every start of every word of the documents' heads,
// the ids of the documents holding a head word with that start.
func headStarts(docs []Document) map[string][]string {
	out := map[string][]string{}
	for i, d := range docs {
		id := fmt.Sprintf("d%02d", i)
		for _, w := range strings.Fields(strings.ToLower(JoinText(d.Title, d.Signals, d.Meta))) {
			rs := []rune(w)
			for n := prefixLetters; n <= len(rs); n++ {
				p := string(rs[:n])
				if !slices.Contains(out[p], id) {
					out[p] = append(out[p], id)
				}
			}
		}
	}
	return out
}

func typedIDs(t *testing.T, ix *Index, text string) []string {
	t.Helper()
	res, err := ix.Search(context.Background(), Query{Text: text, Limit: 50}, noTexts{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	slices.Sort(ids)
	return ids
}

// TestHeadPrefixAsTyped: while a word is typed, every start of it finds
// exactly the documents whose titles, signals or tags hold a word that
// starts so, whether the start is short enough to be an indexed gram or
// longer ("refun" is not "refurbished"; "internationalisat" is longer
// than any gram).
func TestHeadPrefixAsTyped(t *testing.T) {
	ix, err := BuildMemory(context.Background(), headCorpus("head-prefix", headDocs), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	long := 0
	for p, want := range headStarts(headDocs) {
		if utf8.RuneCountInString(p) > prefixLetters {
			long++
		}
		slices.Sort(want)
		if got := typedIDs(t, ix, p); !slices.Equal(got, want) {
			t.Errorf("%q finds %v, want %v", p, got, want)
		}
	}
	if long < 50 {
		t.Fatalf("only %d starts longer than the indexed grams", long)
	}
	// A start no head word has finds nothing, and is not a gram's match.
	for _, p := range []string{"refx", "internationalisx", "zzzz"} {
		if got := typedIDs(t, ix, p); len(got) > 0 {
			t.Errorf("%q finds %v, want nothing", p, got)
		}
	}
}

// TestHeadPrefixOutranksBody: a word being typed that starts a title word
// ranks that title above a body that repeats a word with the same start.
func TestHeadPrefixOutranksBody(t *testing.T) {
	docs := []Document{
		{Title: "Late parcels", Body: "refunds refunds refunds refunded"},
		{Title: "Refunds", Body: "alpha beta"},
		{Title: "Opening hours", Body: "gamma delta"},
	}
	ix, err := BuildMemory(context.Background(), headCorpus("head-prefix-rank", docs), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, p := range []string{"ref", "refu", "refun", "refund"} {
		res, err := ix.Search(context.Background(), Query{Text: "late " + p, Limit: 5}, noTexts{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 2 {
			t.Errorf("%q: %d hits, want 2", p, res.Total)
		}
		res, err = ix.Search(context.Background(), Query{Text: p, Limit: 5}, noTexts{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 || res.Hits[0].ID != "d01" {
			t.Errorf("%q: first %v, want the title Refunds (d01)", p, res.Hits)
		}
	}
}

// TestHeadPrefixWide: a start that begins more head words than are looked
// up finds the documents of the commonest (ties by word), a bounded and
// exact set, the same on one segment in memory and on many on disk; one
// more letter finds the rest.
func TestHeadPrefixWide(t *testing.T) {
	const n = maxHeadCompletions + 40
	docs := make([]Document, 0, n+2)
	for i := range n {
		docs = append(docs, Document{Title: fmt.Sprintf("syncword%c%c%c", 'a'+i/26/26%26, 'a'+i/26%26, 'a'+i%26), Body: "x"})
	}
	// The commonest word is kept first.
	docs = append(docs, Document{Title: "syncwordzzz", Body: "y"}, Document{Title: "syncwordzzz", Body: "y"})
	c := headCorpus("head-prefix-wide", docs)
	mem, disk := memoryAndDisk(t, c, 37)
	for q, want := range map[string]int{"syncw": maxHeadCompletions + 1, "syncword": maxHeadCompletions + 1, "syncwordak": 26, "syncwordzz": 2} {
		a, err1 := mem.Search(context.Background(), Query{Text: q, Limit: 3}, noTexts{})
		b, err2 := disk.Search(context.Background(), Query{Text: q, Limit: 3}, noTexts{})
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if a.Total != b.Total || fmt.Sprint(a.Hits) != fmt.Sprint(b.Hits) {
			t.Errorf("%q: in memory %d %v, on disk %d %v", q, a.Total, a.Hits, b.Total, b.Hits)
		}
		if a.Total != want {
			t.Errorf("%q: %d hits, want %d", q, a.Total, want)
		}
	}
}

// TestHeadPrefixWeighsAsItsStart: how much the word being typed counts
// against the other words of the query depends on how rare its start is,
// not on how many other head words share its first letters (the gram that
// scores it): "refurb" weighs the same beside forty titles starting "re"
// as beside none.
func TestHeadPrefixWeighsAsItsStart(t *testing.T) {
	ratio := func(filler string) float64 {
		docs := []Document{
			{Title: "goods", Body: "x"},
			{Title: "refurbished", Body: "y"},
			{Title: "goods inwards", Body: "z"},
		}
		for i := range 40 {
			docs = append(docs, Document{Title: fmt.Sprintf("%s%c%c", filler, 'a'+i/26, 'a'+i%26), Body: "w"})
		}
		ix, err := BuildMemory(context.Background(), headCorpus("head-prefix-weight-"+filler, docs), nil)
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		res, err := ix.Search(context.Background(), Query{Text: "goods refurb", Limit: 10}, noTexts{})
		if err != nil {
			t.Fatal(err)
		}
		score := map[string]float64{}
		for _, h := range res.Hits {
			score[h.ID] = h.Score
		}
		if score["d00"] == 0 || score["d01"] == 0 {
			t.Fatalf("filler %q: hits %v", filler, res.Hits)
		}
		return score["d01"] / score["d00"]
	}
	apart, shared := ratio("alpha"), ratio("repeat")
	if math.Abs(shared/apart-1) > 0.01 {
		t.Errorf("refurbished against goods: %.3f beside other starts, %.3f beside forty starting \"re\"", apart, shared)
	}
}

// TestHeadStartSameOnDisk: what a start matches and weighs is read from
// real document counts, the same on a stored index (one merged segment,
// whose dictionary walk miscounts terms after one held by one document)
// as in memory.
func TestHeadStartSameOnDisk(t *testing.T) {
	var docs []Document
	for _, w := range []string{"staaa", "staab", "staac", "staad", "staae", "staaf", "staag", "staah", "staai", "staaj"} {
		docs = append(docs, Document{Title: w, Body: "x"}) // one document each
	}
	for i := range 40 {
		title := "stand"
		if i < 30 {
			title += " start"
		}
		docs = append(docs, Document{Title: title, Body: "y"})
	}
	c := headCorpus("head-start-counts", docs)
	mem, disk := memoryAndDisk(t, c, 8)
	start := func(ix *Index) headStart {
		adv, err := ix.bi.Advanced()
		if err != nil {
			t.Fatal(err)
		}
		r, err := adv.Reader()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		docs, _ := r.DocCount()
		return headStartOf(r, "sta", docs)
	}
	got, want := start(disk), start(mem)
	if fmt.Sprint(got) != fmt.Sprint(want) || len(got.words) != 12 {
		t.Errorf("on disk %v, in memory %v", got, want)
	}
	for _, q := range []string{"sta", "stan"} {
		a, err1 := disk.Search(context.Background(), Query{Text: "item " + q, Limit: 5}, noTexts{})
		b, err2 := mem.Search(context.Background(), Query{Text: "item " + q, Limit: 5}, noTexts{})
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		if a.Total != b.Total || fmt.Sprint(a.Hits) != fmt.Sprint(b.Hits) {
			t.Errorf("%q: on disk %d %v, in memory %d %v", q, a.Total, a.Hits, b.Total, b.Hits)
		}
	}
}
