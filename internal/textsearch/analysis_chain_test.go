package textsearch

import (
	"fmt"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
)

// chainSamples are words of every analysis: stop words, possessives,
// elisions, apostrophes, upper case, digits, short words, Chinese.
var chainSamples = strings.Join([]string{
	"The customer's parcels weren’t DELIVERED; it's 2024 and refunds are processing a b 42x",
	"L'été, les utilisateurs écrivent des notes d'un appareil à l'autre",
	"Die GROSSE Straße: Benutzer schreiben Notizen über Geräte hinweg",
	"Настройки синхронизации между устройствами И ПОЛЬЗОВАТЕЛИ",
	"إعدادات المزامنة بين الأجهزة والملاحظات", "कुछ नोट्स का सिंक करना",
	"کاربران یادداشت\u200cها را می\u200cنویسند", "İstanbul'da kullanıcılar notları yazıyor",
	"los usuarios escriben notas rápidamente", "gli utenti scrivono dell'applicazione",
	"同步冲突 ノートの同期設定", "Ρυθμίσεις συγχρονισμού ΟΔΟΣ",
}, "\n")

// TestChainMemoAnalysesAsTheFilters: a build's analysis, its filters
// remembered together (chainMemo), gives every analyser's tokens as the
// analyser itself does, the first time and from the memory, and once
// the memory is full.
func TestChainMemoAnalysesAsTheFilters(t *testing.T) {
	im, _ := mappingAndBuilder(t)
	names := append([]string{analyzerEn, analyzerWords, analyzerHead}, Languages...)
	text := chainSamples + "\n" + strings.ToLower(chainSamples)
	memos := 0
	for _, name := range names {
		a := im.AnalyzerNamed(name)
		if m := chainMemo(a.(*analysis.DefaultAnalyzer)); m != nil {
			memos++
		}
		want := tokenDump(a.Analyze([]byte(text)))
		s := &buildScratch{}
		for round := range 2 {
			tokens, slab := analyzeText(a, []byte(text), s)
			if got := tokenDump(tokens); got != want {
				t.Errorf("%s, round %d:\n got %s\nwant %s", name, round, got, want)
			}
			slab.release(tokens)
		}
	}
	if memos < len(Languages) {
		t.Errorf("%d analysers remembered together, want at least %d", memos, len(Languages))
	}
	// A full memory keeps its words and analyses the others afresh.
	en := im.AnalyzerNamed(analyzerEn).(*analysis.DefaultAnalyzer)
	chain, _ := wordChain(en.TokenFilters)
	full := &memoStemmer{inner: chain, m: map[string][]byte{}, max: 3}
	want := tokenDump(en.Analyze([]byte(text)))
	for round := range 2 {
		s := &buildScratch{}
		tokens := full.Filter(s.slab().tokenize([]byte(text), tokenizeWords))
		if got := tokenDump(tokens); got != want {
			t.Errorf("full memory, round %d:\n got %s\nwant %s", round, got, want)
		}
	}
	if len(full.m) != 3 {
		t.Errorf("a memory of 3 words holds %d", len(full.m))
	}
}

func tokenDump(ts analysis.TokenStream) string {
	var b strings.Builder
	for _, t := range ts {
		fmt.Fprintf(&b, "%q@%d:%d-%d/%d ", t.Term, t.Position, t.Start, t.End, t.Type)
	}
	return b.String()
}

// TestTokenizeWordsAsEachWord: the word splitter's shortcut for runs all
// of ASCII gives the tokens eachWord's words make, curly apostrophes
// straightened, whatever the scripts around them.
func TestTokenizeWordsAsEachWord(t *testing.T) {
	for _, text := range []string{
		chainSamples, "can’t won't l'été x’y ’abc abc’ abc' 'abc", "abc同步def 同步’s Sync同步 ab’同",
		"naïve café’s 3.14 1,000 e.g. ΟΔΟΣ’Α", "", "a", "’", "\xff\xfeabc\xff", "ab\u0301c d\u200de",
	} {
		var want []string
		pos := 0
		eachRun(text, func(start, end int, _ bool) bool {
			word := func(s, e int) bool {
				pos++
				want = append(want, fmt.Sprintf("%q@%d:%d-%d", strings.ReplaceAll(text[s:e], "’", "'"), pos, s, e))
				return true
			}
			if !hasCJK(text[start:end]) {
				return word(start, end)
			}
			return eachCJKWord(text, start, end, word)
		})
		var got []string
		tokenizeWords([]byte(text), func(tk analysis.Token) {
			got = append(got, fmt.Sprintf("%q@%d:%d-%d", tk.Term, tk.Position, tk.Start, tk.End))
		})
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%q:\n got %v\nwant %v", text, got, want)
		}
	}
}

// TestForgetDropsChainMemos: every build makes a mapping of its own, with
// analysers of its own, and the memories of their filters together are
// keyed by them; forgetting a build's words drops those memories, or each
// build left its analysers and about 20 entries behind for good.
func TestForgetDropsChainMemos(t *testing.T) {
	chainMemos := func() int {
		n := 0
		langStems.Range(func(k, _ any) bool {
			if _, ok := k.(*analysis.DefaultAnalyzer); ok {
				n++
			}
			return true
		})
		return n
	}
	names := append([]string{analyzerEn, analyzerWords, analyzerHead}, Languages...)
	for build := range 3 {
		im, _ := mappingAndBuilder(t)
		for _, name := range names {
			a := im.AnalyzerNamed(name)
			want := tokenDump(a.Analyze([]byte(chainSamples)))
			tokens, slab := analyzeText(a, []byte(chainSamples), &buildScratch{})
			if got := tokenDump(tokens); got != want {
				t.Errorf("build %d, %s:\n got %s\nwant %s", build, name, got, want)
			}
			slab.release(tokens)
		}
		if chainMemos() == 0 {
			t.Fatalf("build %d remembered no analyser's filters together", build)
		}
		forgetLanguageStems()
		if n := chainMemos(); n != 0 {
			t.Errorf("after build %d, %d memories of analysers' filters are kept", build, n)
		}
	}
}
