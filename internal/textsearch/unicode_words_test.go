package textsearch

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
)

// unicodeWordSamples hold every case the shortcut decides itself and
// every kind of character it leaves to the segmenter.
var unicodeWordSamples = []string{
	"", " ", "a", "Die Benutzer schreiben Notizen.", "l'été est là, n'est-ce pas ?",
	"e.g. i.e. a.b.c a..b a.1 1.a 3.14 1,000 1;2 1:2 a:b a,b a;b 1'2 a'b 'a' a' 'a",
	"v1.2.3 abc123 123abc 12ab34 a1.b2 1.5.3 ..a.. ,1, 1, ,1 :a: a:",
	"Ⱥx ΟΔΟΣ Ελληνικά: «λέξη»; Настройки синхронизации — между устройствами…",
	"snake_case _a a_ __ a_1 1_a", "tab\tsep\vvt\fff\r\nline\nend",
	"über straße ÆØÅ æøå ŀl ĳ ǅ ʼn ʰʲ ˢ µ ª º", "a\u00adb soft\u00ad hyphen",
	"a\u0301b e\u0301 \u0301x combining", "mid\u00b7dot ano\u0387teleia greek\u037equestion",
	"nbsp\u00a0here en\u2013dash em\u2014dash ‘curly’ “quotes” don’t",
	"同步冲突 ノートの同期 カタカナ ひらがな 한국어", "إعدادات المزامنة", "डिवाइसों के बीच", "עברית \"quoted\" א\"ב",
	"🇫🇷🇩🇪 👍🏽 emoji👍word", "a\x00b\x1fc", "\xff\xfe bad \xc3 utf8 \xe2\x82", "good \xff then bad", "ok \xe2\x82", "x 1 a1 1a . ' : , ;",
	"Numbers: 1.000,50 € 12:30 3/4 50% #tag @user http://example.com/a_b?c=d&e=f",
	"Ellipsis... and — dashes -- and (parens) [brackets] {braces} <angle>",
	"ʼapostrophe-letter U+02BC", "Ǆemal ǈ ǋ", "Ͱͱ Ϳ ϶ Ϸ ҂ ҃ Ԩ ԯ Ա",
	"mixed Latinкириллица ελληνικάLatin", "   leading and trailing   ",
}

// unicodeTokens is what tokenize makes of text, one line per token.
func unicodeTokens(tokenize func([]byte, func(analysis.Token)), text string) []string {
	var out []string
	tokenize([]byte(text), func(t analysis.Token) {
		out = append(out, fmt.Sprintf("%q %d-%d #%d %v", t.Term, t.Start, t.End, t.Position, t.Type))
	})
	return out
}

// segmenterTokens is what Bleve's Unicode tokenizer makes of text.
func segmenterTokens(text string) []string {
	return unicodeTokens(func(in []byte, emit func(analysis.Token)) { segmentWords(in, 0, len(in), 1, emit) }, text)
}

// TestUnicodeWordsMatchSegmenter: the shortcut splits words exactly as the
// segmenter does (terms, offsets, positions and types), alone and within
// longer texts, and, with POISE_VAULT_DIR set, over every line of a vault.
func TestUnicodeWordsMatchSegmenter(t *testing.T) {
	check := func(text string) {
		t.Helper()
		got, want := unicodeTokens(tokenizeUnicode, text), segmenterTokens(text)
		if !slices.Equal(got, want) {
			t.Fatalf("%q:\n got %q\nwant %q\nfirst difference: %s", text, got, want, firstDiff(got, want))
		}
	}
	for _, a := range unicodeWordSamples {
		check(a)
		for _, b := range unicodeWordSamples {
			check(a + " " + b)
			check(a + b)
		}
	}
	check(strings.Join(unicodeWordSamples, "\n"))
	dir := os.Getenv("POISE_VAULT_DIR")
	if dir == "" {
		return
	}
	files := 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		check(string(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d files of %s split alike", files, dir)
}

// FuzzUnicodeWords: for any text, the shortcut and the segmenter agree.
func FuzzUnicodeWords(f *testing.F) {
	for _, s := range unicodeWordSamples {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		got, want := unicodeTokens(tokenizeUnicode, text), segmenterTokens(text)
		if !slices.Equal(got, want) {
			t.Fatalf("%q:\n got %q\nwant %q", text, got, want)
		}
	})
}
