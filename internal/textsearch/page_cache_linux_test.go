//go:build linux

package textsearch

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bdoc "github.com/blevesearch/bleve/v2/document"
	index "github.com/blevesearch/bleve_index_api"
	"golang.org/x/sys/unix"

	"github.com/poisehq/poise/internal/residency/smapstest"
)

// Reading one page of the segment an offline build merged, mapped as
// Bleve maps it, leaves at most the kernel's fault-around (64 KB) of it
// resident in this process, not the megabytes zapx wrote at once
// (dropFromPageCache; on file systems without large folios this holds
// either way).
func TestMergedSegmentReadsLeaveLittleResident(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	var files []string
	for s := range 2 {
		var docs []index.Document
		for i := range 1500 {
			var b strings.Builder
			for range 300 {
				fmt.Fprintf(&b, "w%x ", rng.IntN(1<<20))
			}
			d := bdoc.NewDocument(fmt.Sprintf("doc-%d-%d", s, i))
			d.AddField(bdoc.NewTextField("body", nil, []byte(b.String())))
			d.AddField(bdoc.NewTextFieldWithIndexingOptions("_stored", nil, []byte(b.String()), index.StoreField))
			d.AddIDField()
			docs = append(docs, analyzed(d))
		}
		seg, _, err := segmentPlugin.New(docs)
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, fmt.Sprintf("%08x.zap", s))
		if err := seg.(interface{ Persist(string) error }).Persist(file); err != nil {
			t.Fatal(err)
		}
		seg.Close()
		files = append(files, file)
	}
	out := filepath.Join(dir, "merged.zap")
	if err := mergeSegments(context.Background(), files, out); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	if info.Size() < 4<<20 {
		t.Fatalf("merged segment of %d bytes: too small to tell folio sizes apart", info.Size())
	}
	m, err := unix.Mmap(int(f.Fd()), 0, int(info.Size()), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Munmap(m)
	middle := (len(m) / 2) &^ (1<<20 - 1) // a megabyte boundary, where a folio of the buffer's writes begins
	if m[middle+4096] == 0 && m[middle+8192] == 0 {
		t.Log("read zeros") // only the read matters
	}
	if kb := smapstest.FileKB(t, out); kb > 64 {
		t.Errorf("one page read left %d kB of the merged segment resident, want at most 64", kb)
	}
}
