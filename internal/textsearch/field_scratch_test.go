package textsearch

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

// TestScratchReuseIndexesTheSame: an offline build, whose workers make
// every segment's fields in memory reused from the segment before (see
// buildScratch), indexes exactly the terms, counts and stored values of
// an index built with fresh memory for every document, in every field
// and language, and answers queries the same. Were the segment builder to
// keep a reference into that memory, later segments would overwrite the
// terms of earlier ones and this would fail. The documents' own texts and
// stored values are made in that memory too (Corpus.DocIn, DocMemory).
func TestScratchReuseIndexesTheSame(t *testing.T) {
	texts := []struct{ lang, text string }{
		{"", "The customer's parcel weren’t delivered; refunds ARE processing"},
		{"fr", "Les paramètres de synchronisation d'un appareil à l'autre"},
		{"zh", "两个设备同时编辑同一个笔记时会产生同步冲突"},
		{"ru", "Настройки синхронизации между устройствами"},
		{"de", "Die Synchronisierung der Notizen über Geräte hinweg"},
		{"ja", "ノートの同期設定とカタカナ、ひらがな"},
		{"ar", "إعدادات المزامنة بين الأجهزة والملاحظات"},
	}
	const n, size = 300, 16 // 19 segments: each worker reuses its memory many times
	c := &Corpus{
		Hash: "scratch-reuse", Len: n,
		Doc: func(i int) (string, Document) {
			tx := texts[i%len(texts)]
			// Words of their own in every document, so a segment's terms
			// differ from the one written before it in the same memory.
			own := fmt.Sprintf("word%d unique%dterm", i, i*7)
			d := Document{
				Title: fmt.Sprintf("%s %d %s", strings.Fields(tx.text)[0], i, own), Signals: own,
				Body: strings.Repeat(tx.text+" "+own+". ", 1+i%5), Lang: tx.lang,
				Kind: []string{"guide", "matrix", "phrase"}[i%3], Source: fmt.Sprintf("pack%d", i%4),
				Stored: fmt.Appendf(nil, `{"i":%d}`, i),
			}
			if i%3 == 0 {
				d.Tags = []string{"refund", fmt.Sprintf("tag%d", i)}
				d.Emotions = []string{"angry", "calm"}
			}
			return fmt.Sprintf("id-%03d", i), d
		},
		Synonyms: [][]string{{"refund", "money back"}},
	}
	c.DocIn = func(i int, m *DocMemory) (string, Document) {
		id, d := c.Doc(i)
		d.Title, d.Signals, d.Body = m.String([]byte(d.Title)), m.String([]byte(d.Signals)), m.String([]byte(d.Body))
		d.Stored = m.Bytes(d.Stored)
		return id, d
	}
	mem, disk := memoryAndDisk(t, c, size)
	fields, err := mem.bi.Fields()
	if err != nil {
		t.Fatal(err)
	}
	if len(fields) < 10 {
		t.Fatalf("only %d fields: %v", len(fields), fields)
	}
	for _, f := range fields {
		got, want := dictionary(t, disk, f), dictionary(t, mem, f)
		if !slices.Equal(got, want) {
			t.Errorf("field %s: %d terms on disk, %d in memory; first difference: %s", f, len(got), len(want), firstDiff(got, want))
		}
	}
	for i := range n {
		id, d := c.Doc(i)
		got, err := disk.Stored(id)
		if err != nil || string(got) != string(d.Stored) {
			t.Fatalf("%s: stored %q, %v; want %q", id, got, err, d.Stored)
		}
	}
	for _, q := range []string{"refund", "parcel delivered", "paramètres", "同步冲突", "word123", "unique861term", "Notizen", "word123 unique861term", "unique861term word123"} {
		a, err := disk.Search(context.Background(), Query{Text: q, Limit: 10}, noTexts{})
		if err != nil {
			t.Fatal(err)
		}
		b, err := mem.Search(context.Background(), Query{Text: q, Limit: 10}, noTexts{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Total == 0 || a.Total != b.Total || fmt.Sprint(a.Hits) != fmt.Sprint(b.Hits) {
			t.Errorf("%q: on disk %d %v, in memory %d %v", q, a.Total, a.Hits, b.Total, b.Hits)
		}
	}
}

// dictionary is every term of field in ix with the number of documents
// a term query for it finds. The dictionary's own counts are not used: in
// a merged segment zapx v17 writes a term of one document "1-hit"
// encoded, and its dictionary iterator, reusing one PostingsList whose
// read does not clear that, reports 1 for every later term (dict.go
// DictionaryIterator.Next, posting.go PostingsList.read); scorch.Builder's
// merged index is the same.
func dictionary(t *testing.T, ix *Index, field string) []string {
	t.Helper()
	d, err := ix.bi.FieldDict(field)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var out []string
	for e, err := d.Next(); e != nil || err != nil; e, err = d.Next() {
		if err != nil {
			t.Fatal(err)
		}
		q := bleve.NewTermQuery(e.Term)
		q.SetField(field)
		res, err := ix.bi.Search(bleve.NewSearchRequestOptions(q, 0, 0, false))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%q=%d", e.Term, res.Total))
	}
	return out
}

// TestScratchResetKeepsNothing: once reset, a scratch's maps are empty and
// its memory holds no pointer to what the last segment's documents held.
func TestScratchResetKeepsNothing(t *testing.T) {
	s := &buildScratch{}
	f := s.field("body", nil, 0, nil, "late parcel")
	m := s.freqMap(3)
	tf := s.freq()
	tf.Term = f.value[:4]
	m["late"] = tf
	if string(f.value) != "late parcel" || f.scratch != s {
		t.Fatalf("field %+v", f)
	}
	s.reset()
	if len(m) != 0 {
		t.Errorf("a lent map keeps %d terms after reset", len(m))
	}
	if f.value != nil || f.name != "" || f.scratch != nil {
		t.Errorf("a field keeps %+v after reset", f)
	}
	if tf.Term != nil {
		t.Errorf("a TokenFreq keeps %q after reset", tf.Term)
	}
	if again := s.freqMap(3); len(again) != 0 {
		t.Errorf("a reused map holds %v", again)
	}
	for i := range 100_000 { // past one block of everything
		f := s.field("f", nil, 0, nil, strings.Repeat("x", i%50))
		s.freq().Term = []byte("x")
		_ = append(s.fieldList(2), f, f)
	}
	s.reset()
	for _, b := range s.lists.blocks {
		for _, f := range b {
			if f != nil {
				t.Fatal("a block of field lists keeps a field after reset")
			}
		}
	}
	for _, b := range s.fields.blocks {
		for _, f := range b {
			if f.value != nil {
				t.Fatal("a field block keeps a value after reset")
			}
		}
	}
	for _, b := range s.freqs.blocks {
		for _, f := range b {
			if f.Term != nil {
				t.Fatal("a TokenFreq block keeps a term after reset")
			}
		}
	}
}
