package kb

import (
	"net/url"
	"path"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// OriginalLink is a relative link in an override's file (one standing in
// for another pack's file through the manifest's overrides) to a file its
// own pack does not have. The file was copied from the original's pack,
// where the link worked, so it is read as it was written there: against
// that pack's files, which only the library has (Library.ResolveLink).
type OriginalLink struct {
	From string // the id of the item the link sits in
	File string // the override's file the link is written in
	Line int
	Href string // as written
	Pack string // the original's pack
	Path string // the file the link names, inside that pack
	Frag string // the fragment, "" for none
}

// originalPacks maps the path rest of each item id this pack overrides
// ("checklists/warm-hand-off") to the pack of the original.
func originalPacks(m Manifest) map[string]string {
	if len(m.Overrides) == 0 {
		return nil
	}
	by := make(map[string]string, len(m.Overrides))
	for _, o := range m.Overrides {
		pack, rest, _ := strings.Cut(o, "/")
		by[rest] = pack
	}
	return by
}

// toOriginal records dest, a link of rec to a file this pack does not
// have, as an OriginalLink when rec is an override's file; false when it
// is not, and the link is broken.
func (l *loader) toOriginal(rec *fileRec, line int, dest string) bool {
	base, _, _ := strings.Cut(rec.id, "#")
	_, rest, _ := strings.Cut(base, "/")
	pack, ok := l.originals[rest]
	if !ok {
		return false
	}
	p, frag, _ := strings.Cut(dest, "#")
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	if u, err := url.PathUnescape(frag); err == nil {
		frag = u
	}
	from := rec.id
	if it := owner(rec.items, line); it != nil {
		from = it.ID
	}
	l.originalLinks = append(l.originalLinks, OriginalLink{
		From: from, File: rec.path, Line: line, Href: dest, Pack: pack,
		Path: norm.NFC.String(path.Join(path.Dir(rec.path), p)), Frag: frag,
	})
	return true
}

// originalTarget is the id an OriginalLink opens among the items of its
// pack as loaded (replaced items included): the item under the heading
// its fragment names, else the file's first item; "" when the pack has no
// such file.
func originalTarget(q *Pack, files map[string][]int, ol OriginalLink) string {
	first := ""
	firstLine := 0
	frag := strings.ToLower(ol.Frag)
	for _, i := range files[ol.Path] {
		it := &q.Items[i]
		if _, f, _ := strings.Cut(it.ID, "#"); frag != "" && (f == frag || f == slugify(frag)) {
			return it.ID
		}
		if first == "" || it.Source.Line < firstLine {
			first, firstLine = it.ID, it.Source.Line
		}
	}
	return first
}

// resolveOriginalLinks finds what the OriginalLinks of every pack open,
// by the id of the item they sit in. A target that another pack replaces
// opens the item standing in for it.
func (lib *Library) resolveOriginalLinks() {
	standIn := map[string]string{} // replaced id → the id replacing it
	for by, replaced := range lib.replaces {
		standIn[replaced] = by
	}
	// The items of each original's pack by file, built once: a pack may be
	// a vault of thousands of notes.
	byFile := map[string]map[string][]int{}
	for _, p := range lib.given {
		for _, ol := range p.OriginalLinks {
			q, ok := lib.Pack(ol.Pack)
			if !ok {
				continue
			}
			files, ok := byFile[ol.Pack]
			if !ok {
				files = map[string][]int{}
				for i := range q.Items {
					f := norm.NFC.String(q.Items[i].Source.File)
					files[f] = append(files[f], i)
				}
				byFile[ol.Pack] = files
			}
			id := originalTarget(q, files, ol)
			if id == "" {
				continue
			}
			if _, ok := lib.byID[id]; !ok {
				base, frag, found := strings.Cut(id, "#")
				if by, ok := standIn[base]; ok {
					id = by
					if found {
						if _, ok := lib.byID[by+"#"+frag]; ok {
							id = by + "#" + frag
						}
					}
				}
			}
			if lib.originalLinks == nil {
				lib.originalLinks = map[string][]Link{}
			}
			lib.originalLinks[ol.From] = append(lib.originalLinks[ol.From], Link{Href: ol.Href, Target: id})
		}
	}
}
