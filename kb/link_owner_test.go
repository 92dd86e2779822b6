package kb

import (
	"sort"
	"testing"
)

// owner is the item a line belongs to: the latest to start at or before
// it, the last of those starting on the same line, else the first item.
func TestOwner(t *testing.T) {
	items := []Item{{ID: "a", Source: Source{Line: 1}}, {ID: "c", Source: Source{Line: 9}}, {ID: "b", Source: Source{Line: 5}}, {ID: "b2", Source: Source{Line: 5}}, {ID: "z", Source: Source{Line: 3}}}
	sorted := func(line int) string { // what owner did: a stable sort by line, the last at or before line
		idx := []int{0, 1, 2, 3, 4}
		sort.SliceStable(idx, func(a, b int) bool { return items[idx[a]].Source.Line < items[idx[b]].Source.Line })
		best := "a"
		for _, i := range idx {
			if items[i].Source.Line <= line {
				best = items[i].ID
			}
		}
		return best
	}
	for line := 0; line < 12; line++ {
		if got, want := owner(items, line).ID, sorted(line); got != want {
			t.Errorf("line %d: owner %s, want %s", line, got, want)
		}
	}
	if owner(nil, 3) != nil {
		t.Error("owner of no items is not nil")
	}
}
