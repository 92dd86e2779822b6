package textsearch

import (
	"fmt"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/edgengram"
)

// TestFrontEdgeMatchesBleve: Poise's front edge n-grams are Bleve's, token
// for token, for short and long words, every script and invalid UTF-8.
func TestFrontEdgeMatchesBleve(t *testing.T) {
	words := []string{"a", "ab", "abc", "refund", "internationalisation", "paramètres", "同步冲突", "синхронизация",
		"ক্যাশে", "x\xffy", "\xff\xfe", "can't", "🙂🙂🙂", ""}
	for _, mm := range [][2]int{{prefixMin, prefixMax}, {1, 1}, {3, 5}} {
		ours := frontEdgeFilter{min: mm[0], max: mm[1]}
		bleves := edgengram.NewEdgeNgramFilter(edgengram.FRONT, mm[0], mm[1])
		stream := func() analysis.TokenStream {
			var ts analysis.TokenStream
			for i, w := range words {
				ts = append(ts, &analysis.Token{Term: []byte(w), Start: i * 10, End: i*10 + len(w), Position: i + 1, Type: analysis.TokenType(i % 3)})
			}
			return ts
		}
		dump := func(ts analysis.TokenStream) string {
			s := ""
			for _, tk := range ts {
				s += fmt.Sprintf("%q %d-%d @%d %d\n", tk.Term, tk.Start, tk.End, tk.Position, tk.Type)
			}
			return s
		}
		got, want := dump(ours.Filter(stream())), dump(bleves.Filter(stream()))
		if got != want {
			t.Errorf("min %d max %d:\ngot\n%s\nwant\n%s", mm[0], mm[1], got, want)
		}
	}
}
