package textsearch

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	bdoc "github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
)

// TestSegmentBytesMatchUpstreamAtTheEdges is TestSegmentBytesMatchUpstream
// for the segments its corpus does not make: of one document, of many
// fields (some empty, some in one document only), and of more than 65,536
// documents, whose terms in every document fill a roaring container
// (written as a run) and reach its second one. The hashes were recorded
// with upstream zapx v17.2.5 (go.mod without its replace, each segment
// made with New and written with WriteTo).
func TestSegmentBytesMatchUpstreamAtTheEdges(t *testing.T) {
	for _, tc := range []struct {
		name                string
		sizes               []int
		fields              int
		wantSegs, wantMerge string
	}{
		{"one document", []int{1}, 3, upstreamEdgeOneSegs, upstreamEdgeOneMerged},
		{"one document each", []int{1, 1, 1}, 3, upstreamEdgeEachSegs, upstreamEdgeEachMerged},
		{"many fields", []int{300, 5, 40}, 40, upstreamEdgeFieldsSegs, upstreamEdgeFieldsMerged},
		{"over 65,536 documents", []int{66000, 7}, 2, upstreamEdgeLargeSegs, upstreamEdgeLargeMerged},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if testing.Short() && tc.sizes[0] > 65536 {
				t.Skip("a large segment")
			}
			checkSegmentBytes(t, edgeSegmentCorpus(tc.sizes, tc.fields), tc.wantSegs, tc.wantMerge)
		})
	}
}

const (
	upstreamEdgeOneSegs      = "12d5565fed76dd9c8d9faa359018fe69fd82192c28b68a6ec4b70c294dec3260"
	upstreamEdgeOneMerged    = "12d5565fed76dd9c8d9faa359018fe69fd82192c28b68a6ec4b70c294dec3260"
	upstreamEdgeEachSegs     = "6c9eceb74ed2022d5c80505f834185f5d361731e2ccf60906e771b93b93f9b46"
	upstreamEdgeEachMerged   = "951f9ea18d11690513026066f84b7c85eadd47cb65fad28adbe1264deb14fdaf"
	upstreamEdgeFieldsSegs   = "8fd6b951c90454c32e1c29ddcb41007844ec37193d6640f8b8ff081455b5c3f5"
	upstreamEdgeFieldsMerged = "727f72cc74065067bee93596f697222e4a91ba38b8ae950b3c78503a38fd8c31"
	upstreamEdgeLargeSegs    = "1f776b48c083d1014f66ccf53427f41877c89ded67a4e4f9e3f3ff83095703e9"
	upstreamEdgeLargeMerged  = "9e49fda666d9c18f237df0729cb16065feb99bd10240b0648e0e02658273466c"
)

// edgeSegmentCorpus is segments of the sizes given, their documents of
// fields fields: the first holds "all" in every document and "half" in
// every second one; the others, with options of every kind an offline
// build uses, are often empty or missing, and hold words of several
// scripts and terms found in one document only.
func edgeSegmentCorpus(sizes []int, fields int) [][]index.Document {
	words := analysis.DefaultAnalyzer{
		Tokenizer:    unicode.NewUnicodeTokenizer(),
		TokenFilters: []analysis.TokenFilter{lowercase.NewLowerCaseFilter()},
	}
	keyword := analysis.DefaultAnalyzer{Tokenizer: singleToken{}}
	vocab := strings.Fields("refund late 同步 冲突 синхронизации paramètres সিংক αρχείο café")
	rng := rand.New(rand.NewPCG(24, 10))
	options := []index.FieldIndexingOptions{
		index.IndexField | index.StoreField | index.IncludeTermVectors,
		index.IndexField | index.IncludeTermVectors,
		facetOptions,
		index.IndexField | index.SkipFreqNorm,
		index.IndexField,
		index.StoreField,
	}
	out := make([][]index.Document, len(sizes))
	n := 0
	for k, size := range sizes {
		docs := make([]index.Document, 0, size)
		for range size {
			d := bdoc.NewDocument(fmt.Sprintf("e%06d", n))
			first := "all"
			if n%2 == 0 {
				first += " half"
			}
			d.AddField(bdoc.NewTextFieldCustom("first", nil, []byte(first), index.IndexField|index.IncludeTermVectors, &words))
			for f := 1; f < fields; f++ {
				var text string
				switch r := rng.IntN(6); {
				case r == 0 && size > 1:
					continue // missing
				case r == 1:
					text = "" // empty
				default:
					text = vocab[rng.IntN(len(vocab))]
					if rng.IntN(3) == 0 {
						text += fmt.Sprintf(" once%d", n) // in one document only
					}
				}
				o := options[f%len(options)]
				an := analysis.Analyzer(&words)
				if o == facetOptions {
					an = &keyword
				}
				d.AddField(bdoc.NewTextFieldCustom(fmt.Sprintf("field%02d", f), nil, []byte(text), o, an))
			}
			d.AddIDField()
			docs = append(docs, analyzed(d))
			n++
		}
		out[k] = docs
	}
	return out
}
