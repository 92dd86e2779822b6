package textsearch

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	bdoc "github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
)

// The segment files an offline build writes, and the one it merges them
// into, as upstream zapx v17.2.5 wrote them for segmentBytesCorpus
// (recorded with upstream: go.mod without its replace, writeSegmentFile
// making the segment with New and writing it with its WriteTo). The
// patches in third_party/zapx may only change how a segment is made,
// never a byte of it.
const (
	upstreamSegmentsSHA256       = "bb88f4b63e284b2a50f3c4d008a4b34fc772fa661595b14f5427b9f6376075e5"
	upstreamMergedSHA256         = "e298ca20f392d13ebc8316a68490bb8c922df84f7c1c5198f3f225cfaa2ab8c7"
	upstreamUnevenSegmentsSHA256 = "1241cd02bd2d9ebf12d59b369b55c60b61994188f1f3a0b2b090eff3e9396a93"
	upstreamLargeSegmentsSHA256  = "fd4ffc37e23641d885ab738987d50ad295a74ac3ce266dacf63a1392520f04fd"
	upstreamLargeSHA256          = "b189ef2d2736b44e5a14f86fb0a8ef81ab052abb8334ee4873f0fa30aca9822a"
	upstreamUnevenSHA256         = "e298ca20f392d13ebc8316a68490bb8c922df84f7c1c5198f3f225cfaa2ab8c7"
)

// TestSegmentBytesMatchUpstream: segments written by writeSegmentFile
// from a fixed corpus, and merged by mergeSegments (once with every
// segment listing the same fields, once not: zapx merges the two ways),
// are byte for byte the files upstream zapx wrote. The corpus uses only
// Bleve's own fields and analysers, so the figures move only when Bleve
// or zapx do.
func TestSegmentBytesMatchUpstream(t *testing.T) {
	for _, tc := range []struct {
		name                string
		padded              bool
		sizes               []int
		wantSegs, wantMerge string
	}{
		{"same fields", true, []int{700, 700, 700, 700, 700}, upstreamSegmentsSHA256, upstreamMergedSHA256},
		{"uneven fields", false, []int{700, 700, 700, 700, 700}, upstreamUnevenSegmentsSHA256, upstreamUnevenSHA256},
		// Terms in more than 4,096 documents of a segment: more than one
		// roaring array container holds.
		{"large segment", true, []int{5000, 300}, upstreamLargeSegmentsSHA256, upstreamLargeSHA256},
	} {
		t.Run(tc.name, func(t *testing.T) {
			checkSegmentBytes(t, segmentBytesCorpus(tc.padded, tc.sizes), tc.wantSegs, tc.wantMerge)
		})
	}
}

// checkSegmentBytes writes each of segments to a file as an offline build
// does, merges the files, and compares the hashes of the segments and of
// the merged one (canonicalSegment's form) with those upstream zapx wrote.
func checkSegmentBytes(t *testing.T, segments [][]index.Document, wantSegs, wantMerge string) {
	t.Helper()
	gotSegs, gotMerge := segmentHashes(t, segments)
	if gotSegs != wantSegs {
		t.Errorf("segments hash %s, upstream zapx wrote %s", gotSegs, wantSegs)
	}
	if gotMerge != wantMerge {
		t.Errorf("merged segment hash %s, upstream zapx wrote %s", gotMerge, wantMerge)
	}
}

// segmentHashes writes each of segments to a file as an offline build
// does and merges the files: the hash of the segments and that of the
// merged one, in canonicalSegment's form.
func segmentHashes(t *testing.T, segments [][]index.Document) (segsHash, mergedHash string) {
	t.Helper()
	dir := t.TempDir()
	segs := sha256.New()
	var files []string
	writer := segmentPlugin.NewSegmentWriter() // reused, as a build worker does
	for k, docs := range segments {
		file := filepath.Join(dir, fmt.Sprintf("%08x.zap", k))
		if err := writeSegmentFile(writer, docs, file); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		segs.Write(canonicalSegment(t, b))
		files = append(files, file)
	}
	out := filepath.Join(dir, "merged.zap")
	if err := mergeSegments(context.Background(), files, out); err != nil {
		t.Fatal(err)
	}
	merged, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(canonicalSegment(t, merged))
	return hex.EncodeToString(segs.Sum(nil)), hex.EncodeToString(sum[:])
}

// segmentBytesCorpus is segments of the sizes given (merged, 3,500
// documents cross zapx's 1,024-document chunks) with the kinds of fields an
// offline build writes: text with term vectors, stored and not, a facet
// field with doc values, a keyword field, a field only some documents
// have, in two segments only (every segment lists it when padded), multi-byte words, terms in
// one document and in most. No synonym document: with a second section
// holding data, zapx writes the sections in map order (new.go, convert),
// so no two runs of upstream wrote the same bytes.
func segmentBytesCorpus(padded bool, sizes []int) [][]index.Document {
	words := analysis.DefaultAnalyzer{
		Tokenizer:    unicode.NewUnicodeTokenizer(),
		TokenFilters: []analysis.TokenFilter{lowercase.NewLowerCaseFilter()},
	}
	keyword := analysis.DefaultAnalyzer{Tokenizer: singleToken{}}
	vocab := strings.Fields("refund late parcel angry sorry customer invoice billing " +
		"paramètres synchronisation конфликт синхронизации 同步 冲突 সিংক দ্বন্দ্ব " +
		"αρχείο θέμα café naïve the a of to and in order return delivery")
	rng := rand.New(rand.NewPCG(10, 24))
	sentence := func(n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(vocab[rng.IntN(len(vocab))])
			if rng.IntN(9) == 0 {
				fmt.Fprintf(&b, " w%d", rng.IntN(5000)) // rare terms
			}
		}
		return b.String()
	}
	kinds := []string{"guide", "phrase", "matrix", "note"}
	out := make([][]index.Document, len(sizes))
	first := 0
	for k, perSegment := range sizes {
		var docs []index.Document
		for i := range perSegment {
			n := first + i
			d := bdoc.NewDocument(fmt.Sprintf("doc-%05d", n))
			d.AddField(bdoc.NewTextFieldCustom("title", nil, []byte(sentence(1+rng.IntN(6))),
				index.IndexField|index.StoreField|index.IncludeTermVectors, &words))
			d.AddField(bdoc.NewTextFieldCustom("body", nil, []byte(sentence(5+rng.IntN(120))),
				index.IndexField|index.IncludeTermVectors, &words))
			d.AddField(bdoc.NewTextFieldCustom("kind", nil, []byte(kinds[rng.IntN(len(kinds))]),
				facetOptions, &keyword))
			d.AddField(bdoc.NewTextFieldCustom("id_kw", nil, []byte(fmt.Sprintf("k%d", n%97)),
				index.IndexField|index.SkipFreqNorm, &keyword))
			d.AddField(bdoc.NewTextFieldWithIndexingOptions("stored", nil, []byte(sentence(3)), index.StoreField))
			if k%2 == 1 && n%3 == 0 {
				d.AddField(bdoc.NewTextFieldCustom("body_de", nil, []byte(sentence(10)), index.IndexField, &words))
			} else if padded && i == perSegment-1 {
				f := bdoc.NewTextFieldCustom("body_de", nil, nil, index.IndexField, &words)
				d.AddField(f)
			}
			d.AddIDField()
			docs = append(docs, d)
		}
		for _, d := range docs {
			analyzed(d)
		}
		out[k] = docs
		first += perSegment
	}
	return out
}

// singleToken is a tokenizer making the whole input one token (Bleve's
// keyword tokenizer, without the registry).
type singleToken struct{}

func (singleToken) Tokenize(input []byte) analysis.TokenStream {
	return analysis.TokenStream{{Term: input, Start: 0, End: len(input), Position: 1, Type: analysis.AlphaNumeric}}
}

// canonicalSegment is seg, a zapx v17 segment file, with each field's
// table of section addresses in section order and the checksum zeroed:
// zapx writes those tables in the order Go ranges over its map of
// sections (write.go, persistFieldsSection), which differs run to run,
// and the checksum covers them. Nothing else is touched.
func canonicalSegment(t *testing.T, seg []byte) []byte {
	t.Helper()
	out := slices.Clone(seg)
	n := len(out)
	clear(out[n-4:]) // the checksum, last in the footer
	// Footer, backwards: checksum, version, chunk mode (4 bytes each),
	// sections index offset, stored index offset, document count (8).
	sections := binary.BigEndian.Uint64(out[n-20:])
	pos := int(sections)
	fields, k := binary.Uvarint(out[pos:])
	pos += k
	for f := range int(fields) {
		at := int(binary.BigEndian.Uint64(out[pos+8*f:]))
		nameLen, k := binary.Uvarint(out[at:])
		at += k + int(nameLen)
		_, k = binary.Uvarint(out[at:]) // options
		at += k
		count, k := binary.Uvarint(out[at:])
		at += k
		const rec = 2 + 8 // section type, address
		recs := make([][]byte, count)
		for i := range recs {
			recs[i] = slices.Clone(out[at+i*rec : at+(i+1)*rec])
		}
		slices.SortFunc(recs, func(a, b []byte) int {
			return int(binary.BigEndian.Uint16(a)) - int(binary.BigEndian.Uint16(b))
		})
		for i, r := range recs {
			copy(out[at+i*rec:], r)
		}
	}
	return out
}
