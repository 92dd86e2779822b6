package textsearch

import (
	"context"
	"fmt"
	"slices"
	"testing"
)

// mixedCorpus is n documents in runs of run: English with tags, French,
// German, Chinese, English without tags.
func mixedCorpus(hash string, n, run int) *Corpus {
	return &Corpus{Hash: hash, Len: n, Doc: func(i int) (string, Document) {
		d := Document{Title: fmt.Sprintf("parcel %d", i), Kind: "guide", Stored: []byte("kept")}
		switch (i / run) % 5 {
		case 0:
			d.Body, d.Tags = "the refund is late", []string{"refund"}
		case 1:
			d.Body, d.Lang = "le remboursement est en retard", "fr"
		case 2:
			d.Body, d.Lang = "die Rückerstattung ist verspätet", "de"
		case 3:
			d.Body, d.Lang = "退款延迟了", "zh"
		case 4:
			d.Body = "the parcel never came"
		}
		return fmt.Sprintf("id-%04d", i), d
	}}
}

// TestOfflineSegmentsShareFields: the segments of an offline build list
// the same fields, whatever languages and tags their documents have, and
// whether or not they hold the synonym documents (only the first does),
// so zapx merges them by copying (see index_pad.go).
func TestOfflineSegmentsShareFields(t *testing.T) {
	im, db := mappingAndBuilder(t)
	c := mixedCorpus("", 250, 50)
	c.Synonyms = [][]string{{"refund", "reimbursement"}, {"parcel", "package"}}
	syn, err := synonymsFor(im, c.Synonyms)
	if err != nil {
		t.Fatal(err)
	}
	synDocs, err := synonymDocuments(im, syn)
	if err != nil {
		t.Fatal(err)
	}
	files, err := writeSegments(context.Background(), t.TempDir(), db, c, synDocs, nil, 50, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 2 {
		t.Fatalf("%d segments, want several", len(files))
	}
	var first []string
	for i, f := range files {
		seg, err := segmentPlugin.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		fields := seg.Fields()
		seg.Close()
		if i == 0 {
			first = fields
			continue
		}
		if !slices.Equal(fields, first) {
			t.Errorf("segment %d lists fields %v, segment 0 %v", i, fields, first)
		}
	}
}

// TestPaddedFieldsNotSearched: the empty language fields every segment of
// an offline build is given are not among the fields a query looks its
// words up in; the languages the documents have are, as in memory.
func TestPaddedFieldsNotSearched(t *testing.T) {
	for _, c := range []*Corpus{mixedCorpus("pad-langs", 250, 50), mixedCorpus("pad-english", 40, 50)} {
		mem, disk := memoryAndDisk(t, c, 50)
		names := func(ix *Index) []string {
			var out []string
			for _, lf := range ix.langs {
				out = append(out, lf.field)
			}
			return out
		}
		if a, b := names(mem), names(disk); !slices.Equal(a, b) {
			t.Errorf("%s: query languages in memory %v, on disk %v", c.Hash, a, b)
		}
		for _, q := range []string{"remboursement", "Rückerstattung", "退款", "refund", "parc"} {
			a, err := mem.Search(context.Background(), Query{Text: q, Limit: 5}, noTexts{})
			if err != nil {
				t.Fatal(err)
			}
			b, err := disk.Search(context.Background(), Query{Text: q, Limit: 5}, noTexts{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Total != b.Total || fmt.Sprint(a.Hits) != fmt.Sprint(b.Hits) {
				t.Errorf("%s %q: in memory %d %v, on disk %d %v", c.Hash, q, a.Total, a.Hits, b.Total, b.Hits)
			}
		}
	}
	_, english := memoryAndDisk(t, mixedCorpus("pad-english-only", 40, 50), 10)
	if len(english.langs) != 0 {
		t.Errorf("an English library searches language fields %v", english.langs)
	}
}
