package kb

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"

	"github.com/poisehq/poise/kb/internal/mdparse"
)

// LoadOptions adjusts how a pack is loaded.
type LoadOptions struct {
	// ID is the pack id to use when there is no pack.toml (a plain folder of
	// markdown). LoadDir passes the folder's name.
	ID string
	// Builtin marks the pack bundled with Poise.
	Builtin bool
	// FileLoaded, if set, is called once each markdown file of the pack
	// is loaded, one call at a time: a count for the person waiting on a
	// folder of thousands of notes (seconds of silence otherwise).
	FileLoaded func()

	// fileRead, if set, is given each markdown file's content as read,
	// whole, on the worker that read it (FileHashes.recorder).
	fileRead func(path string, src []byte)
}

// LoadDir loads the pack in dir. See LoadFS for what it returns.
func LoadDir(dir string) (*Pack, error) { return loadDir(dir, false, LoadOptions{}) }

// LintDir loads the pack in dir to check it, as LoadDir does, except that it
// also accepts the source folder of the built-in pack (id "builtin"): a lint
// installs nothing, so a contributor checking content/ impersonates nobody.
func LintDir(dir string) (*Pack, error) { return loadDir(dir, true, LoadOptions{}) }

// loadDir loads the pack in dir with opts (whose ID it sets).
func loadDir(dir string, builtinSource bool, opts LoadOptions) (*Pack, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("load pack %s: %w", dir, err)
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("load pack %s: not a folder", dir)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	opts.ID = filepath.Base(abs)
	p, err := LoadFS(os.DirFS(dir), opts)
	if builtinSource && errors.Is(err, ErrReservedID) {
		// Only a folder whose manifest gives the built-in pack's own id is
		// its source; a team pack merely named "Built-in" stays refused.
		if bp, berr := LoadFS(os.DirFS(dir), LoadOptions{ID: BuiltinID, Builtin: true}); bp != nil && bp.Manifest.ID == BuiltinID {
			p, err = bp, berr
		}
	}
	if err != nil && p == nil {
		return nil, fmt.Errorf("load pack %s: %w", dir, err)
	}
	return p, err
}

// LoadFS loads the pack at the root of fsys: pack.toml, synonyms.md and every
// markdown file, skipping names that start with "." or "_". Without pack.toml
// it loads the folder as plain markdown (see docs/pack-format.md).
//
// When the pack has problems, LoadFS returns the pack holding everything that
// did load together with a *ProblemsError listing every problem. Other
// errors (an unreadable folder) come with a nil pack.
func LoadFS(fsys fs.FS, opts LoadOptions) (*Pack, error) {
	l, pack, src, err := startLoad(fsys, opts)
	if err != nil {
		return nil, err
	}
	paths, err := l.markdownFiles()
	if err != nil {
		return nil, err
	}
	l.walked = true
	if l.plain {
		l.notes = newNoteIndex(paths)
		pack.names = &noteNames{ix: l.notes}
	}
	l.loadItems(pack, paths)
	l.checkOverrides(&pack.Manifest, src)
	l.ps = append(l.ps, shadowedPhrases(pack.Items)...)
	return pack, l.ps.err()
}

// LoadFiles loads the manifest of the pack at the root of fsys and the
// items of only the given markdown files (slash-separated paths inside
// it; missing files, and names LoadFS would skip, give none), as LoadFS
// makes them: what reindexing a few edited files needs, in the time of
// those files rather than of the pack. Links to other files are left
// unresolved and ids are checked for duplicates among these files only,
// so the pack's problems are LoadFS's to report.
func LoadFiles(fsys fs.FS, opts LoadOptions, paths []string) (*Pack, error) {
	p, _, err := LoadFilesChecked(fsys, opts, paths)
	return p, err
}

// LoadFilesChecked is LoadFiles with the problems of those files, as
// LoadFS would report them for them: links to the pack's other files are
// resolved by reading each linked file for its headings (only those
// files, once each), so an edited note's links open what they name and a
// broken one is reported, without loading the pack. What only the whole
// pack shows (an id another file also uses) is not checked.
func LoadFilesChecked(fsys fs.FS, opts LoadOptions, paths []string) (*Pack, []Problem, error) {
	return loadFiles(fsys, opts, paths, nil, false)
}

// loadFiles is LoadFilesChecked with notes, the pack's note names when
// known (nil: listed from fsys), for bodies only (loadBodies) or not.
func loadFiles(fsys fs.FS, opts LoadOptions, paths []string, notes *noteIndex, bodies bool) (*Pack, []Problem, error) {
	l, pack, _, err := startLoad(fsys, opts)
	if err != nil {
		return nil, nil, err
	}
	l.partial, l.bodies = true, bodies
	var keep []string
	for _, p := range paths {
		if !fs.ValidPath(p) || !isMarkdown(p) || skippedPath(p) {
			continue
		}
		// Lstat, as markdownFiles walks: a note that is a symbolic link
		// could lead anywhere outside the pack.
		info, err := fs.Lstat(fsys, p)
		if err != nil {
			continue
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			l.ps.add(p, 0, "%s", linkedNoteProblem)
			continue
		}
		if !info.Mode().IsRegular() {
			continue
		}
		keep = append(keep, p)
	}
	slices.Sort(keep)
	keep = slices.Compact(keep)
	if l.plain && notes == nil { // wikilinks name notes by name: know every note's
		all, err := l.markdownFiles()
		if err != nil {
			return nil, nil, err
		}
		notes = newNoteIndex(all)
	}
	if l.plain {
		l.notes = notes
		pack.names = &noteNames{ix: notes} // listed after the change
	}
	l.loadItems(pack, keep)
	return pack, l.ps, nil
}

// otherFile is the file at p (NFC-composed path key), read for its
// anchors only, when a file LoadFilesChecked loads links to it: nil when
// the pack has no such file.
func (l *loader) otherFile(p, key string) *fileRec {
	if rec, seen := l.others[key]; seen {
		return rec
	}
	var rec *fileRec
	if fs.ValidPath(p) && !skippedPath(p) {
		if info, err := fs.Lstat(l.fsys, p); err == nil && info.Mode().IsRegular() {
			rec = l.loadFile(p, nil).rec
		}
	}
	if l.others == nil {
		l.others = map[string]*fileRec{}
	}
	l.others[key] = rec
	return rec
}

// skippedPath reports whether a file is out of a pack because a part of
// its path starts with "." or "_".
func skippedPath(p string) bool {
	for _, part := range strings.Split(p, "/") {
		if strings.HasPrefix(part, ".") || strings.HasPrefix(part, "_") {
			return true
		}
	}
	return false
}

// loadItems loads the files at paths into pack, in path order.
func (l *loader) loadItems(pack *Pack, paths []string) {
	// The maps every file's merge adds to, sized for the files at once:
	// grown from empty, the ids of the issue 10 vault's 55,000 items were
	// rehashed table by table, three quarters of the merge's time on the
	// goroutine that hands the files out.
	if len(l.files) == 0 && len(l.ids) == 0 {
		l.files = make(map[string]*fileRec, len(paths))
		l.ids = make(map[string]Source, len(paths)*itemsPerFile)
	}
	l.build(paths, func(f *fileLoad) {
		l.ps = append(l.ps, f.ps...)
		pack.Synonyms = append(pack.Synonyms, f.synonyms...)
		if f.rec == nil {
			return
		}
		rec := f.rec
		rec.items = slices.DeleteFunc(rec.items, func(it Item) bool { return !l.claim(it) })
		l.files[norm.NFC.String(rec.path)] = rec // links name files composed or not
		l.order = append(l.order, rec)
	})
	l.originals = originalPacks(pack.Manifest)
	if !l.partial {
		l.finishFiles(pack)
		return
	}
	if !l.bodies {
		l.resolveLinks(l.order)
	}
	pack.OriginalLinks = l.originalLinks
	if l.plain {
		l.showEmbeds(l.order, &embedItems{order: l.order, partial: l})
	}
	pack.Items = gatherItems(pack.Items, l.order)
}

// itemsPerFile is about how many items a file gives, to size the map of
// ids before loading: a note of the issue 10 vault gives 8.7 (itself and
// its sections); a file that gives fewer leaves room unused until the
// load ends.
const itemsPerFile = 8

// gatherItems appends the items of recs to items, growing it once: Items
// are large, and a vault of 55,000 grown by doubling copied 120 MB.
func gatherItems(items []Item, recs []*fileRec) []Item {
	n := 0
	for _, rec := range recs {
		n += len(rec.items)
	}
	items = slices.Grow(items, n)
	for _, rec := range recs {
		items = append(items, rec.items...)
	}
	return items
}

// startLoad reads the manifest and settles the pack's id.
func startLoad(fsys fs.FS, opts LoadOptions) (*loader, *Pack, []byte, error) {
	l := &loader{fsys: fsys, opts: opts, files: map[string]*fileRec{}, ids: map[string]Source{}}
	pack := &Pack{Builtin: opts.Builtin}
	src, err := fs.ReadFile(fsys, "pack.toml")
	switch {
	case err == nil:
		pack.Manifest = parseManifest(src, &l.ps)
		l.plain = pack.Manifest.Layout == LayoutNotes
	case errors.Is(err, fs.ErrNotExist):
		l.plain = true
		pack.Manifest = Manifest{ID: slugify(opts.ID), Name: opts.ID, Version: "0.0.0"}
	default:
		return nil, nil, nil, fmt.Errorf("read pack.toml: %w", err)
	}
	l.lang = pack.Manifest.Language
	// The id is normalised here, once: the manifest keeps the id its items
	// use, so every later comparison (duplicates, overrides, "Built-in"
	// labels) sees the same id.
	l.id = pack.Manifest.ID
	if !validSlug(l.id) {
		l.id = slugify(l.id)
	}
	if l.id == "" {
		l.id = cmp.Or(slugify(opts.ID), "pack")
	}
	pack.Manifest.ID = l.id
	if !opts.Builtin {
		for _, f := range []struct{ key, val string }{{"id", l.id}, {"name", pack.Manifest.Name}} {
			if looksBuiltin(f.val) {
				return nil, nil, nil, fmt.Errorf("%w: %s %q reads as the built-in pack bundled with Poise", ErrReservedID, f.key, f.val)
			}
		}
	}
	if l.plain && pack.Manifest.Name == "" {
		pack.Manifest.Name = l.id
	}
	pack.Notes = l.plain
	return l, pack, src, nil
}

// loader holds the state of one LoadFS call.
type loader struct {
	fsys  fs.FS
	opts  LoadOptions
	id    string     // pack id used in item ids
	plain bool       // no pack.toml: headings become items
	notes *noteIndex // plain folders: finds the note a wikilink names
	lang  string     // the manifest's language, "" to detect per file
	ps    problems
	files map[string]*fileRec
	order []*fileRec
	ids   map[string]Source
	// originals maps the files this pack overrides to their packs, and
	// originalLinks are the links of those files left to the library
	// (link_original.go).
	originals     map[string]string
	originalLinks []OriginalLink
	// partial is set when only some files load (LoadFilesChecked):
	// others are the pack's other files their links lead to, read for
	// their anchors (nil for a file that is not there).
	partial bool
	others  map[string]*fileRec
	// linked are the files links' paths lead to, by the linking file's
	// folder and the path as written (linkedFile).
	linked map[[2]string]linkedHit
	// bodies is set when only the items' bodies are wanted (loadBodies):
	// their links are not resolved, but for embeds.
	bodies bool
	// work is what a loading worker keeps from one file to the next
	// (nil when the file is loaded alone).
	work *worker
	// walked is set when the files loaded are those markdownFiles
	// listed (LoadFS), irregular those it found not to be regular files
	// (a pipe, a device): the others are read without a stat of their
	// path first (readWalkedInto).
	walked    bool
	irregular map[string]bool
}

// worker is what one of the goroutines loading a pack's files keeps from
// one file to the next.
type worker struct {
	// read is the buffer it reads its notes into (plain folders): a note
	// whose syntax is rewritten is built from its rewritten copy, so its
	// file's bytes need no buffer of their own (a twentieth of what
	// loading a vault allocated).
	read []byte
	// hrefs are the links wikilinks became, by the linking note's folder
	// and the note linked: notes of a folder link to the same notes, and
	// making each link was a fiftieth of what loading a vault allocated.
	hrefs map[[2]string]string
	// notes is where its notes' line starts, blocks, wikilinks and
	// code spans are made (ScanNotesWith): a note's Doc is done with
	// once its items are built.
	notes mdparse.Scratch
	// files are the notes wikilinks name, by the linking note's folder
	// and the name as written (noteFile).
	files map[[2]string]string
	// edits is the room noteEdits makes a note's edits in: they are done
	// with once its Doc is rewritten.
	edits []mdparse.Edit
	// items is the room its notes' items are made in (itemRoom).
	items []Item
}

// itemChunk is how many items the room a worker makes its notes' items
// in holds.
const itemChunk = 256

// itemRoom is an empty slice with room for n items of one file. A
// worker cuts them from room of its own, made for many files at once:
// an Item is several hundred bytes, and a slice for each file's few,
// rounded up to the allocator's sizes, was a third larger than the
// items (8 of the 32 MB the issue 10 vault's items took) and an
// allocation per file.
func (l *loader) itemRoom(n int) []Item {
	w := l.work
	if w == nil || n > itemChunk/4 {
		return make([]Item, 0, n)
	}
	if len(w.items)+n > cap(w.items) {
		w.items = make([]Item, 0, itemChunk)
	}
	at := len(w.items)
	w.items = w.items[:at+n]
	return w.items[at : at : at+n]
}

// maxHrefs bounds worker.hrefs and worker.files: each is emptied when it
// holds more.
const maxHrefs = 4096

// fileRec is one loaded markdown file, kept until links are resolved.
type fileRec struct {
	path    string
	id      string // the id of the file's own item, or its id prefix
	items   []Item
	anchors map[string]string // link fragment → item id
	links   []mdparse.Link
	embeds  []embedRef // notes embedded in this one (plain folders)
	// written are the links wikilinks became, with the wikilinks as
	// written, so problems quote what the note says (a slice, not a map:
	// it is read only for a broken link, and a map per note was a
	// twentieth of rewriting a vault's wikilinks).
	written   []writtenLink
	writtenBy map[string]string // written by href, made at the first broken link
}

type writtenLink struct{ href, wikilink string }

// wikilink is the wikilink that became the link href, the last one when
// several did.
func (rec *fileRec) wikilink(href string) (string, bool) {
	if rec.writtenBy == nil && len(rec.written) > 0 {
		rec.writtenBy = make(map[string]string, len(rec.written))
		for _, w := range rec.written {
			rec.writtenBy[w.href] = w.wikilink
		}
	}
	w, ok := rec.writtenBy[href]
	return w, ok
}

func (l *loader) markdownFiles() ([]string, error) {
	var paths []string
	err := fs.WalkDir(l.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." {
				return err
			}
			l.ps.add(p, 0, "%s", unreadable(p, err))
			return nil
		}
		name := d.Name()
		if p != "." && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			// A link inside a pack could lead anywhere (a system file, a
			// private note); its text would reach search and the lint.
			// Import and install never follow links either.
			if isMarkdown(name) {
				l.ps.add(p, 0, "%s", linkedNoteProblem)
			}
			return nil
		}
		if !d.IsDir() && isMarkdown(name) {
			paths = append(paths, p)
			if !d.Type().IsRegular() {
				if l.irregular == nil {
					l.irregular = map[string]bool{}
				}
				l.irregular[p] = true
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list pack files: %w", err)
	}
	slices.Sort(paths)
	return paths, nil
}

// linkedNoteProblem is the problem of a note that is a symbolic link.
const linkedNoteProblem = "is a symbolic link, which Poise never follows inside a pack; copy the note itself here instead (it was skipped)"

func isMarkdown(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

// kindFolders maps a top folder to the kind of its files.
var kindFolders = map[string]Kind{
	"guides": KindGuide, "matrix": KindMatrix, "statements": KindStatement,
	"phrases": KindPhrase, "checklists": KindChecklist, "templates": KindTemplate,
}

// fileLoad is what one markdown file gave: its items (nil rec when it
// gave none), synonyms and problems. Files are loaded apart from each other
// and merged in path order, so ids and problems do not depend on timing.
type fileLoad struct {
	rec      *fileRec
	synonyms []SynonymSet
	ps       problems
}

// build loads the files on every core and hands each result to merge, in
// path order, on the calling goroutine. Parsing is most of a load's time,
// and a parsed document is several times the size of its file, so each is
// turned into items and dropped as soon as it is parsed: one parsed file
// per core is held at once, whatever the size of the pack.
func (l *loader) build(paths []string, merge func(*fileLoad)) {
	workers := max(1, min(runtime.GOMAXPROCS(0), len(paths)))
	// Files loaded ahead of the merge. What a loaded file holds (its
	// items, links and problems) is kept until the pack is built whatever
	// the window, and parsed documents stay with their worker, so the
	// window bounds no memory worth bounding; too small, it left a core
	// idle: files are merged in path order, and one slow (large) file
	// let the other worker run the window out and wait. With 4 files a
	// worker, handed out by a goroutine of their own, the issue 10
	// vault's loading kept 1.6 of 2 cores busy (go test -trace: workers
	// waiting for a file a third of the time, for the window or for that
	// goroutine to be scheduled); workers now take the next file
	// themselves.
	window := 256 * workers
	slots := make([]chan *fileLoad, len(paths))
	for i := range slots {
		slots[i] = make(chan *fileLoad, 1)
	}
	var next atomic.Int64
	ahead := make(chan struct{}, window)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var w worker
			for {
				ahead <- struct{}{} // released once merged
				i := int(next.Add(1) - 1)
				if i >= len(paths) {
					<-ahead
					return
				}
				slots[i] <- l.loadFile(paths[i], &w)
			}
		})
	}
	for i := range paths {
		merge(<-slots[i])
		slots[i] = nil
		<-ahead
		if l.opts.FileLoaded != nil {
			l.opts.FileLoaded()
		}
	}
	wg.Wait()
}

// loadFile reads, parses and builds the items of one file with a loader of
// its own, so files can be loaded at the same time.
func (l *loader) loadFile(p string, w *worker) *fileLoad {
	fl := &loader{fsys: l.fsys, opts: l.opts, id: l.id, plain: l.plain, notes: l.notes, lang: l.lang, work: w, walked: l.walked && w != nil, irregular: l.irregular}
	rec, syns := fl.buildFile(p)
	return &fileLoad{rec: rec, synonyms: syns, ps: fl.ps}
}

func (l *loader) buildFile(p string) (*fileRec, []SynonymSet) {
	reuse := l.plain && l.work != nil
	var buf []byte
	if reuse {
		buf = l.work.read
	}
	read := readLimitedInto
	if l.walked && !l.irregular[p] {
		read = readWalkedInto // the walk saw a regular file
	}
	src, err := read(l.fsys, p, MaxFileBytes, buf)
	if reuse && cap(src) > cap(buf) {
		l.work.read = src[:0] // the worker's next files read into it
	}
	if errors.Is(err, errTooLarge) {
		l.ps.addTo(GroupTooLarge, p, 0, "the file is larger than %d MB, so it was skipped; split it into several files (one per chapter or topic), each under %d MB", MaxFileBytes>>20, MaxFileBytes>>20)
		return nil, nil
	}
	if err != nil {
		l.ps.add(p, 0, "%s", unreadable(p, err))
		return nil, nil
	}
	if l.opts.fileRead != nil {
		l.opts.fileRead(p, src)
	}
	if !utf8.Valid(src) {
		l.ps.addTo(GroupNotText, p, 1+bytes.Count(src[:invalidUTF8(src)], []byte("\n")), "text is not UTF-8; save the file as UTF-8 in your editor (it was skipped)")
		return nil, nil
	}
	// Windows line endings would otherwise reach copied text as stray \r.
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	if bytes.Contains(src, []byte("\r\n")) { // ReplaceAll copies even when there is none
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	var doc *mdparse.Doc
	if l.plain {
		// Blocks are made below, once it is known whether the note is
		// parsed again with its syntax rewritten.
		if l.work != nil {
			doc = mdparse.ScanNotesWith(src, &l.work.notes)
		} else {
			doc = mdparse.ScanNotes(src)
		}
	} else {
		doc = mdparse.Parse(src)
	}
	fm := parseFrontMatter(doc.Front, doc.FrontLine, p, &l.ps, l.plain)

	if !l.plain && strings.EqualFold(p, "synonyms.md") {
		return nil, l.synonyms(p, doc)
	}

	dir, base := path.Split(p)
	slug := slugify(strings.TrimSuffix(base, path.Ext(base)))
	if fm.ID != "" {
		if validSlug(fm.ID) {
			slug = fm.ID
		} else {
			l.ps.add(p, fm.Lines["id"], "id %q is not valid; use lower case letters, digits and hyphens, such as %q", fm.ID, slugify(fm.ID))
		}
	}
	var parts []string
	for _, d := range strings.Split(strings.Trim(dir, "/"), "/") {
		if d != "" {
			parts = append(parts, slugify(d))
		}
	}
	rec := &fileRec{path: p, id: strings.Join(append(append([]string{l.id}, parts...), slug), "/"), anchors: map[string]string{}, links: doc.Links}

	kind := KindGuide
	if top, _, ok := strings.Cut(p, "/"); ok {
		if k, ok := kindFolders[strings.ToLower(top)]; ok {
			kind = k
		}
	}
	if fm.Kind != "" {
		k, err := ParseKind(fm.Kind)
		if err != nil {
			l.ps.add(p, fm.Lines["kind"], "unknown kind %q; use guide, matrix, statements, phrases, checklist or template", fm.Kind)
		} else {
			kind = k
		}
	}
	b := &builder{l: l, rec: rec, doc: doc, fm: fm, file: p}
	if l.plain {
		b.tags = mergeTags(fm.Tags, doc.Tags)
		if len(doc.Wikilinks)+len(doc.Callouts) > 0 {
			// Parsed again as plain markdown: lines are kept, so items and
			// problems point where the file says.
			edits := b.noteEdits(doc)
			b.doc = doc.Rewrite(edits)
			doc = b.doc
			if l.work != nil {
				clear(edits) // the next note's, without holding this one's texts
				l.work.edits = edits[:0]
			}
			rec.links = doc.Links
		} else {
			// Not rewritten: the items' bodies are slices of the note,
			// which the worker's next file must not overwrite.
			doc.Source = bytes.Clone(doc.Source)
			doc.FillBlocks()
			rec.links = doc.Links
		}
	} else {
		b.tags = fm.Tags
	}
	if len(b.tags) > MaxFileTags {
		l.ps.add(p, fm.Lines["tags"], "the file has more than %d tags, and only the first %d are kept; keep the few that sort it and remove the others", MaxFileTags, MaxFileTags)
		b.tags = b.tags[:MaxFileTags:MaxFileTags]
	}
	// The items' bodies are slices of the note: its bytes, read for this
	// load and never written again, are shared rather than copied (a
	// twentieth of what loading a vault allocated).
	b.src = unsafe.String(unsafe.SliceData(doc.Source), len(doc.Source))
	b.lang = cmp.Or(fm.Lang, l.lang)
	if b.lang == "" {
		b.lang = cmp.Or(DetectLanguage(b.src[doc.BodyStart:]), FolderLanguage(p))
	}
	switch {
	case l.plain:
		b.plainFile()
	case kind == KindGuide:
		b.guide()
	case kind == KindMatrix:
		b.matrix()
	case kind == KindStatement:
		b.statements()
	case kind == KindPhrase:
		b.phrases()
	case kind == KindChecklist:
		b.checklist()
	case kind == KindTemplate:
		b.template()
	}
	return rec, nil
}

// claim records it's id, reporting a duplicate; false drops the item.
func (l *loader) claim(it Item) bool {
	if prev, dup := l.ids[it.ID]; dup {
		l.ps.addTo(GroupDuplicate, it.Source.File, it.Source.Line, "id %q is already used at %s:%d; set a different id: in the front matter of one of them, or rename a heading or file", it.ID, prev.File, prev.Line)
		return false
	}
	l.ids[it.ID] = it.Source
	return true
}

func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// checkOverrides drops overrides that replace nothing of this pack's own:
// an entry names another pack's item, and this pack must have the item of
// the same folder and slug to stand in for it.
func (l *loader) checkOverrides(m *Manifest, manifest []byte) {
	kept := m.Overrides[:0]
	for _, o := range m.Overrides {
		owner, rest, _ := strings.Cut(o, "/")
		switch {
		case owner == l.id:
			l.ps.add("pack.toml", keyLine(manifest, "overrides"), "overrides entry %q names this pack's own item; list items of other packs only", o)
		case !l.hasItem(l.id + "/" + rest):
			l.ps.add("pack.toml", keyLine(manifest, "overrides"), "overrides entry %q has no item %q in this pack to replace it; add %s.md or remove the entry", o, l.id+"/"+rest, rest)
		default:
			kept = append(kept, o)
		}
	}
	m.Overrides = kept
}

// hasItem reports whether the pack has the item id, or a file whose items
// are id's fragments (a statements or phrases file is "id#1", "id#2", …).
func (l *loader) hasItem(id string) bool {
	if _, ok := l.ids[id]; ok {
		return true
	}
	for _, rec := range l.order {
		if rec.id == id && len(rec.items) > 0 {
			return true
		}
	}
	return false
}

// looksBuiltin reports whether a pack id or name would read as the built-in
// pack's: the app labels packs by name and the CLI by id, so "Built-in",
// "built in" or "builtín" next to an item would pass for bundled content.
// Case, accents and everything but letters and digits are ignored.
func looksBuiltin(s string) bool {
	var sb strings.Builder
	for _, r := range norm.NFKD.String(strings.ToLower(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			sb.WriteRune(r)
		}
	}
	return sb.String() == BuiltinID
}

// unreadable says why the file at p could not be read, and what to do.
func unreadable(p string, err error) string {
	switch {
	case !utf8.ValidString(p):
		return "its name is not UTF-8 text, so it cannot be read; rename it (it was skipped)"
	case errors.Is(err, errNotRegular):
		return "is not a regular file (a pipe or a device); remove it, or put the note itself here (it was skipped)"
	}
	return fmt.Sprintf("could not be read (%v); check its permissions", err)
}
