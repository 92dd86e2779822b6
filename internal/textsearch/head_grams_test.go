package textsearch

import (
	"context"
	"fmt"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
)

// TestHeadGrams: each word of a head is followed by its first two letters,
// marked, at its position, in every script; a shorter word or one that is
// not valid UTF-8 has none.
func TestHeadGrams(t *testing.T) {
	words := []string{"a", "ab", "refund", "paramètres", "同步冲突", "синхронизация", "ক্যাশে", "x\xffy", "\xff\xfe", "can't", "🙂🙂🙂", ""}
	var in analysis.TokenStream
	for i, w := range words {
		in = append(in, &analysis.Token{Term: []byte(w), Start: i * 10, End: i*10 + len(w), Position: i + 1, Type: analysis.TokenType(i % 3)})
	}
	got := ""
	for _, tk := range (headGramFilter{}).Filter(in) {
		got += fmt.Sprintf("%q %d-%d @%d %d\n", tk.Term, tk.Start, tk.End, tk.Position, tk.Type)
	}
	want := `"a" 0-1 @1 0
"ab" 10-12 @2 1
"\x1fab" 10-12 @2 1
"refund" 20-26 @3 2
"\x1fre" 20-26 @3 2
"paramètres" 30-41 @4 0
"\x1fpa" 30-41 @4 0
"同步冲突" 40-52 @5 1
"\x1f同步" 40-52 @5 1
"синхронизация" 50-76 @6 2
"\x1fси" 50-76 @6 2
"ক্যাশে" 60-78 @7 0
"\x1fক্" 60-78 @7 0
"x\xffy" 70-73 @8 1
"\xff\xfe" 80-82 @9 2
"can't" 90-95 @10 0
"\x1fca" 90-95 @10 0
"🙂🙂🙂" 100-112 @11 1
"\x1f🙂🙂" 100-112 @11 1
"" 110-110 @12 2
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	for _, w := range words {
		if isHeadGram(w) {
			t.Errorf("word %q taken for a gram", w)
		}
	}
	if g := headGram("refund"); !isHeadGram(g) || g != "\x1fre" {
		t.Errorf("headGram(refund) = %q", g)
	}
}

// TestPhraseIgnoresGrams: a phrase is matched word for word, never by
// another word of the same first letters standing at a word's position
// beside its gram ("whatever issue my orders" is not "where is my order").
func TestPhraseIgnoresGrams(t *testing.T) {
	docs := []Document{
		{Title: "Where is my order", Body: "x"},
		{Title: "Whatever issue mystery orders", Body: "y"},
	}
	ix, err := BuildMemory(context.Background(), headCorpus("phrase-grams", docs), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	res, err := ix.bi.Search(bleve.NewSearchRequest(matchPhrase(fHWords, "where is my order", 1)))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	if fmt.Sprint(ids) != "[d00]" {
		t.Errorf("phrase matches %v, want [d00]", ids)
	}
}
