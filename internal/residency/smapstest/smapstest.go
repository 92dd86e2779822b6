//go:build linux

// Package smapstest counts, for tests, how much of a mapped file the
// kernel holds resident in this process: what residency's page dropping,
// the app's typing hook and the index build's page-cache drop are measured
// by. Three tests once read /proc/self/smaps each their own way.
package smapstest

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// FileKB is the Rss, in kB, of this process's mappings of file.
func FileKB(t testing.TB, file string) int {
	t.Helper()
	return residentKB(t, func(name string) bool { return name == file })
}

// UnderKB is the Rss, in kB, of this process's mappings of the files under
// dir.
func UnderKB(t testing.TB, dir string) int {
	t.Helper()
	prefix := dir + string(filepath.Separator)
	return residentKB(t, func(name string) bool { return strings.HasPrefix(name, prefix) })
}

// residentKB sums the Rss lines of the mappings whose file name matches.
// A mapping's header is "start-end perms offset dev inode [name]"; the
// name may hold spaces.
func residentKB(t testing.TB, match func(name string) bool) int {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	total, in := 0, false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		switch {
		case len(fields) >= 5 && strings.Contains(fields[0], "-") && !strings.HasSuffix(fields[0], ":"):
			in = len(fields) >= 6 && match(strings.Join(fields[5:], " "))
		case in && len(fields) == 3 && fields[0] == "Rss:":
			n, err := strconv.Atoi(fields[1])
			if err != nil {
				t.Fatalf("smaps: %v", err)
			}
			total += n
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return total
}
