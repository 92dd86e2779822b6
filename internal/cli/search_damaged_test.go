package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A kept index damaged on disk (a disk fault, or a file Poise did not
// write) made "poise search" panic inside zapx; it is built again instead
// and the search answers.
func TestSearchRebuildsADamagedIndex(t *testing.T) {
	dataDir := t.TempDir()
	if code, _, stderr := run(t, "--data-dir", dataDir, "search", "refund"); code != ExitOK {
		t.Fatalf("first search: exit %d, %s", code, stderr)
	}
	segs, _ := filepath.Glob(filepath.Join(dataDir, "index", "*", "store", "*.zap"))
	if len(segs) != 1 {
		t.Fatalf("kept index segments: %v", segs)
	}
	b, err := os.ReadFile(segs[0])
	if err != nil {
		t.Fatal(err)
	}
	// The first stored documents' lengths (what a search reads for
	// every hit) become nonsense, the rest of the segment intact.
	for i := 9; i < 4096; i++ {
		b[i] = 0xfe
	}
	if err := os.WriteFile(segs[0], b, 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "--data-dir", dataDir, "search", "refund")
	if code != ExitOK || !strings.Contains(stdout, "1. ") {
		t.Fatalf("search of a damaged index: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "damaged") {
		t.Errorf("not said that the index was damaged and built again: %s", stderr)
	}
	if code, _, stderr := run(t, "--data-dir", dataDir, "search", "refund"); code != ExitOK || strings.Contains(stderr, "damaged") {
		t.Errorf("search after the rebuild: exit %d, %s", code, stderr)
	}
}
