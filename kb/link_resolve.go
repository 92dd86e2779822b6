package kb

import (
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// resolveLinks turns every relative markdown link into the id of the item
// it points at, reporting links to files or sections that do not exist.
func (l *loader) resolveLinks() {
	for _, rec := range l.order {
		for _, ln := range rec.links {
			id, msg := l.resolve(rec, ln.Dest)
			if msg != "" {
				l.ps.add(rec.path, ln.Line, "%s", msg)
				continue
			}
			if id == "" {
				continue
			}
			if it := owner(rec.items, ln.Line); it != nil && it.ID != id && !slices.Contains(it.Links, id) {
				it.Links = append(it.Links, id)
			}
		}
	}
}

// resolve returns the item id for dest, or a problem sentence. Links to the
// web, to e-mail addresses and to files that are not markdown give "", "".
func (l *loader) resolve(rec *fileRec, dest string) (id, problem string) {
	if dest == "" || strings.HasPrefix(dest, "//") || hasScheme(dest) {
		return "", ""
	}
	p, frag, _ := strings.Cut(dest, "#")
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	target := rec
	if p != "" {
		if strings.HasPrefix(p, "/") {
			return "", "link " + quote(dest) + " starts with /; write it relative to this file, such as ../matrix/late-delivery.md"
		}
		full := path.Join(path.Dir(rec.path), p)
		if full == ".." || strings.HasPrefix(full, "../") {
			return "", "link " + quote(dest) + " points outside the pack; link only to files inside it"
		}
		if !isMarkdown(full) {
			return "", ""
		}
		t, ok := l.files[norm.NFC.String(full)]
		if !ok {
			return "", "broken link: " + quote(dest) + " is not a file of this pack; fix the path (it is relative to this file) or remove the link"
		}
		target = t
	}
	if frag == "" {
		return target.anchors[""], ""
	}
	if id, ok := target.anchors[strings.ToLower(frag)]; ok {
		return id, ""
	}
	return "", "broken link: " + quote(dest) + " names a section that " + target.path + " does not have; link to one of its ## headings, written as the heading in lower case with hyphens"
}

func quote(s string) string { return "\"" + s + "\"" }

func hasScheme(dest string) bool {
	i := strings.IndexAny(dest, ":/?#")
	return i > 0 && dest[i] == ':'
}

// owner is the item of a file that a link on line sits in: the last one
// starting at or before it.
func owner(items []Item, line int) *Item {
	sorted := make([]int, len(items))
	for i := range items {
		sorted[i] = i
	}
	sort.SliceStable(sorted, func(a, b int) bool { return items[sorted[a]].Source.Line < items[sorted[b]].Source.Line })
	var best *Item
	for _, i := range sorted {
		if items[i].Source.Line <= line {
			best = &items[i]
		}
	}
	if best == nil && len(items) > 0 {
		best = &items[0]
	}
	return best
}
