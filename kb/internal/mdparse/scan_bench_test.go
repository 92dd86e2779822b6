package mdparse

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkScanVault makes the blocks of every note of POISE_VAULT_DIR
// (or of the repository's markdown) read into memory first, on one
// goroutine, as a loading worker does: the CPU of parsing alone, without
// reading files or building items.
func BenchmarkScanVault(b *testing.B) {
	root := os.Getenv("POISE_VAULT_DIR")
	if root == "" {
		root = "../../.."
	}
	var notes [][]byte
	size := 0
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := os.ReadFile(p)
		notes = append(notes, src)
		size += len(src)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	var lines []int
	for b.Loop() {
		for _, src := range notes {
			d := ScanNotesInto(src, &lines)
			d.FillBlocks()
		}
	}
}
