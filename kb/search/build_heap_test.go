package search

import (
	"testing"

	"github.com/poisehq/poise/kb"
)

func TestFirstBuildHeapGrowsWithTheLibraryUpToItsBound(t *testing.T) {
	lib := func(sizes ...int64) *kb.LibraryState {
		st := &kb.LibraryState{Packs: []kb.PackState{{Dir: "a"}, {Dir: "b"}}}
		for i, n := range sizes {
			p := &st.Packs[i%2]
			p.Files = append(p.Files, kb.FileState{Path: "f.md", Size: n})
		}
		return st
	}
	for _, tc := range []struct {
		name  string
		state *kb.LibraryState
		want  int
	}{
		{"no scan", nil, 0},
		{"empty", lib(), 0},
		{"two packs", lib(1<<20, 1<<20), 2 << 20 * buildHeapPerByte},
		{"larger than the bound", lib(1<<30, 1<<30), maxBuildHeap},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := FirstBuildHeap(tc.state); got != tc.want {
				t.Errorf("FirstBuildHeap = %d, want %d", got, tc.want)
			}
		})
	}
}
