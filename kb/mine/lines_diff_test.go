package mine_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb/mine"
)

func TestLineDiffMarksWhatEachSideLacks(t *testing.T) {
	for _, tc := range []struct {
		name, yours, original string
		a, b                  []bool
	}{
		{"same", "x\ny", "x\ny", []bool{false, false}, []bool{false, false}},
		{"one line changed", "t\nmine\nend", "t\ntheirs\nend", []bool{false, true, false}, []bool{false, true, false}},
		{"a line added to the original", "t\nend", "t\nnew\nend", []bool{false, false}, []bool{false, true, false}},
		{"empty yours", "", "a", []bool{true}, []bool{true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, a, b := mine.LineDiff(tc.yours, tc.original)
			if !slices.Equal(a, tc.a) || !slices.Equal(b, tc.b) {
				t.Errorf("LineDiff = %v %v, want %v %v", a, b, tc.a, tc.b)
			}
		})
	}
	// Huge files are compared place by place, not refused.
	big := strings.Repeat("line\n", 3000)
	_, _, a, _ := mine.LineDiff(big+"x", big+"y")
	if !a[len(a)-1] || a[0] {
		t.Error("a huge file's last line should differ and its first not")
	}
}
