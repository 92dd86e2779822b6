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

// A first build by "poise search" says, once every item is indexed, that
// it is finishing the index: on a large library the merge and the writes
// after "indexed N of N items" took 4-9 s of a 45 s build at load 18.
func TestIndexProgressSaysWhenItSaves(t *testing.T) {
	var stderr strings.Builder
	c := &cli{env: Env{Stderr: &stderr}}
	progress := c.indexProgress()
	progress(500, 2000)
	progress(2000, 2000)
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if last := lines[len(lines)-1]; !strings.Contains(last, "2000 of 2000") || !strings.Contains(last, "finishing") {
		t.Errorf("stderr ends with %q; want all 2000 items indexed and that the index is being finished", last)
	}
}

// Reading the packs before a first build counts the files read, about once
// a second, so the seconds before indexing starts do not look stuck; a
// small library says nothing.
func TestReadProgressCountsFilesOnceASecond(t *testing.T) {
	var stderr strings.Builder
	c := &cli{env: Env{Stderr: &stderr}}
	read := c.readProgress(3000)
	for range 1500 {
		read()
	}
	if stderr.Len() != 0 {
		t.Fatalf("within the first second it printed %q; want nothing yet", stderr.String())
	}
	time.Sleep(1100 * time.Millisecond)
	read()
	for range 100 {
		read() // within the same second: no more lines
	}
	if got, want := stderr.String(), "poise: read 1501 of 3000 files\n"; got != want {
		t.Errorf("stderr = %q, want %q", got, want)
	}
	for range 3000 - 1601 + 1 {
		read() // the last file is counted at once, and nothing beyond the total
	}
	if got, want := stderr.String(), "poise: read 1501 of 3000 files\npoise: read 3000 of 3000 files\n"; got != want {
		t.Errorf("after the last file stderr = %q, want %q", got, want)
	}

	stderr.Reset()
	small := c.readProgress(10)
	time.Sleep(1100 * time.Millisecond)
	for range 10 {
		small()
	}
	if stderr.Len() != 0 {
		t.Errorf("a library of 10 files printed %q; want nothing", stderr.String())
	}
}
