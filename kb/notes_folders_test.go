package kb

import (
	"strings"
	"testing"
)

// sharedFolders counts the folders two paths start with alike, as
// splitting them at / did.
func TestSharedFolders(t *testing.T) {
	split := func(a, b string) int {
		as, bs := strings.Split(a, "/"), strings.Split(b, "/")
		n := 0
		for n < len(as) && n < len(bs) && as[n] == bs[n] && as[n] != "." {
			n++
		}
		return n
	}
	paths := []string{".", "", "a", "a/b", "a/b/c", "a/c", "b", "a/b/", "/a", "./a", "ab/c", "a//b", "α/β"}
	for _, a := range paths {
		for _, b := range paths {
			if got, want := sharedFolders(a, b), split(a, b); got != want {
				t.Errorf("sharedFolders(%q, %q) = %d, want %d", a, b, got, want)
			}
		}
	}
}
