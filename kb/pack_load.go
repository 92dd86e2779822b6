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
	"unicode/utf8"

	"github.com/poisehq/poise/kb/internal/mdparse"
)

// LoadOptions adjusts how a pack is loaded.
type LoadOptions struct {
	// ID is the pack id to use when there is no pack.toml (a plain folder of
	// markdown). LoadDir passes the folder's name.
	ID string
	// Builtin marks the pack bundled with Poise.
	Builtin bool
}

// LoadDir loads the pack in dir. See LoadFS for what it returns.
func LoadDir(dir string) (*Pack, error) {
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
	p, err := LoadFS(os.DirFS(dir), LoadOptions{ID: filepath.Base(abs)})
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
	l := &loader{fsys: fsys, opts: opts, files: map[string]*fileRec{}, ids: map[string]Source{}}
	pack := &Pack{Builtin: opts.Builtin}
	src, err := fs.ReadFile(fsys, "pack.toml")
	switch {
	case err == nil:
		pack.Manifest = parseManifest(src, &l.ps)
	case errors.Is(err, fs.ErrNotExist):
		l.plain = true
		pack.Manifest = Manifest{ID: slugify(opts.ID), Name: opts.ID, Version: "0.0.0"}
	default:
		return nil, fmt.Errorf("read pack.toml: %w", err)
	}
	l.id = pack.Manifest.ID
	if !validSlug(l.id) {
		l.id = slugify(l.id)
	}
	if l.id == "" {
		l.id = cmp.Or(slugify(opts.ID), "pack")
	}
	if l.plain && pack.Manifest.Name == "" {
		pack.Manifest.Name = l.id
	}

	paths, err := l.markdownFiles()
	if err != nil {
		return nil, err
	}
	for _, f := range l.parse(paths) {
		l.loadFile(f, pack)
	}
	l.resolveLinks()
	for _, rec := range l.order {
		pack.Items = append(pack.Items, rec.items...)
	}
	l.ps = append(l.ps, shadowedPhrases(pack.Items)...)
	return pack, l.ps.err()
}

// loader holds the state of one LoadFS call.
type loader struct {
	fsys  fs.FS
	opts  LoadOptions
	id    string // pack id used in item ids
	plain bool   // no pack.toml: headings become items
	ps    problems
	files map[string]*fileRec
	order []*fileRec
	ids   map[string]Source
}

// fileRec is one loaded markdown file, kept until links are resolved.
type fileRec struct {
	path    string
	id      string // the id of the file's own item, or its id prefix
	items   []Item
	anchors map[string]string // link fragment → item id
	links   []mdparse.Link
}

func (l *loader) markdownFiles() ([]string, error) {
	var paths []string
	err := fs.WalkDir(l.fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." {
				return err
			}
			l.ps.add(p, 0, "could not be read (%v); check its permissions", err)
			return nil
		}
		name := d.Name()
		if p != "." && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && isMarkdown(name) {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list pack files: %w", err)
	}
	slices.Sort(paths)
	return paths, nil
}

func isMarkdown(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	return ext == ".md" || ext == ".markdown"
}

// kindFolders maps a top folder to the kind of its files.
var kindFolders = map[string]Kind{
	"guides": KindGuide, "matrix": KindMatrix, "statements": KindStatement,
	"phrases": KindPhrase, "checklists": KindChecklist, "templates": KindTemplate,
}

// kindNames maps the front matter's kind: values to kinds.
var kindNames = map[string]Kind{
	"guide": KindGuide, "guides": KindGuide, "matrix": KindMatrix,
	"statement": KindStatement, "statements": KindStatement,
	"phrase": KindPhrase, "phrases": KindPhrase,
	"checklist": KindChecklist, "checklists": KindChecklist,
	"template": KindTemplate, "templates": KindTemplate,
}

// parsed is one markdown file read and parsed, or the reason it was not.
type parsed struct {
	path    string
	doc     *mdparse.Doc
	readErr error
	badLine int // the first line that is not UTF-8; 0 when all is
}

// parse reads and parses the files on every core: parsing is most of the
// time a load takes, and the files do not depend on each other.
func (l *loader) parse(paths []string) []parsed {
	out := make([]parsed, len(paths))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		wg.Go(func() {
			for i := range next {
				out[i] = l.parseFile(paths[i])
			}
		})
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

func (l *loader) parseFile(p string) parsed {
	src, err := fs.ReadFile(l.fsys, p)
	if err != nil {
		return parsed{path: p, readErr: err}
	}
	if !utf8.Valid(src) {
		return parsed{path: p, badLine: 1 + bytes.Count(src[:invalidUTF8(src)], []byte("\n"))}
	}
	// Windows line endings would otherwise reach copied text as stray \r.
	src = bytes.ReplaceAll(bytes.TrimPrefix(src, []byte("\uFEFF")), []byte("\r\n"), []byte("\n"))
	return parsed{path: p, doc: mdparse.Parse(src)}
}

func (l *loader) loadFile(f parsed, pack *Pack) {
	p := f.path
	switch {
	case f.readErr != nil:
		l.ps.add(p, 0, "could not be read (%v); check its permissions", f.readErr)
		return
	case f.badLine > 0:
		l.ps.add(p, f.badLine, "text is not UTF-8; save the file as UTF-8 in your editor (it was skipped)")
		return
	}
	doc := f.doc
	fm := parseFrontMatter(doc.Front, doc.FrontLine, p, &l.ps)

	if !l.plain && strings.EqualFold(p, "synonyms.md") {
		pack.Synonyms = append(pack.Synonyms, l.synonyms(p, doc)...)
		return
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
		k, ok := kindNames[strings.ToLower(fm.Kind)]
		if !ok {
			l.ps.add(p, fm.Lines["kind"], "unknown kind %q; use guide, matrix, statements, phrases, checklist or template", fm.Kind)
		} else {
			kind = k
		}
	}
	b := &builder{l: l, rec: rec, doc: doc, fm: fm, file: p}
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
	rec.items = slices.DeleteFunc(rec.items, func(it Item) bool { return !l.claim(it) })
	l.files[p] = rec
	l.order = append(l.order, rec)
}

// claim records it's id, reporting a duplicate; false drops the item.
func (l *loader) claim(it Item) bool {
	if prev, dup := l.ids[it.ID]; dup {
		l.ps.add(it.Source.File, it.Source.Line, "id %q is already used at %s:%d; set a different id: in the front matter of one of them, or rename a heading or file", it.ID, prev.File, prev.Line)
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
