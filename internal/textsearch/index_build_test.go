package textsearch

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// TestBuildErrorLeavesNoGoroutine fails a build in its first batches, with
// many batches left to hand out: the build must return its error and leave
// nothing behind. The hand-rolled worker pool left the goroutine handing out
// batches blocked forever.
func TestBuildErrorLeavesNoGoroutine(t *testing.T) {
	im, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	bi, err := bleve.NewUsing("", im, scorch.Name, scorch.Name, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer bi.Close()
	c := &Corpus{
		Len: 50,
		// An empty id cannot be indexed.
		Doc: func(int) (string, Document) { return "", Document{Title: "late parcel"} },
	}
	if _, err := fillIndex(context.Background(), bi, im, c, nil, 1); err == nil {
		t.Fatal("build of documents without ids succeeded")
	}
	deadline := time.Now().Add(2 * time.Second)
	for {
		buf := make([]byte, 1<<20)
		stacks := string(buf[:runtime.Stack(buf, true)])
		if !strings.Contains(stacks, "textsearch.(*Corpus).fill") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("a goroutine of the failed build is still running:\n%s", stacks)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestBalancedBatch(t *testing.T) {
	for _, tt := range []struct{ total, size, cores, want int }{
		{3000, 2500, 2, 1500},
		{48050, 2500, 2, 2403}, // 20 batches, ten per core
		{100, 2500, 2, 50},
		{1, 2500, 4, 1},
		{0, 2500, 2, 2500},
		{10000, 2500, 1, 2500},
	} {
		if got := balancedBatch(tt.total, tt.size, tt.cores); got != tt.want {
			t.Errorf("balancedBatch(%d, %d, %d) = %d, want %d", tt.total, tt.size, tt.cores, got, tt.want)
		}
	}
}
