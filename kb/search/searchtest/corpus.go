// Package searchtest generates large, realistic libraries for benchmarks
// of search and of the screens that show its results. Nothing here is for
// production use.
package searchtest

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/poisehq/poise/kb"
)

// Corpus is a generated library with what benchmarks need to query it.
type Corpus struct {
	Library *kb.Library
	// Vocabulary lists every distinct word, most frequent first.
	Vocabulary []string
	// Tags and Emotions are the values items were tagged with.
	Tags     []string
	Emotions []string
}

// commonWords lead the vocabulary so the most frequent words look like
// English: function words first, then the words of support calls.
var commonWords = strings.Fields(`the to and a of you i it is that in for your
this we on my with be have not can will me what are so if was they at do
but all as about your just get know there this one out up when now or an
would time call back order help sorry today them here let how more please
make need want right still been had from by then their see check account
refund delivery charge customer payment card money email team manager
problem issue week day hours date number phone service product item price
fee bill plan contract store online address tracking parcel package
replacement return exchange credit discount offer code login password
reset locked access data privacy cancel subscription renewal trial
warranty repair engineer appointment install wait hold queue reply
complaint review policy terms rules agent supervisor escalate note
follow promise apologize understand listen calm angry upset frustrated
worried confused disappointed impatient embarrassed grieving distrustful
overwhelmed sceptical hurt late lost broken damaged wrong missing double
twice hidden extra again third never always nobody someone`)

var emotions = []string{"angry", "frustrated", "anxious", "confused", "disappointed", "impatient",
	"embarrassed", "grieving", "distrustful", "overwhelmed", "sceptical", "hurt"}

// syllables build made-up words to reach a realistic vocabulary size
// without shipping a dictionary.
var (
	onsets = strings.Fields("b bl br c ch cl cr d dr f fl fr g gl gr h j k l m n p pl pr qu r s sc sh sl sm sn sp st str t th tr v w wh y z")
	nuclei = strings.Fields("a e i o u ai ea ee oo ou ie")
	codas  = append(strings.Fields("b ck d ft g l ld lk ll m mp n nd ng nk nt p r rd rk rm rn rt s sh sk st t th x"), "", "", "")
	suffix = append(strings.Fields("ing ed er ly ment ness tion able s es ful"), "", "", "", "", "")
)

// Generate builds a library of n items over a vocabulary of at least
// vocab distinct words with Zipf-distributed frequencies. The same seed
// gives the same library.
func Generate(n, vocab int, seed uint64) *Corpus {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	words := vocabulary(rng, vocab)
	zipf := rand.NewZipf(rand.New(rand.NewPCG(seed+1, seed)), 1.07, 2, uint64(len(words)-1))
	word := func() string { return words[zipf.Uint64()] }
	// Mid-frequency words make titles and tags, as real titles do.
	midWord := func() string { return words[60+rng.IntN(min(len(words)-60, 3000))] }
	sentence := func(min, max int) string {
		k := min + rng.IntN(max-min+1)
		parts := make([]string, k)
		for i := range parts {
			parts[i] = word()
		}
		s := strings.Join(parts, " ")
		return strings.ToUpper(s[:1]) + s[1:] + "."
	}
	text := func(nWords int) string {
		var b strings.Builder
		for got := 0; got < nWords; {
			k := 6 + rng.IntN(14)
			k = min(k, nWords-got)
			if k < 3 {
				k = nWords - got
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(sentence(k, k))
			got += k
		}
		return b.String()
	}
	title := func() string {
		k := 2 + rng.IntN(4)
		parts := make([]string, k)
		for i := range parts {
			parts[i] = midWord()
		}
		t := strings.Join(parts, " ")
		return strings.ToUpper(t[:1]) + t[1:]
	}
	tags := make([]string, 200)
	for i := range tags {
		tags[i] = midWord()
	}
	pick := func(from []string, lo, hi int) []string {
		k := lo + rng.IntN(hi-lo+1)
		out := make([]string, 0, k)
		for range k {
			out = append(out, from[rng.IntN(len(from))])
		}
		return out
	}

	packIDs := []string{"builtin", "acme-support", "front-desk", "billing-team"}
	packs := make([]*kb.Pack, len(packIDs))
	for i, id := range packIDs {
		packs[i] = &kb.Pack{Manifest: kb.Manifest{ID: id, Name: id, Version: "1.0.0"}, Builtin: i == 0}
	}
	// Synonym sets of related mid-frequency words, some multi-word.
	for i := range 80 {
		set := kb.SynonymSet{midWord(), midWord()}
		if i%3 == 0 {
			set = append(set, midWord()+" "+midWord())
		}
		packs[i%len(packs)].Synonyms = append(packs[i%len(packs)].Synonyms, set)
	}

	for i := range n {
		p := packs[min(len(packs)-1, i*len(packs)/n)]
		kind := kindFor(rng)
		it := kb.Item{
			ID:       fmt.Sprintf("%s/%s/item-%05d", p.Manifest.ID, kind, i),
			Pack:     p.Manifest.ID,
			Kind:     kind,
			Title:    title(),
			Summary:  sentence(8, 16),
			Tags:     pick(tags, 1, 5),
			Emotions: pick(emotions, 0, 3),
		}
		body := text(50 + rng.IntN(251))
		it.Body = body
		switch kind {
		case kb.KindStatement, kb.KindPhrase:
			it.Text = sentence(10, 24)
			it.Category = "When the customer is " + emotions[rng.IntN(len(emotions))]
		case kb.KindMatrix:
			it.Text = sentence(14, 30)
			for range 3 + rng.IntN(3) {
				it.Signals = append(it.Signals, sentence(5, 12))
			}
			it.Situations = pick(tags, 1, 3)
			it.Category = title()
		default:
			it.Text = body
		}
		p.Items = append(p.Items, it)
	}
	return &Corpus{Library: kb.NewLibrary(packs...), Vocabulary: words, Tags: tags, Emotions: emotions}
}

// kindFor draws a kind with the proportions of the bundled content:
// mostly statements, then guide sections, matrix concerns and phrases.
func kindFor(rng *rand.Rand) kb.Kind {
	switch r := rng.IntN(100); {
	case r < 40:
		return kb.KindStatement
	case r < 60:
		return kb.KindGuide
	case r < 75:
		return kb.KindMatrix
	case r < 88:
		return kb.KindPhrase
	case r < 93:
		return kb.KindChecklist
	default:
		return kb.KindTemplate
	}
}

// vocabulary returns at least n distinct words, common English first.
func vocabulary(rng *rand.Rand, n int) []string {
	seen := map[string]bool{}
	var words []string
	for _, w := range commonWords {
		if !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	for len(words) < n {
		var b strings.Builder
		for range 1 + rng.IntN(3) {
			b.WriteString(onsets[rng.IntN(len(onsets))])
			b.WriteString(nuclei[rng.IntN(len(nuclei))])
			b.WriteString(codas[rng.IntN(len(codas))])
		}
		b.WriteString(suffix[rng.IntN(len(suffix))])
		w := b.String()
		if len(w) >= 3 && !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	return words
}

// Typo returns w with two neighbouring letters swapped, as fast typing
// does; words shorter than four letters come back unchanged.
func Typo(w string, rng *rand.Rand) string {
	if len(w) < 4 {
		return w
	}
	i := 1 + rng.IntN(len(w)-2)
	b := []byte(w)
	b[i], b[i+1] = b[i+1], b[i]
	return string(b)
}
