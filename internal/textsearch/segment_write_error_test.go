package textsearch

import (
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
