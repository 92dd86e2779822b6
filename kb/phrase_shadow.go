package kb

import (
	"fmt"
	"strings"

	"github.com/poisehq/poise/kb/internal/pattern"
)

// shadowedPhrases reports Match patterns that can never fire because an
// earlier row of the chart matches exactly the same words. The tone checker
// gives a word sequence to the first row that claims it, so the later row's
// rewrite would never be offered for those words; usually two rows were
// written for the same phrase and one of them should lose it.
func shadowedPhrases(items []Item) []Problem {
	type owner struct{ it *Item }
	claimed := map[string]owner{}
	var out []Problem
	for i := range items {
		it := &items[i]
		if it.Kind != KindPhrase || it.Phrase == nil {
			continue
		}
		mine := map[string]bool{}
		for _, p := range it.Phrase.Patterns {
			seqs, err := pattern.Compile(p)
			if err != nil {
				continue // reported where the row is built
			}
			reported := map[string]bool{} // one problem per pattern and shadowing row
			for _, s := range seqs {
				k := seqKey(s)
				if mine[k] {
					continue
				}
				o, taken := claimed[k]
				if !taken {
					claimed[k] = owner{it: it}
					mine[k] = true
					continue
				}
				if reported[o.it.ID] {
					continue
				}
				reported[o.it.ID] = true
				out = append(out, Problem{File: it.Source.File, Line: it.Source.Line, Message: sentence(fmt.Sprintf(
					"the row %q never fires for %q: the row %q (%s:%d) already matches those words and is checked first; remove the words from one of the two rows' Match patterns",
					it.Phrase.InsteadOf, seqText(s), o.it.Phrase.InsteadOf, o.it.Source.File, o.it.Source.Line))})
			}
		}
	}
	return out
}

// seqKey is what two sequences share exactly when they match the same words
// in the same way.
func seqKey(s pattern.Seq) string {
	var b strings.Builder
	for _, e := range s {
		b.WriteString(e.Word)
		if e.Wild {
			b.WriteString("*" + e.Suffix)
		}
		b.WriteByte(' ')
	}
	return b.String()
}

// seqText writes a sequence for a person.
func seqText(s pattern.Seq) string {
	return strings.TrimSpace(seqKey(s))
}
