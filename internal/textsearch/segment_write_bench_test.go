package textsearch

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	bdoc "github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
)

// BenchmarkWriteSegment is the segment side of an offline build: four
// segments of 2,500 analysed documents (words drawn from 40,000 by
// Zipf's law, as a real vault's are) written to files by
// writeSegmentFile (zapx), then merged into one. cpu-s/op is what load
// on the machine cannot inflate; merge-cpu-s/op and merge-s/op are the
// merge's own CPU and wall time.
func BenchmarkWriteSegment(b *testing.B) {
	corpus := zipfCorpus(4, 2500)
	b.ReportAllocs()
	var cpu, mergeCPU, mergeWall time.Duration
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		cpu0 := processCPU(b)
		b.StartTimer()
		var files []string
		writer := segmentPlugin.NewSegmentWriter() // one worker's
		for k, docs := range corpus {
			file := filepath.Join(dir, fmt.Sprintf("%08x.zap", k))
			if err := writeSegmentFile(writer, docs, file); err != nil {
				b.Fatal(err)
			}
			files = append(files, file)
		}
		merge0, mergeCPU0 := time.Now(), processCPU(b)
		if err := mergeSegments(context.Background(), files, filepath.Join(dir, "merged.zap")); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		mergeWall += time.Since(merge0)
		mergeCPU += processCPU(b) - mergeCPU0
		cpu += processCPU(b) - cpu0
		b.StartTimer()
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	// The merge alone: a build's last step, which nothing else overlaps.
	b.ReportMetric(mergeCPU.Seconds()/float64(b.N), "merge-cpu-s/op")
	b.ReportMetric(mergeWall.Seconds()/float64(b.N), "merge-s/op")
}

// processCPU is the CPU time this process has used.
func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// zipfCorpus is segments of n analysed documents each, a title, a body
// and a second-language body with term vectors and a facet field.
func zipfCorpus(segments, n int) [][]index.Document {
	words := analysis.DefaultAnalyzer{
		Tokenizer:    unicode.NewUnicodeTokenizer(),
		TokenFilters: []analysis.TokenFilter{lowercase.NewLowerCaseFilter()},
	}
	keyword := analysis.DefaultAnalyzer{Tokenizer: singleToken{}}
	rng := rand.New(rand.NewPCG(4, 40))
	zipf := rand.NewZipf(rng, 1.1, 2, 40000)
	text := func(n int) []byte {
		var b []byte
		for i := range n {
			if i > 0 {
				b = append(b, ' ')
			}
			b = fmt.Appendf(b, "w%x", zipf.Uint64())
		}
		return b
	}
	out := make([][]index.Document, segments)
	for k := range segments {
		for i := range n {
			d := bdoc.NewDocument(fmt.Sprintf("doc-%06d", k*n+i))
			d.AddField(bdoc.NewTextFieldCustom("title", nil, text(1+rng.IntN(8)),
				index.IndexField|index.StoreField|index.IncludeTermVectors, &words))
			d.AddField(bdoc.NewTextFieldCustom("body", nil, text(20+rng.IntN(300)),
				index.IndexField|index.IncludeTermVectors, &words))
			d.AddField(bdoc.NewTextFieldCustom("body_de", nil, text(rng.IntN(40)),
				index.IndexField|index.IncludeTermVectors, &words))
			d.AddField(bdoc.NewTextFieldCustom("kind", nil, []byte{'a' + byte(rng.IntN(6))}, facetOptions, &keyword))
			d.AddIDField()
			out[k] = append(out[k], analyzed(d))
		}
	}
	return out
}
