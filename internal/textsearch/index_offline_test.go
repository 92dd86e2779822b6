package textsearch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	index "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// TestOfflineBuildFailureLeavesNothing: a build that fails part-way (a
// document without an id, many spans still to analyse) returns the error,
// leaves no goroutine running and no directory behind.
func TestOfflineBuildFailureLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	c := &Corpus{Hash: "offline-failure", Len: 400, Doc: func(i int) (string, Document) {
		if i == 250 {
			return "", Document{Title: "no id"}
		}
		return fmt.Sprintf("id-%d", i), Document{Title: "late parcel", Body: "refund"}
	}}
	if _, _, err := buildStored(context.Background(), dir, c.Hash, c, BuildHooks{}, DefaultOpenTimeout, 20); err == nil {
		t.Fatal("build with a document without an id succeeded")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("failed build left %v", entries)
	}
	deadline := time.Now().Add(2 * time.Second)
	for {
		buf := make([]byte, 1<<20)
		stacks := string(buf[:runtime.Stack(buf, true)])
		if !strings.Contains(stacks, "textsearch.buildOffline") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("a goroutine of the failed build is still running:\n%s", stacks)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestOfflineBuildIsOneSegment: a stored build is written as one segment
// holding every document and synonym set, with the values kept beside
// the documents, and answers like an index built in memory.
func TestOfflineBuildIsOneSegment(t *testing.T) {
	const n = 500
	c := &Corpus{
		Hash: "offline-one-segment", Len: n,
		Doc: func(i int) (string, Document) {
			return fmt.Sprintf("id-%03d", i), Document{Title: fmt.Sprintf("parcel %d", i), Body: "the refund is late", Kind: "guide"}
		},
		Synonyms: [][]string{{"refund", "money back"}},
		Internal: map[string][]byte{"poise.test": []byte("kept")},
	}
	disk, path, err := buildStored(context.Background(), t.TempDir(), c.Hash, c, BuildHooks{}, DefaultOpenTimeout, 64)
	if err != nil {
		t.Fatal(err)
	}
	defer disk.Close()
	segs, err := os.ReadDir(path + "/store")
	if err != nil {
		t.Fatal(err)
	}
	zaps := 0
	for _, e := range segs {
		if strings.HasSuffix(e.Name(), ".zap") {
			zaps++
		}
	}
	if zaps != 1 {
		t.Errorf("%d segments on disk, want 1: %v", zaps, segs)
	}
	if v, err := disk.Internal("poise.test"); err != nil || string(v) != "kept" {
		t.Errorf("kept value %q, %v", v, err)
	}
	mem, err := BuildMemory(context.Background(), c, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	for _, q := range []string{"money back", "parc", "refund late"} {
		a, err := disk.Search(context.Background(), Query{Text: q, Limit: 5}, noTexts{})
		if err != nil {
			t.Fatal(err)
		}
		b, err := mem.Search(context.Background(), Query{Text: q, Limit: 5}, noTexts{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Total != b.Total || a.Total == 0 || fmt.Sprint(a.Hits) != fmt.Sprint(b.Hits) {
			t.Errorf("%q: on disk %d %v, in memory %d %v", q, a.Total, a.Hits, b.Total, b.Hits)
		}
	}
}

// TestOfflineBuildCancelled: a build cancelled while its segments are
// written, or once the last is written and before they are merged, stops
// with the context's error and leaves no directory behind.
func TestOfflineBuildCancelled(t *testing.T) {
	for _, at := range []string{"first segment", "last segment"} {
		t.Run(at, func(t *testing.T) {
			dir := t.TempDir()
			c := &Corpus{Hash: "offline-cancel", Len: 300, Doc: func(i int) (string, Document) {
				return fmt.Sprintf("id-%d", i), Document{Title: "late parcel", Body: "refund"}
			}}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			progress := func(done, total int) {
				if done > 0 && (at == "first segment" || done == total) {
					cancel()
				}
			}
			_, _, err := buildStored(ctx, dir, c.Hash, c, BuildHooks{Progress: progress}, DefaultOpenTimeout, 20)
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("cancelled build returned %v", err)
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("cancelled build left %v", entries)
			}
		})
	}
}

// TestMergeSegmentsCancelled: a merge whose context is cancelled stops
// with the context's error.
func TestMergeSegmentsCancelled(t *testing.T) {
	_, db := mappingAndBuilder(t)
	c := &Corpus{Len: 200, Doc: func(i int) (string, Document) {
		return fmt.Sprintf("id-%d", i), Document{Title: fmt.Sprintf("parcel %d", i), Body: "refund"}
	}}
	dir := t.TempDir()
	files, err := writeSegments(context.Background(), dir, db, c, nil, nil, 50, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 4 {
		t.Fatalf("%d segments, want 4", len(files))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := mergeSegments(ctx, files, dir+"/merged.zap"); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled merge returned %v", err)
	}
	if err := mergeSegments(context.Background(), files, dir+"/merged.zap"); err != nil {
		t.Errorf("merge after a cancelled one: %v", err)
	}
}

// TestTempSegmentMatchesPersist: a segment written for the merge by
// writeSegmentFile (zapx's WriteNew, straight to the file, unsynced) is
// the same file as the one zapx's own New and Persist write (but for the
// order of each field's section table, which zapx takes from a map), and
// opens.
func TestTempSegmentMatchesPersist(t *testing.T) {
	_, db := mappingAndBuilder(t)
	var docs []index.Document
	for i := range 30 {
		bd := db.newBleveDoc(fmt.Sprintf("id-%d", i), Document{Title: fmt.Sprintf("parcel %d", i), Body: "the refund is late", Kind: "guide", Stored: []byte("kept")}, false)
		bd.AddIDField()
		docs = append(docs, analyzed(bd))
	}
	dir := t.TempDir()
	ours, theirs := filepath.Join(dir, "ours.zap"), filepath.Join(dir, "theirs.zap")
	if err := writeSegmentFile(segmentPlugin.NewSegmentWriter(), docs, ours); err != nil {
		t.Fatal(err)
	}
	seg, _, err := segmentPlugin.New(docs)
	if err != nil {
		t.Fatal(err)
	}
	defer seg.Close()
	if err := seg.(segment.UnpersistedSegment).Persist(theirs); err != nil {
		t.Fatal(err)
	}
	a, err := os.ReadFile(ours)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(theirs)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(canonicalSegment(t, a), canonicalSegment(t, b)) {
		t.Fatalf("written segment (%d bytes) differs from the persisted one (%d bytes)", len(a), len(b))
	}
	opened, err := segmentPlugin.Open(ours)
	if err != nil {
		t.Fatal(err)
	}
	defer opened.Close()
	if opened.Count() != 30 {
		t.Errorf("written segment holds %d documents, want 30", opened.Count())
	}
	if err := writeSegmentFile(segmentPlugin.NewSegmentWriter(), docs, ours); err == nil {
		t.Error("a second write over an existing segment file succeeded")
	}
}
