package journal

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// benchWords is a support agent's vocabulary: the first words are drawn
// far more often than the last, as in real writing.
var benchWords = strings.Fields(`the customer was and to a of I her his they call order refund
parcel manager late delivery angry upset waited week again billing charge account password
reset email phone chat store return policy voucher replacement apology supervisor escalate
tracking courier depot warehouse missing damaged broken kettle laptop subscription cancel
renewal invoice payment card declined twice overcharged discount promo code expired
warranty repair engineer appointment missed rescheduled technician router outage internet
slow speed contract fee hidden price increase loyalty offer retention complaint review
public threat lawyer recording transfer hold queue callback promised nobody listened
explained paraphrased acknowledged calm voice shouted swore cried grieving bereavement
elderly confused vulnerable interpreter accessibility hearing patience empathy summary
next steps follow-up ticket reference case notes checked verified identity security fraud
scam suspicious transaction blocked unblocked limit exception approved refused denied
credit goodwill gesture compensation points gift delay apologised thanked relieved happy
satisfied frustrated anxious tired exhausted break coffee colleague team lead coaching
script template checklist guide statement rewrite tone firm boundary abusive warning ended`)

// benchText makes n words of varied text, most of it common words.
func benchText(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteByte(' ')
		}
		// Squaring a uniform draw favours the start of the list.
		f := r.Float64()
		b.WriteString(benchWords[int(f*f*float64(len(benchWords)))])
		if r.IntN(12) == 0 {
			b.WriteString(".")
		}
	}
	return b.String()
}

// benchJournal is an unlocked journal holding n entries of realistic
// length, put in memory directly: the benchmarks measure searching, not
// decrypting.
func benchJournal(b *testing.B, n int) *Journal {
	b.Helper()
	j, _ := newTestJournal(b)
	r := rand.New(rand.NewPCG(1, 2))
	j.mu.Lock()
	for i := range n {
		e := fullEntry()
		e.ID = fmt.Sprintf("bench%05d", i)
		e.When = e.When.Add(-time.Duration(i) * time.Hour)
		e.WhatHappened = benchText(r, 60+r.IntN(120))
		e.WhatITried = benchText(r, 10+r.IntN(40))
		e.WhatWorked = benchText(r, 5+r.IntN(20))
		e.WhatDidnt = benchText(r, 5+r.IntN(20))
		e.Takeaway = benchText(r, 5+r.IntN(15))
		e.Tags = []string{benchWords[r.IntN(len(benchWords))], benchWords[r.IntN(len(benchWords))]}
		j.entries[e.ID] = &stored{e: e, file: e.ID}
	}
	j.mu.Unlock()
	var sets [][]string
	for i := 0; i+3 < len(benchWords); i += 7 {
		sets = append(sets, []string{benchWords[i], benchWords[i+1] + " " + benchWords[i+2], benchWords[i+3]})
	}
	j.UseSynonyms(sets)
	return j
}

// BenchmarkSearchReady5000 is how long an unlocked journal of 5,000
// entries takes to answer its first search from the full index (not the
// stopgap word match): building the index, then one query. Target: under
// 1 s.
func BenchmarkSearchReady5000(b *testing.B) {
	j := benchJournal(b, 5000)
	if err := j.WarmSearch(); err != nil {
		b.Fatal(err)
	}
	cpu0 := cpuTime()
	for b.Loop() {
		j.mu.Lock() // drop the index, as a lock does
		j.index.close()
		j.index = nil
		j.mu.Unlock()
		if err := j.WarmSearch(); err != nil {
			b.Fatal(err)
		}
		hits, err := j.SearchHits(context.Background(), "manager parc", 20)
		if err != nil || len(hits) == 0 {
			b.Fatalf("hits %d, err %v", len(hits), err)
		}
	}
	b.StopTimer()
	// CPU time says what the wall time would be on an idle machine, which
	// a shared 2-core build box rarely is.
	b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
}
