package kb

import (
	"cmp"
	"fmt"
	"slices"
)

// The groups of problems a person reads as one sort of thing. A folder of
// thousands of notes may have hundreds of one sort; a summary says so in
// one line instead of hundreds.
const (
	GroupMissingNote    = "missing-note"    // links to notes or files that do not exist
	GroupMissingHeading = "missing-heading" // links to headings a note does not have
	GroupOutside        = "outside"         // links that leave the pack (packs with pack.toml only)
	GroupPlaceholder    = "placeholder"     // placeholders written wrongly
	GroupNotText        = "not-text"        // files that are not UTF-8 text
	GroupTooLarge       = "too-large"       // files over MaxFileBytes
	GroupDuplicate      = "duplicate"       // two items with one id
	GroupFrontMatter    = "front-matter"    // front matter that is not valid YAML
	GroupReview         = "review"          // reviewed or review_every values Poise cannot read
)

// groupSentences say what a group's problems are, for a count of them.
var groupSentences = map[string][2]string{ // one, many
	GroupMissingNote:    {"link points to a note or file that does not exist", "links point to notes or files that do not exist"},
	GroupMissingHeading: {"link names a heading its note does not have", "links name headings their notes do not have"},
	GroupOutside:        {"link leads outside the pack", "links lead outside the pack"},
	GroupPlaceholder:    {"placeholder is written wrongly", "placeholders are written wrongly"},
	GroupNotText:        {"file is not UTF-8 text and was skipped", "files are not UTF-8 text and were skipped"},
	GroupTooLarge:       {"file is too large and was skipped", "files are too large and were skipped"},
	GroupDuplicate:      {"item has an id already used by another", "items have an id already used by another"},
	GroupFrontMatter:    {"note's front matter is not valid YAML", "notes' front matter is not valid YAML"},
	GroupReview:         {"review date or period cannot be read", "review dates or periods cannot be read"},
	"":                  {"other problem", "other problems"},
}

// ProblemGroup is the problems of one group, summed up.
type ProblemGroup struct {
	Group string
	Count int
	// Summary says how many and what, such as "412 links point to notes or
	// files that do not exist".
	Summary string
	// What is Summary without its count ("links point to notes or files
	// that do not exist"), for a count written another way (the app
	// groups its digits for the person's locale).
	What string
	// First are the first few problems of the group, in file order.
	First []Problem
}

// Summarize groups problems by sort, largest group first, keeping the first
// few of each (firsts; 5 when 0 or less). Problems of no group are summed up
// as "other problems".
func Summarize(ps []Problem, firsts int) []ProblemGroup {
	if firsts <= 0 {
		firsts = 5
	}
	var groups []ProblemGroup
	at := map[string]int{}
	for _, p := range ps {
		i, ok := at[p.Group]
		if !ok {
			i = len(groups)
			at[p.Group] = i
			groups = append(groups, ProblemGroup{Group: p.Group})
		}
		g := &groups[i]
		g.Count++
		if len(g.First) < firsts {
			g.First = append(g.First, p)
		}
	}
	for i := range groups {
		g := &groups[i]
		s, ok := groupSentences[g.Group]
		if !ok {
			s = groupSentences[""]
		}
		g.What = s[1]
		if g.Count == 1 {
			g.What = s[0]
		}
		g.Summary = fmt.Sprintf("%d %s", g.Count, g.What)
	}
	slices.SortStableFunc(groups, func(a, b ProblemGroup) int {
		// "other" last: it is the least telling line.
		return cmp.Or(cmp.Compare(boolInt(a.Group == ""), boolInt(b.Group == "")), cmp.Compare(b.Count, a.Count))
	})
	return groups
}
