package mine

import "strings"

// maxDiffCells bounds the work of comparing two files line by line
// (lines of one times lines of the other); larger files are compared
// line against line at the same place.
const maxDiffCells = 4 << 20

// LineDiff splits your version and the original into lines and marks the
// lines of each that the other lacks (a longest common subsequence of
// lines), for a side-by-side view that shows what changed.
func LineDiff(yours, original string) (a, b []string, aChanged, bChanged []bool) {
	a, b = strings.Split(yours, "\n"), strings.Split(original, "\n")
	aChanged, bChanged = make([]bool, len(a)), make([]bool, len(b))
	if len(a)*len(b) > maxDiffCells {
		for i := range max(len(a), len(b)) {
			same := i < len(a) && i < len(b) && a[i] == b[i]
			if i < len(a) {
				aChanged[i] = !same
			}
			if i < len(b) {
				bChanged[i] = !same
			}
		}
		return a, b, aChanged, bChanged
	}
	// lcs[i][j] is the length of the longest common subsequence of a[i:]
	// and b[j:].
	w := len(b) + 1
	lcs := make([]int32, (len(a)+1)*w)
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			} else {
				lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			i, j = i+1, j+1
		case lcs[(i+1)*w+j] >= lcs[i*w+j+1]:
			aChanged[i] = true
			i++
		default:
			bChanged[j] = true
			j++
		}
	}
	for ; i < len(a); i++ {
		aChanged[i] = true
	}
	for ; j < len(b); j++ {
		bChanged[j] = true
	}
	return a, b, aChanged, bChanged
}
