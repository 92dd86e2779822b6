package mdparse

import (
	"strings"
	"testing"
)

// alone looked at the rest of a wikilink's line by copying it, for every
// wikilink: a note of 40,000 wikilinks on one line (700 KB) took 1.7 s to
// scan and 10 s to load, growing with the square of the line. It reads
// only as far as the first thing beside the link, copying nothing.
func TestAloneReadsNoMoreThanItMust(t *testing.T) {
	src := []byte("# Links\n\n" + strings.Repeat("[[T]] ", 2000) + "\n> [[Alone]]  \n \t[[Not]] alone\n")
	d := ScanNotes(src)
	if len(d.Wikilinks) != 2002 {
		t.Fatalf("%d wikilinks", len(d.Wikilinks))
	}
	for i, w := range d.Wikilinks {
		if want := i == 2000; w.Alone != want {
			t.Errorf("wikilink %d %q: alone %v, want %v", i, src[w.Start:w.End], w.Alone, want)
		}
	}
	mid := d.Wikilinks[1000]
	if n := testing.AllocsPerRun(10, func() { d.alone(mid.Start, mid.End) }); n != 0 {
		t.Errorf("alone allocated %v times for a link in a long line", n)
	}
}
