package textsearch

import (
	"bytes"
	"errors"
	"testing"
)

// failAfter is a writer that takes left bytes, then fails as a full disk
// does.
type failAfter struct{ left int }

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.left {
		k := f.left
		f.left = 0
		return k, errors.New("no space left on device")
	}
	f.left -= len(p)
	return len(p), nil
}

// A segment whose file cannot be written whole (a full disk, an I/O
// error), wherever the write fails, is an error of WriteNew, which
// writeSegmentFile returns and the build removes its folder for: a
// segment cut short is never merged into an index as if whole.
func TestWriteNewReportsAWriteFailingAnywhere(t *testing.T) {
	docs := segmentBytesCorpus(true, []int{700})[0]
	full := &failAfter{left: 1 << 40}
	size, err := segmentPlugin.WriteNew(docs, full)
	if err != nil {
		t.Fatal(err)
	}
	for _, cut := range []int64{0, 1, 100, 65535, 65536, 65537, size / 2, size - 21, size - 1} {
		docs := segmentBytesCorpus(true, []int{700})[0]
		_, err := segmentPlugin.WriteNew(docs, &failAfter{left: int(cut)})
		if err == nil {
			t.Errorf("cut at %d of %d: no error", cut, size)
		}
	}
}

// A build worker's SegmentWriter that failed to write a segment (a full
// disk) writes the next one as a fresh writer would: nothing half made
// of the failed one is kept (zapx patch 8).
func TestSegmentWriterAfterAFailedWrite(t *testing.T) {
	var want bytes.Buffer
	if _, err := segmentPlugin.NewSegmentWriter().WriteNew(segmentBytesCorpus(true, []int{700})[0], &want); err != nil {
		t.Fatal(err)
	}
	writer := segmentPlugin.NewSegmentWriter()
	for _, cut := range []int{1 << 40, 100, want.Len() / 2, want.Len() - 1} {
		if _, err := writer.WriteNew(segmentBytesCorpus(true, []int{700})[0], &failAfter{left: cut}); (err == nil) != (cut > want.Len()) {
			t.Fatalf("cut at %d of %d: error %v", cut, want.Len(), err)
		}
		var got bytes.Buffer
		if _, err := writer.WriteNew(segmentBytesCorpus(true, []int{700})[0], &got); err != nil {
			t.Fatal(err)
		}
		// canonical: zapx writes each field's section table in map order
		if !bytes.Equal(canonicalSegment(t, got.Bytes()), canonicalSegment(t, want.Bytes())) {
			t.Fatalf("after a write cut at %d, the next segment (%d bytes) differs from a fresh writer's (%d bytes)", cut, got.Len(), want.Len())
		}
	}
}
