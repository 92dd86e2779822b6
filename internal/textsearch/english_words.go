package textsearch

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/sethvargo/go-diceware/diceware"
)

// customerWords are everyday words of people on a difficult call that the
// EFF list (made for passphrases, so free of insults and tears) leaves out.
// A word here is never "corrected" into a word of the content: "weeping"
// must not become "keeping".
const customerWords = `
abuse abused abusive accuse accused angry annoyed apologise apologize
appalling argue argued arguing arrogant ashamed awful bawling berate
bereaved betrayed bloody blubbering bully bullying callback cancelled
cheat cheated cheating clueless complain complained complaint conned
crook crooks crying cursing deceit deceive deceived dishonest disgrace
disgusted disgusting distraught dumb fed fraud fraudster fuming furious
gutted hang hung idiot idiots ignorant ignored incompetent insult insulted
insulting interrupt interrupted interrupting irate lied liar liars livid
lying moron muppet nasty offended offensive outraged overcharge pathetic
patronising patronizing pointless racist rant ranting refund refunded
rip ripped rude ruder sack sacked scam scammed scream screamed screaming
sexist shout shouted shouting shouts snapped sob sobbed sobbing sobs
stupid sue swearing swore tearful tears terrible thief thieves threaten
threatened threatening upset useless weep weeping weeps wept whinge
whining worst yell yelled yelling
drunk drunken tipsy slurring slurred sober hammered wasted stoned
male female gender accent flirt flirted flirting flirty creep creepy
sexual lonely chatty hangs
`

// english is the set of stems of known English words: the EFF large
// passphrase list (7,776 common words, embedded in a Go module) plus
// customerWords. It is built once, on the first query that needs it.
var english = sync.OnceValue(func() map[string]bool {
	words := strings.Fields(customerWords)
	list := diceware.WordListEffLarge()
	if n, ok := list.(diceware.WordListNumWordser); ok {
		words = make([]string, 0, n.NumWords()+len(words))
		words = append(words, strings.Fields(customerWords)...)
	}
	// The list is keyed by dice rolls: five digits of 1 to 6.
	for a := 1; a <= 6; a++ {
		for b := 1; b <= 6; b++ {
			for c := 1; c <= 6; c++ {
				for d := 1; d <= 6; d++ {
					for e := 1; e <= 6; e++ {
						if w := list.WordAt(a*10000 + b*1000 + c*100 + d*10 + e); w != "" {
							words = append(words, w)
						}
					}
				}
			}
		}
	}
	set := make(map[string]bool, 2*len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
})

// scowlSmall is SCOWL's size-35 word list (Debian's wamerican-small and
// wbritish-small, lower-case words of three letters or more, about 41,000):
// the EFF list alone left out everyday words such as "prospect", which
// were then "corrected" into a word of the content ("respect").
//
//go:embed wordlist/scowl_small.txt.gz
var scowlSmall []byte

// wider is the sorted SCOWL list, read once on first use.
var wider = sync.OnceValue(func() []string {
	zr, err := gzip.NewReader(bytes.NewReader(scowlSmall))
	if err != nil {
		return nil
	}
	text, err := io.ReadAll(io.LimitReader(zr, 4<<20))
	if err != nil {
		return nil
	}
	words := strings.Fields(string(text))
	slices.Sort(words)
	return words
})

// isEnglish reports whether the typed word, or its stem, is a common
// English word (the EFF list or customerWords): one never corrected.
func isEnglish(word, stem string) bool {
	set := english()
	return set[word] || stem != "" && set[stem]
}

// isRareEnglish reports whether word is in the wider SCOWL list. Such a
// word is corrected only by one dropped letter put back ("manger" is a
// word, but on a support call it is "manager"), never by a substitution.
func isRareEnglish(word string) bool {
	_, found := slices.BinarySearch(wider(), word)
	return found
}
