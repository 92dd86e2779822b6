//go:build linux

package residency

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

func dropProgramPages() (int64, error) {
	exe, _ := os.Executable() // "": only the libraries' pages are let go
	if exe != "" {
		if resolved, err := filepath.EvalSymlinks(exe); err == nil {
			exe = resolved
		}
	}
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		return 0, fmt.Errorf("drop program pages: %w", err)
	}
	defer f.Close()
	var dropped int64
	var m codeMapping
	flush := func() error {
		if !m.droppable() {
			return nil
		}
		if err := pageOut(m.start, m.end); err != nil {
			return fmt.Errorf("drop program pages: %w", err)
		}
		dropped += int64(m.rssKB) << 10
		return nil
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for sc.Scan() {
		line := sc.Text()
		if start, end, candidate, isHeader := programMappingHeader(line, exe); isHeader {
			if err := flush(); err != nil {
				return dropped, err
			}
			m = codeMapping{start: start, end: end, candidate: candidate}
			continue
		}
		if m.candidate {
			m.count(line)
		}
	}
	if err := sc.Err(); err != nil {
		return dropped, fmt.Errorf("drop program pages: read mappings: %w", err)
	}
	return dropped, flush()
}

// beforeAdvice, when set (by tests), is called with each range just
// before it is let go.
var beforeAdvice func(start, end uint64)

// codeMapping is what /proc/self/smaps says of one mapping.
type codeMapping struct {
	start, end uint64
	candidate  bool // of the program or a library, neither writable nor shared
	rssKB      uint64
	ownKB      uint64 // pages only this process has: copies it wrote, resident or swapped out
}

// count reads one of the mapping's "Name:   N kB" lines.
func (m *codeMapping) count(line string) {
	name, value, found := strings.Cut(line, ":")
	if !found {
		return
	}
	kb := func() uint64 {
		n, err := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(value), "kB")), 10, 64)
		if err != nil {
			return 1 // unreadable: counted as the process's own, so kept
		}
		return n
	}
	switch name {
	case "Rss":
		m.rssKB = kb()
	case "Anonymous", "Swap":
		m.ownKB += kb()
	}
}

// droppable says the mapping's resident pages can be let go: each is the
// file's own page, which the next read maps back. A private mapping the
// process wrote to before making it read-only (a library's relocated
// data, GNU_RELRO) holds copies that exist nowhere else, in use: paging
// them out would only swap them, so such a mapping is left whole.
func (m *codeMapping) droppable() bool {
	return m.candidate && m.rssKB > 0 && m.ownKB == 0
}

// programMappingHeader parses a mapping's first line in /proc/self/smaps
// ("start-end perms offset dev inode path"): isHeader says it is one, and
// candidate that it maps the program file exe or a shared library
// privately and can be neither written nor shared.
func programMappingHeader(line, exe string) (start, end uint64, candidate, isHeader bool) {
	fields := strings.Fields(line)
	if len(fields) < 5 || strings.HasSuffix(fields[0], ":") {
		return 0, 0, false, false
	}
	start, end, ok := mappingRange(fields[0])
	if !ok {
		return 0, 0, false, false
	}
	perms, path := fields[1], ""
	if len(fields) >= 6 {
		path = strings.Join(fields[5:], " ")
	}
	// Only the program and its libraries, whose code and read-only data
	// are the file's own pages (a range reused since it was read here is
	// safe too: see pageOut).
	program := path != "" && (path == exe || isSharedLibrary(path))
	candidate = program && fields[4] != "0" && (perms == "r--p" || perms == "r-xp")
	return start, end, candidate, true
}

// isSharedLibrary reports whether path names a shared object
// ("libLLVM-15.so.1", "swrast_dri.so").
func isSharedLibrary(path string) bool {
	if !strings.HasPrefix(path, "/") || strings.HasSuffix(path, " (deleted)") {
		return false
	}
	base := filepath.Base(path)
	return strings.HasSuffix(base, ".so") || strings.Contains(base, ".so.")
}
