package kb

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/poisehq/poise/internal/textcase"
)

// Problem is one thing wrong with a pack, found while loading it.
type Problem struct {
	File string // path inside the pack, slash-separated; "pack.toml" for the manifest
	Line int    // 1-based; 0 when the problem is about the file as a whole
	// Message is a sentence saying what is wrong and how to fix it.
	Message string
	// Group says what sort of problem it is, for summaries of many; "" for
	// the rest.
	Group string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Message)
}

// ProblemsError lists every problem found in a pack. The loader returns it
// alongside a pack holding everything that did load, so Poise can still use
// a partly broken team pack; use errors.As to get the list.
type ProblemsError struct {
	Problems []Problem
}

func (e *ProblemsError) Error() string {
	switch len(e.Problems) {
	case 0:
		return "no problems"
	case 1:
		return "1 problem: " + e.Problems[0].String()
	}
	return fmt.Sprintf("%d problems, the first: %s", len(e.Problems), e.Problems[0].String())
}

// problems collects what a load finds, in the order a person fixes them.
type problems []Problem

func (ps *problems) add(file string, line int, format string, args ...any) {
	ps.addTo("", file, line, format, args...)
}

// addTo adds a problem of a group (see Summarize).
func (ps *problems) addTo(group, file string, line int, format string, args ...any) {
	*ps = append(*ps, Problem{File: file, Line: line, Message: sentence(fmt.Sprintf(format, args...)), Group: group})
}

// sentence makes a message start with a capital and end with a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	s = textcase.UpperFirst(s)
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "?") {
		s += "."
	}
	return s
}

func (ps problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	sorted := slices.Clone([]Problem(ps))
	slices.SortStableFunc(sorted, func(a, b Problem) int {
		if a.File == "pack.toml" || b.File == "pack.toml" {
			return cmp.Compare(boolInt(a.File != "pack.toml"), boolInt(b.File != "pack.toml"))
		}
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
	return &ProblemsError{Problems: sorted}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
