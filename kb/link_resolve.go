package kb

import (
	"net/url"
	"path"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// resolveLinks turns every relative markdown link into the id of the item
// it points at, kept with the link as written, reporting links to files or
// sections that do not exist, for the files recs.
func (l *loader) resolveLinks(recs []*fileRec) {
	for _, rec := range recs {
		for _, ln := range rec.links {
			id, msg, group := l.resolve(rec, ln.Dest)
			if msg == "" {
				// resolved: no wikilink to quote
			} else if wiki, ok := rec.wikilink(ln.Dest); ok {
				msg = "link " + quote(wiki) + " names a heading that " + path.Base(rec.path) + " does not have; correct the heading's words"
				if p, _, _ := strings.Cut(ln.Dest, "#"); p != "" {
					t, _ := url.PathUnescape(p)
					msg = "link " + quote(wiki) + " names a heading that " + path.Base(t) + " does not have; correct the heading's words"
				}
			}
			if group == GroupMissingNote && l.toOriginal(rec, ln.Line, ln.Dest) {
				continue
			}
			if msg != "" {
				l.ps.addTo(group, rec.path, ln.Line, "%s", msg)
				continue
			}
			if id == "" {
				continue
			}
			if it := owner(rec.items, ln.Line); it != nil && !slices.ContainsFunc(it.Links, func(k Link) bool { return k.Href == ln.Dest }) {
				it.Links = append(it.Links, Link{Href: ln.Dest, Target: id})
			}
		}
	}
}

// resolve returns the item id for dest, or a problem sentence and its
// group. Links to the web, to e-mail addresses and to files that are not
// markdown give "", "". In a plain folder of notes, links that leave it
// (to another app, an absolute path or a folder outside) are shown as
// written and not reported: notes written for another tool have them.
func (l *loader) resolve(rec *fileRec, dest string) (id, problem, group string) {
	return l.resolveIn(rec, dest, nil)
}

// resolveTarget is the item id for dest, as resolve gives it, and the
// file whose anchors gave it.
func (l *loader) resolveTarget(rec *fileRec, dest string) (string, *fileRec) {
	var target *fileRec
	id, _, _ := l.resolveIn(rec, dest, &target)
	if id == "" {
		return "", nil
	}
	return id, target
}

// resolveIn is resolve, setting *in (when in is not nil) to the file
// whose anchors gave the id.
func (l *loader) resolveIn(rec *fileRec, dest string, in **fileRec) (id, problem, group string) {
	if dest == "" {
		return "", "", ""
	}
	if strings.HasPrefix(dest, "//") {
		return l.outside("link " + quote(dest) + " starts with //; write the full address, such as https:" + dest)
	}
	if hasScheme(dest) {
		scheme, _, _ := strings.Cut(dest, ":")
		if !LinkOpens(scheme) {
			return l.outside("link " + quote(dest) + " uses " + scheme + ":, which Poise does not open; link to a web page (https:), an e-mail address (mailto:) or a file of this pack")
		}
		return "", "", ""
	}
	p, frag, _ := strings.Cut(dest, "#")
	target := rec
	if p != "" {
		t, found := l.linkedFile(rec, p)
		switch found {
		case fromRoot:
			return l.outside("link " + quote(dest) + " starts with /; write it relative to this file, such as ../matrix/late-delivery.md")
		case outsidePack:
			return l.outside("link " + quote(dest) + " points outside the pack; link only to files inside it")
		case notMarkdown:
			return "", "", ""
		case noFile:
			return "", "broken link: " + quote(dest) + " is not a file of this pack; fix the path (it is relative to this file) or remove the link", GroupMissingNote
		}
		target = t
	}
	if in != nil {
		*in = target
	}
	if frag == "" {
		return target.anchors[""], "", ""
	}
	if u, err := url.PathUnescape(frag); err == nil {
		frag = u
	}
	if id, ok := target.anchors[strings.ToLower(frag)]; ok {
		return id, "", ""
	}
	if l.plain {
		if id, ok := target.anchors[slugify(frag)]; ok {
			return id, "", ""
		}
	}
	return "", "broken link: " + quote(dest) + " names a section that " + target.path + " does not have; link to one of its ## headings, written as the heading in lower case with hyphens", GroupMissingHeading
}

// What a link's path leads to (linkedFile).
const (
	aFile       = iota // a file of the pack
	fromRoot           // a path starting with /
	outsidePack        // a path leading out of the pack
	notMarkdown        // a file that is not markdown
	noFile             // no file of the pack
)

// linkedFile is the file the path p (as written, escaped) of a link in
// rec leads to, and what it is. It is remembered by rec's folder and p
// when the whole pack is loaded: a folder's notes link to the same
// notes, and joining, unescaping and composing every link's path was
// most of resolving a vault's links, which waits for every note.
func (l *loader) linkedFile(rec *fileRec, p string) (*fileRec, int) {
	dir := path.Dir(rec.path)
	key := [2]string{dir, p}
	if hit, ok := l.linked[key]; ok && !l.partial {
		return hit.rec, hit.found
	}
	t, found := l.findLinked(dir, p)
	if !l.partial {
		if l.linked == nil {
			l.linked = map[[2]string]linkedHit{}
		}
		l.linked[key] = linkedHit{t, found}
	}
	return t, found
}

type linkedHit struct {
	rec   *fileRec
	found int
}

// findLinked is linkedFile for a link in folder dir, not remembered.
func (l *loader) findLinked(dir, p string) (*fileRec, int) {
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	if strings.HasPrefix(p, "/") {
		return nil, fromRoot
	}
	full := path.Join(dir, p)
	if full == ".." || strings.HasPrefix(full, "../") {
		return nil, outsidePack
	}
	if !isMarkdown(full) {
		return nil, notMarkdown
	}
	key := norm.NFC.String(full)
	t, ok := l.files[key]
	if !ok && l.partial {
		t = l.otherFile(full, key)
		ok = t != nil
	}
	if !ok {
		return nil, noFile
	}
	return t, aFile
}

// outside is a link that leaves the pack: a problem in a pack, shown as
// written in a plain folder of notes.
func (l *loader) outside(problem string) (id, _, group string) {
	if l.plain {
		return "", "", ""
	}
	return "", problem, GroupOutside
}

// LinkOpens reports whether the app opens a link with this URL scheme: web
// pages and e-mail addresses. A pack is untrusted text, so file:,
// javascript: or another app's scheme must never reach the system's
// opener; lint reports them and the app refuses them.
func LinkOpens(scheme string) bool {
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
}

func quote(s string) string { return "\"" + s + "\"" }

func hasScheme(dest string) bool {
	i := strings.IndexAny(dest, ":/?#")
	return i > 0 && dest[i] == ':'
}

// owner is the item of a file that a link on line sits in: the last one
// starting at or before it.
func owner(items []Item, line int) *Item {
	// The latest start at or before line; of items starting on the same
	// line, the last (as a stable sort by line would give), without
	// sorting the items for every link.
	var best *Item
	for i := range items {
		if l := items[i].Source.Line; l <= line && (best == nil || l >= best.Source.Line) {
			best = &items[i]
		}
	}
	if best == nil && len(items) > 0 {
		best = &items[0]
	}
	return best
}

// ResolveLink is the item a link of it opens, as the loader resolved it:
// href as written in its markdown (a renderer's re-escaped URL will do;
// both are unescaped before comparing). A guide's links include those of
// its sections, since it shows their text. ok is false for a link the
// loader did not resolve: to the web, to a file that is not markdown, or
// broken (which lint reports).
func (l *Library) ResolveLink(it *Item, href string) (id string, ok bool) {
	key := linkKey(href)
	find := func(it *Item) bool {
		for _, k := range it.Links {
			if linkKey(k.Href) == key {
				id = k.Target
				return true
			}
		}
		return false
	}
	if it == nil {
		return "", false
	}
	if find(it) {
		return id, true
	}
	for _, s := range it.Sections {
		if sec, found := l.Item(s); found && find(sec) {
			return id, true
		}
	}
	// A link of an override's file to a file of the original's pack.
	findOriginal := func(from string) bool {
		for _, k := range l.originalLinks[from] {
			if linkKey(k.Href) == key {
				id = k.Target
				return true
			}
		}
		return false
	}
	if findOriginal(it.ID) {
		return id, true
	}
	for _, s := range it.Sections {
		if findOriginal(s) {
			return id, true
		}
	}
	return "", false
}

// linkKey is href as compared: path and fragment unescaped, the path in
// NFC and the fragment in lower case, as the loader matches them.
func linkKey(href string) string {
	p, frag, _ := strings.Cut(href, "#")
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	if u, err := url.PathUnescape(frag); err == nil {
		frag = u
	}
	return norm.NFC.String(path.Clean("./"+p)) + "#" + strings.ToLower(frag)
}
