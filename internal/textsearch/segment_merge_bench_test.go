package textsearch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkMergeSegments is an offline build's final merge alone: eight
// segments of 2,500 documents (zipfCorpus), written once, merged into one
// each time; POISE_MERGE_SEGMENTS=dir merges the *.zap files in dir
// instead (a real build's, kept from its segments folder). ns/op against
// cpu-s/op shows how much of the merge runs on a second core: the merge
// is the one part of a build nothing else runs beside.
func BenchmarkMergeSegments(b *testing.B) {
	dir := b.TempDir()
	var files []string
	from := os.Getenv("POISE_MERGE_SEGMENTS")
	n := 8
	if from != "" {
		n = 0
	}
	writer := segmentPlugin.NewSegmentWriter()
	for k, docs := range zipfCorpus(n, 2500) {
		file := filepath.Join(dir, fmt.Sprintf("%08x.zap", k))
		if err := writeSegmentFile(writer, docs, file); err != nil {
			b.Fatal(err)
		}
		files = append(files, file)
	}
	if from != "" {
		var err error
		if files, err = filepath.Glob(filepath.Join(from, "*.zap")); err != nil || len(files) == 0 {
			b.Fatalf("no segments in %s: %v", from, err)
		}
	}
	out := filepath.Join(dir, "merged.zap")
	b.ReportAllocs()
	var cpu time.Duration
	for b.Loop() {
		cpu0 := processCPU(b)
		if err := mergeSegments(context.Background(), files, out); err != nil {
			b.Fatal(err)
		}
		cpu += processCPU(b) - cpu0
		b.StopTimer()
		if err := os.Remove(out); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}
