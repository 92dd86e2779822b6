package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/poisehq/poise/internal/datadir"
)

// A search started while another poise holds the data folder (a first
// search building the index) waits for it and then uses the index it kept,
// instead of building a second, throwaway index in memory: on a large
// library that doubles the time, the memory and the machine's load.
func TestSearchWaitsForAnotherBuild(t *testing.T) {
	dataDir := t.TempDir()
	held, err := datadir.Open(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var code int
	var stdout, stderr string
	go func() {
		defer close(done)
		code, stdout, stderr = run(t, "--data-dir", dataDir, "search", "refund")
	}()
	select {
	case <-done:
		held.Close()
		t.Fatalf("the search answered while another poise held the data folder (exit %d, stderr %q); want it to wait", code, stderr)
	case <-time.After(700 * time.Millisecond):
	}
	held.Close()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("the search did not finish once the data folder was free")
	}
	if code != ExitOK || !strings.Contains(stdout, "refund") || !strings.Contains(stderr, "waiting") {
		t.Errorf("exit %d, stdout %q, stderr %q; want results and a word that it waited", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dataDir, "index", "library.state")); err != nil {
		t.Errorf("no index kept after the wait: %v", err)
	}
}
