package textsearch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/RoaringBitmap/roaring/v2"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// closeAfter is a merge's stats reporter that closes the merge's closeCh
// once cut bytes are written, as Bleve's merger or a cancelled build
// closes it at any moment.
type closeAfter struct {
	cut, written uint64
	closeCh      chan struct{}
}

func (c *closeAfter) ReportBytesWritten(n uint64) {
	c.written += n
	if c.written >= c.cut && c.cut > 0 {
		close(c.closeCh)
		c.cut = 0
	}
}

// zapxGoroutines lists the goroutines running zapx code: after a merge
// returns there must be none (zapx patch 7's FST feeder and the walk
// ahead end with the merge, whatever stopped it).
func zapxGoroutines() string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var left []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		if strings.Contains(g, "blevesearch/zapx") {
			left = append(left, g)
		}
	}
	return strings.Join(left, "\n\n")
}

// waitNoZapxGoroutine waits a little for goroutines that are ending.
func waitNoZapxGoroutine(t *testing.T, what string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		left := zapxGoroutines()
		if left == "" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: zapx goroutines left running:\n%s", what, left)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// A merge stopped half way, by its closeCh or by a write that fails (a
// full disk, here the file size limit), returns an error, never hangs,
// and leaves no goroutine behind.
func TestMergeStoppedAnywhereEndsItsGoroutines(t *testing.T) {
	dir := t.TempDir()
	writer := segmentPlugin.NewSegmentWriter()
	var segs []segment.Segment
	defer func() {
		for _, s := range segs {
			s.Close()
		}
	}()
	for k, docs := range zipfCorpus(3, 1500) {
		file := filepath.Join(dir, fmt.Sprintf("%08x.zap", k))
		if err := writeSegmentFile(writer, docs, file); err != nil {
			t.Fatal(err)
		}
		s, err := segmentPlugin.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		segs = append(segs, s)
	}
	drops := make([]*roaring.Bitmap, len(segs))
	out := filepath.Join(dir, "merged.zap")
	if _, _, err := segmentPlugin.Merge(segs, drops, out, nil, nil); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	size := uint64(fi.Size())
	if err := os.Remove(out); err != nil {
		t.Fatal(err)
	}
	waitNoZapxGoroutine(t, "a whole merge")
	cuts := []uint64{1, 4096, size / 8, size / 4, size / 3, size / 2, 2 * size / 3, size - 4096}

	for _, cut := range cuts {
		stop := &closeAfter{cut: cut, closeCh: make(chan struct{})}
		done := make(chan error, 1)
		go func() {
			_, _, err := segmentPlugin.Merge(segs, drops, out, stop.closeCh, stop)
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, segment.ErrClosed) {
				t.Errorf("closed after %d of %d bytes: error %v, want ErrClosed", cut, size, err)
			}
		case <-time.After(2 * time.Minute):
			t.Fatalf("closed after %d of %d bytes: the merge hangs:\n%s", cut, size, zapxGoroutines())
		}
		os.Remove(out)
		waitNoZapxGoroutine(t, fmt.Sprintf("closed after %d of %d bytes", cut, size))
	}

	var limit syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &limit); err != nil {
		t.Fatal(err)
	}
	for _, cut := range cuts {
		if cut < 65536 {
			continue // under the merge's write buffer
		}
		done := make(chan error, 1)
		func() {
			// Go ignores SIGXFSZ: a write past the limit fails (EFBIG)
			// as on a full disk.
			small := syscall.Rlimit{Cur: cut, Max: limit.Max}
			if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &small); err != nil {
				t.Skipf("cannot limit file sizes: %v", err)
			}
			defer syscall.Setrlimit(syscall.RLIMIT_FSIZE, &limit)
			go func() {
				_, _, err := segmentPlugin.Merge(segs, drops, out, nil, nil)
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil {
					t.Errorf("files limited to %d of %d bytes: the merge wrote no error", cut, size)
				}
			case <-time.After(2 * time.Minute):
				t.Fatalf("files limited to %d of %d bytes: the merge hangs:\n%s", cut, size, zapxGoroutines())
			}
		}()
		os.Remove(out)
		waitNoZapxGoroutine(t, fmt.Sprintf("files limited to %d of %d bytes", cut, size))
	}
}
