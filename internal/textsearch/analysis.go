package textsearch

import (
	"bytes"
	"reflect"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	porterstemmer "github.com/blevesearch/go-porterstemmer"
)

// tokenizerName is Poise's word splitter, used by every text analysis so
// the index, queries and highlighting agree on what a word is.
const tokenizerName = "poise_tokenizer"

// stemmerName is the Porter stemmer with a memory: text repeats the same
// few thousand words, and stemming each occurrence afresh (with two
// allocations) was a large share of a build.
const stemmerName = "poise_porter"

func init() {
	err := registry.RegisterTokenizer(tokenizerName, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		return wordTokenizer{}, nil
	})
	if err != nil {
		panic(err)
	}
	err = registry.RegisterTokenFilter(stemmerName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return stems, nil
	})
	if err != nil {
		panic(err)
	}
}

// stems is shared by every index in the process: a word's stem never
// changes.
var stems = &stemFilter{m: map[string][]byte{}}

type stemFilter struct {
	mu sync.RWMutex
	m  map[string][]byte
}

// stemMemoryMax bounds the memory; past it the memory starts again.
const stemMemoryMax = 200_000

func (f *stemFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		if t.KeyWord || len(t.Term) < 3 {
			continue // the Porter stemmer leaves words under 3 letters alone
		}
		t.Term = f.stem(t.Term)
	}
	return input
}

// stem returns the stem of a lower-case word. The result is shared and
// must not be modified.
func (f *stemFilter) stem(w []byte) []byte {
	f.mu.RLock()
	st, ok := f.m[string(w)]
	f.mu.RUnlock()
	if ok {
		return st
	}
	key, st := wordAndStem(w, func(kv []byte) []byte { return appendPorterStem(kv, w) })
	f.mu.Lock()
	if len(f.m) >= stemMemoryMax {
		clear(f.m)
	}
	f.m[key] = st
	f.mu.Unlock()
	return st
}

// appendPorterStem appends the Porter stem of w, a lower-case word, to b.
func appendPorterStem(b, w []byte) []byte {
	for _, r := range porterstemmer.StemWithoutLowerCasing(bytes.Runes(w)) {
		b = utf8.AppendRune(b, r)
	}
	return b
}

// porterStem is the Porter stem of w, a lower-case word, in new memory.
func porterStem(w []byte) []byte {
	return appendPorterStem(make([]byte, 0, len(w)), w)
}

// wordAndStem is a memory's key for word and the stem appendStem appends
// to it, in one allocation rather than one for each: a build remembers
// a few hundred thousand words.
func wordAndStem(word []byte, appendStem func([]byte) []byte) (string, []byte) {
	kv := appendStem(append(make([]byte, 0, 2*len(word)+4), word...))
	return unsafe.String(unsafe.SliceData(kv), len(word)), kv[len(word):len(kv):len(kv)]
}

// wordTokenizer splits text as eachWord does. It replaces Bleve's Unicode
// word-boundary tokenizer, which costs a tenth of a build, and keeps
// apostrophes inside words so "can't" meets the stop list whole; curly
// apostrophes are straightened.
type wordTokenizer struct{}

func (wordTokenizer) Tokenize(input []byte) analysis.TokenStream {
	guess := len(input)/6 + 1
	ts := make(analysis.TokenStream, 0, guess)
	// Tokens come from slabs rather than one allocation each, which was a
	// seventh of a build; a full slab is left to its tokens and another
	// started, so pointers stay valid.
	slab := make([]analysis.Token, 0, guess)
	tokenizeWords(input, func(t analysis.Token) {
		if len(slab) == cap(slab) {
			slab = make([]analysis.Token, 0, guess)
		}
		slab = append(slab, t)
		ts = append(ts, &slab[len(slab)-1])
	})
	return ts
}

// tokenizeWords hands emit the tokens of input, as wordTokenizer makes them.
func tokenizeWords(input []byte, emit func(analysis.Token)) {
	s := unsafe.String(unsafe.SliceData(input), len(input))
	pos := 0
	eachWordASCII(s, func(start, end int, ascii bool) bool {
		pos++
		term := input[start:end:end]
		if !ascii && strings.Contains(s[start:end], "’") {
			term = []byte(strings.ReplaceAll(s[start:end], "’", "'"))
		}
		emit(analysis.Token{Start: start, End: end, Term: term, Position: pos, Type: analysis.AlphaNumeric})
		return true
	})
}

// langStems remembers the stems of Bleve's language stemmers (Danish to
// Turkish) and the words of its language normalisers (Arabic, German,
// Spanish, Persian, Hindi…), one memory per filter type: they are pure
// functions of a word, without settings, and each makes two or three
// allocations per word where a body repeats the same few thousand words.
var langStems sync.Map // reflect.Type or *analysis.DefaultAnalyzer (chainMemo) -> *memoStemmer, or nil

// langStemMemoryMax bounds each language's memory, smaller than the
// English one's: a library may hold many languages, each rarely more than
// a few thousand distinct words.
const langStemMemoryMax = 50_000

// forgetLanguageStems empties every language stemmer's memory, so the
// words of a build are not kept for the life of the program: only builds
// and updates use them, and a map keeps its room when cleared. The
// memories of analysers' filters together (chainMemo) are dropped, not
// emptied: they are keyed by the analysers of one build's mapping, and
// each build makes a new mapping, so kept they added about 20 entries and
// 235 KB of analysers for the life of the program with every build.
func forgetLanguageStems() {
	langStems.Range(func(k, v any) bool {
		if _, ok := k.(*analysis.DefaultAnalyzer); ok {
			langStems.Delete(k) // a build still running makes another
			return true
		}
		if m := v.(*memoStemmer); m != nil {
			m.mu.Lock()
			m.m = map[string][]byte{}
			m.mu.Unlock()
		}
		return true
	})
}

// memoStemmer is a language stemmer or normaliser with a memory (see
// langStems), or an analyser's filters together (chainMemo).
type memoStemmer struct {
	inner analysis.TokenFilter
	mu    sync.RWMutex
	m     map[string][]byte // a word dropped by a filter (a stop word) has a nil stem
	max   int               // the most words remembered
}

// remembered is tf with a memory when it is a language stemmer or
// normaliser, else tf.
func remembered(tf analysis.TokenFilter) analysis.TokenFilter {
	t := reflect.TypeOf(tf)
	if v, ok := langStems.Load(t); ok {
		if m := v.(*memoStemmer); m != nil {
			return m
		}
		return tf
	}
	var m *memoStemmer
	if t.Kind() == reflect.Pointer && langPackage(t.Elem().PkgPath()) &&
		(strings.Contains(t.Elem().Name(), "Stemmer") || strings.Contains(t.Elem().Name(), "Normalize")) {
		m = &memoStemmer{inner: tf, m: map[string][]byte{}, max: langStemMemoryMax}
	}
	v, _ := langStems.LoadOrStore(t, m)
	if m := v.(*memoStemmer); m != nil {
		return m
	}
	return tf
}

// langPackage reports whether pkg holds one language's analysis: Bleve's,
// or the copy of its Croatian one (hr/doc.go).
func langPackage(pkg string) bool {
	return strings.HasPrefix(pkg, "github.com/blevesearch/bleve/v2/analysis/lang/") || pkg == "github.com/poisehq/poise/internal/textsearch/hr"
}

func (f *memoStemmer) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := input[:0] // the words kept, in place, as the stop filter does
	for i, t := range input {
		var st []byte
		ok, full := false, false
		if !t.KeyWord { // left alone by some stemmers: not worth remembering
			f.mu.RLock()
			st, ok = f.m[string(t.Term)]
			full = len(f.m) >= f.max
			f.mu.RUnlock()
		}
		if t.KeyWord || !ok && full {
			// Filtered without the memory. A full memory keeps the words
			// met first, the frequent ones, rather than starting again: a
			// word past them is filtered each time. The inner filter is
			// handed input[i:i+1], not a stream of its own: one allocation
			// less per word it sees.
			if len(f.inner.Filter(input[i:i+1])) > 0 {
				out = append(out, t)
			}
			continue
		}
		if !ok {
			// The word is copied before the stemmer sees it, and its stem
			// after: the stemmer may change the text it is given or return
			// part of it.
			kept := true
			var word string
			word, st = wordAndStem(t.Term, func(kv []byte) []byte {
				if len(f.inner.Filter(input[i:i+1])) == 0 {
					kept = false
					return kv
				}
				return append(kv, t.Term...)
			})
			if !kept {
				st = nil
			}
			f.mu.Lock()
			if len(f.m) < f.max {
				f.m[word] = st
			}
			f.mu.Unlock()
		}
		if st == nil {
			continue // dropped
		}
		t.Term = st
		out = append(out, t)
	}
	return out
}
