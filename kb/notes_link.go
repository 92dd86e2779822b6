package kb

import (
	"cmp"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"

	"github.com/poisehq/poise/kb/internal/mdparse"
)

// A plain folder of notes (no pack.toml) is often an Obsidian vault: its
// [[wikilinks]], ![[embeds]] and > [!note] callouts are rewritten into the
// markdown every other pack uses before its items are built, so links
// resolve, open and lint the same way for both, and renderers that know
// only markdown show them.

// noteIndex finds the file a wikilink names, as Obsidian does: by path
// from the vault's root or the linking note's folder, else by file name
// anywhere, case and Unicode composition aside.
type noteIndex struct {
	byPath map[string]string   // folded path without .md → path
	byName map[string][]string // folded file name without .md → paths
}

func newNoteIndex(paths []string) *noteIndex {
	ix := &noteIndex{byPath: map[string]string{}, byName: map[string][]string{}}
	for _, p := range paths {
		key := foldNote(strings.TrimSuffix(p, path.Ext(p)))
		ix.byPath[key] = p
		name := path.Base(key)
		ix.byName[name] = append(ix.byName[name], p)
	}
	return ix
}

func foldNote(s string) string { return strings.ToLower(norm.NFC.String(s)) }

// find is the file target names from a note in folder dir, "" when none.
// Among notes of the same name it takes the one nearest dir (sharing the
// most folders with it), as a vault kept in one folder per language
// expects, then the shortest path.
func (ix *noteIndex) find(dir, target string) string {
	t := foldNote(strings.TrimSuffix(strings.TrimSuffix(target, ".md"), ".markdown"))
	t = strings.TrimPrefix(t, "/")
	if joined := path.Join(dir, t); !strings.HasPrefix(joined, "..") {
		if p, ok := ix.byPath[foldNote(joined)]; ok {
			return p
		}
	}
	if p, ok := ix.byPath[path.Clean(t)]; ok {
		return p
	}
	var best string
	bestShared := -1
	for _, p := range ix.byName[path.Base(t)] {
		if strings.Contains(t, "/") && !strings.HasSuffix(foldNote(strings.TrimSuffix(p, path.Ext(p))), "/"+t) {
			continue
		}
		shared := sharedFolders(dir, path.Dir(p))
		if shared > bestShared || shared == bestShared && (len(p) < len(best) || len(p) == len(best) && p < best) {
			best, bestShared = p, shared
		}
	}
	return best
}

// sharedFolders is how many folders a and b start with alike.
func sharedFolders(a, b string) int {
	n := 0
	for { // folder by folder, without splitting the paths for every link
		ai, bi := strings.IndexByte(a, '/'), strings.IndexByte(b, '/')
		af, bf := a, b
		if ai >= 0 {
			af = a[:ai]
		}
		if bi >= 0 {
			bf = b[:bi]
		}
		if af != bf || af == "." {
			return n
		}
		n++
		if ai < 0 || bi < 0 {
			return n
		}
		a, b = a[ai+1:], b[bi+1:]
	}
}

// attachmentExt are the files notes link to that are not notes: they are
// never imported, so links to them are not checked, and an embed of one
// shows a placeholder.
var attachmentExt = map[string]string{
	".png": "image", ".jpg": "image", ".jpeg": "image", ".gif": "image", ".svg": "image", ".webp": "image", ".bmp": "image", ".avif": "image",
	".mp3": "audio", ".wav": "audio", ".m4a": "audio", ".ogg": "audio", ".flac": "audio", ".webm": "video", ".mp4": "video", ".mov": "video", ".mkv": "video",
	".pdf": "PDF", ".canvas": "canvas", ".base": "base", ".excalidraw": "drawing",
}

// embedRef is an embedded note, kept until every item is built, when its
// text is shown under the link that replaced it.
type embedRef struct {
	link string // the markdown link the embed became
	href string
	line int
}

// noteEdits are the edits that rewrite the note syntax of doc as
// markdown: a wikilink becomes a link to the file it names (or its words,
// when there is none, reported), an embed of a note a link whose note is
// shown below it later, an embed of a picture or other file a placeholder,
// and a callout's marker a bold title. Each says the plain text it reads
// as, so the note's blocks are made from its one parse (Doc.Rewrite).
func (b *builder) noteEdits(doc *mdparse.Doc) []mdparse.Edit {
	var edits []mdparse.Edit
	if w := b.l.work; w != nil {
		edits = w.edits[:0]
	}
	edits = slices.Grow(edits, len(doc.Wikilinks)+len(doc.Callouts))
	b.rec.written = slices.Grow(b.rec.written, len(doc.Wikilinks))
	dir := path.Dir(b.file)
	for _, w := range doc.Wikilinks {
		target := w.Target
		display := w.Display()
		words := escapeLinkText(display)
		// [[ https://… | label ]], as bug trackers write web links. Only a
		// target with // can have a host: parsing every note name as a URL
		// was a seventh of rewriting a vault's wikilinks.
		if strings.Contains(target, "//") {
			if u, err := url.Parse(target); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
				edits = append(edits, mdparse.Edit{Start: w.Start, End: w.End, With: "[" + words + "](<" + u.String() + ">)", Text: display})
				continue
			}
		}
		if kind, ok := attachmentExt[strings.ToLower(path.Ext(target))]; ok {
			text := display
			if w.Embed {
				words = "*[" + kind + ": " + escapeLinkText(path.Base(target)) + "]*"
				text = "[" + kind + ": " + path.Base(target) + "]"
			}
			edits = append(edits, mdparse.Edit{Start: w.Start, End: w.End, With: words, Text: text})
			continue
		}
		file := b.file
		if target != "" {
			file = b.l.noteFile(dir, target)
		}
		if file == "" {
			what := "link"
			if w.Embed {
				what = "embed"
			}
			b.l.ps.addTo(GroupMissingNote, b.file, w.Line, "%s %q names a note that does not exist; create %s.md or correct the name", what, string(doc.Source[w.Start:w.End]), path.Base(target))
			edits = append(edits, mdparse.Edit{Start: w.Start, End: w.End, With: words, Text: display})
			continue
		}
		href := ""
		if file != b.file {
			href = b.l.noteHref(dir, file)
		}
		if frag := strings.TrimSpace(w.Fragment); frag != "" && !strings.HasPrefix(frag, "^") {
			// The last heading of a nested [[note#a#b]] is the one meant.
			href += "#" + url.PathEscape(slugify(frag[strings.LastIndex(frag, "#")+1:]))
		}
		if href == "" {
			href = "./" + (&url.URL{Path: path.Base(file)}).EscapedPath()
		}
		b.rec.written = append(b.rec.written, writtenLink{href, string(doc.Source[w.Start:w.End])})
		link, text := "["+words+"](<"+href+">)", display
		if w.Embed {
			link, text = "[↪ "+words+"](<"+href+">)", "↪ "+display
			if w.Alone && file != b.file {
				b.rec.embeds = append(b.rec.embeds, embedRef{link: link, href: href, line: w.Line})
			}
		}
		edits = append(edits, mdparse.Edit{Start: w.Start, End: w.End, With: link, Text: text})
	}
	for _, c := range doc.Callouts {
		kind, title := humanise(c.Type), ""
		if c.Title != "" && !strings.EqualFold(c.Title, c.Type) {
			title = " " + c.Title
		}
		edits = append(edits, mdparse.Edit{Start: c.Start, End: c.End, With: "**" + kind + "**" + title, Text: kind})
	}
	if reparseNotes {
		for i := range edits {
			edits[i].Text = ""
		}
	}
	slices.SortStableFunc(edits, func(a, b mdparse.Edit) int { return cmp.Compare(a.Start, b.Start) })
	// A wikilink inside a callout's title is rewritten with it.
	last := 0
	return slices.DeleteFunc(edits, func(e mdparse.Edit) bool {
		if e.Start < last {
			return true
		}
		last = e.End
		return false
	})
}

// noteFile is the file target names from a note in folder dir, as
// noteIndex.find finds it, remembered by the loading worker: notes of a
// folder name the same notes, and finding each (its name folded, paths
// joined and compared) was half of the CPU rewriting a vault's wikilinks
// took.
func (l *loader) noteFile(dir, target string) string {
	w := l.work
	if w == nil {
		return l.notes.find(dir, target)
	}
	key := [2]string{dir, target}
	if file, ok := w.files[key]; ok {
		return file
	}
	file := l.notes.find(dir, target)
	w.files = roomFor(w.files)
	w.files[key] = file
	return file
}

// roomFor is m, made at its full size when nil and emptied when full:
// emptied in place, its table stays that size, where a new map grew
// again from a few entries (its growth was a tenth of the CPU rewriting
// a vault's wikilinks took).
func roomFor(m map[[2]string]string) map[[2]string]string {
	if m == nil {
		return make(map[[2]string]string, maxHrefs)
	}
	if len(m) >= maxHrefs {
		clear(m)
	}
	return m
}

// noteHref is the link to file from a note in folder dir.
func (l *loader) noteHref(dir, file string) string {
	key := [2]string{dir, file}
	if w := l.work; w != nil {
		if href, ok := w.hrefs[key]; ok {
			return href
		}
	}
	href := "./" + (&url.URL{Path: relPath(dir, file)}).EscapedPath()
	if w := l.work; w != nil {
		w.hrefs = roomFor(w.hrefs)
		w.hrefs[key] = href
	}
	return href
}

// reparseNotes makes Doc.Rewrite parse every rewritten note again, as
// loading did before it could rewrite a note's one parse: tests compare
// the two.
var reparseNotes = false

// escapeLinkText keeps words from closing or opening a link.
func escapeLinkText(s string) string {
	return linkTextEscaper.Replace(s)
}

// linkTextEscaper is built once: building it for every link was 3% of
// what loading a large vault allocated.
var linkTextEscaper = strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`)

// relPath is the path of file (from the pack's root) from folder dir.
func relPath(dir, file string) string {
	if dir == "." {
		return file
	}
	ds, fs := strings.Split(dir, "/"), strings.Split(file, "/")
	n := 0
	for n < len(ds) && n < len(fs)-1 && ds[n] == fs[n] {
		n++
	}
	return strings.Repeat("../", len(ds)-n) + strings.Join(fs[n:], "/")
}

// maxEmbed bounds the text an embed shows, so a note embedded in many
// others cannot multiply the library's size.
const maxEmbed = 1500

// showEmbeds puts each embedded note's text under the link its embed
// became, in the item holding it, for the files recs. It runs once every
// link is resolved, and changes only the Body of recs' items, so the
// files of a pack can be shown in parts at the same time (finishFiles).
func (l *loader) showEmbeds(recs []*fileRec, items *embedItems) {
	texts := map[string]string{}
	for _, rec := range recs {
		for _, e := range rec.embeds {
			id, target := l.resolveTarget(rec, e.href)
			if id == "" {
				continue
			}
			found, ok := items.find(target, id, true)
			it := owner(rec.items, e.line)
			if !ok || it == nil {
				continue
			}
			text, seen := texts[id]
			if !seen {
				text = embedText(found, target, items)
				texts[id] = text
			}
			if text != "" {
				it.Body = strings.Replace(it.Body, e.link, e.link+"\n>\n> "+strings.ReplaceAll(text, "\n", "\n> "), 1)
			}
		}
	}
}

// embedItems finds the items embeds show by id, among every file loaded
// (order) and, when only some files load (partial), the others read for
// their headings.
type embedItems struct {
	order   []*fileRec
	partial *loader
	once    sync.Once
	byID    map[string]*Item
}

// find is the item id, looked for first in the file in (the file a link
// led to) when the whole pack is loaded: ids are then unique among its
// files (claim), so that item is the one a map of them all would give,
// and most embeds need no such map (making it, 55,000 items, held up the
// end of a vault's load). withOthers looks among the others too.
func (e *embedItems) find(in *fileRec, id string, withOthers bool) (*Item, bool) {
	if in != nil && e.partial == nil {
		for i := range in.items {
			if in.items[i].ID == id {
				return &in.items[i], true
			}
		}
	}
	e.once.Do(func() {
		n := 0
		for _, r := range e.order {
			n += len(r.items)
		}
		e.byID = make(map[string]*Item, n) // sized once, not grown
		for _, r := range e.order {
			for i := range r.items {
				e.byID[r.items[i].ID] = &r.items[i]
			}
		}
	})
	target, ok := e.byID[id]
	if !ok && withOthers && e.partial != nil {
		// A note of the pack not loaded (LoadFilesChecked), read for its
		// headings when its embed was resolved: shown as a whole load
		// shows it.
		addOthers(e.byID, e.partial.others)
		target, ok = e.byID[id]
	}
	return target, ok
}

// addOthers adds to byID the items of the files others holds that it
// does not have, the first file in path order winning an id.
func addOthers(byID map[string]*Item, others map[string]*fileRec) {
	for _, key := range slices.Sorted(maps.Keys(others)) {
		rec := others[key]
		if rec == nil {
			continue
		}
		for i := range rec.items {
			if _, ok := byID[rec.items[i].ID]; !ok {
				byID[rec.items[i].ID] = &rec.items[i]
			}
		}
	}
}

// embedText is what an embed of it (an item of the file in) shows: its
// plain text, with its sections', cut at maxEmbed.
func embedText(it *Item, in *fileRec, items *embedItems) string {
	var sb strings.Builder
	sb.WriteString(it.Text)
	for _, id := range it.Sections {
		if sb.Len() > maxEmbed {
			break
		}
		if s, ok := items.find(in, id, false); ok {
			sb.WriteString("\n\n" + s.Title + "\n\n" + s.Text)
		}
	}
	t := strings.TrimSpace(sb.String())
	if len(t) > maxEmbed {
		cut := strings.LastIndexAny(t[:maxEmbed], " \n")
		if cut < maxEmbed/2 {
			cut = maxEmbed
		}
		for cut > 0 && !isRuneStart(t[cut]) {
			cut--
		}
		t = t[:cut] + " …"
	}
	return t
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
