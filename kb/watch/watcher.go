package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options tune a Watcher; the zero value is the defaults.
type Options struct {
	// Debounce is how long the files must be quiet before a change is
	// reported: an editor saving writes several times. 300 ms unless set.
	Debounce time.Duration
	// MaxWait reports a change at the latest this long after its first
	// event, even while files keep changing. 2 s unless set.
	MaxWait time.Duration
	// MaxFolders bounds how many folders are watched (each costs the
	// system a watch). 4,000 unless set.
	MaxFolders int
}

func (o Options) withDefaults() Options {
	if o.Debounce <= 0 {
		o.Debounce = 300 * time.Millisecond
	}
	if o.MaxWait <= 0 {
		o.MaxWait = 2 * time.Second
	}
	if o.MaxFolders <= 0 {
		o.MaxFolders = 4000
	}
	return o
}

// ErrTooManyFolders is reported once when the packs hold more folders than
// Options.MaxFolders; the rest are not watched.
var ErrTooManyFolders = errors.New("too many folders to watch")

// Change is what changed in one pack folder.
type Change struct {
	// Dir is the pack folder's name in the packs folder.
	Dir string
	// Files are the markdown files that were written, added, removed or
	// renamed (old and new name), slash-separated and inside the pack
	// folder, sorted; nil when anything in the pack may have changed (its
	// pack.toml, a folder, events lost), so it is to be read whole.
	Files []string
}

// maxFiles bounds the files remembered for one pack between reports;
// beyond it the pack is read whole.
const maxFiles = 256

// Watcher watches the pack folders in one packs folder.
type Watcher struct {
	root     string
	opts     Options
	fsw      *fsnotify.Watcher
	onChange func([]Change)
	onError  func(error)

	mu sync.Mutex
	// pending are the pack folders changed since the last report, with
	// their changed files (nil: the whole pack).
	pending map[string]map[string]bool
	first   time.Time
	timer   *time.Timer
	watched int
	// dirs are the folders watched, by path: a removed or renamed path
	// that is one of them took files with it.
	dirs   map[string]bool
	full   bool // MaxFolders reached and reported
	closed bool
	done   chan struct{}
}

// New watches the pack folders in packsDir (each folder but those whose
// names start with "." or "_", which the loader skips too). onChange gets
// the pack folders whose markdown or pack.toml changed, were added or
// went, with the files that did when they are known (so search reindexes
// only those), sorted by folder, after they have been quiet for
// Options.Debounce; onError gets what goes wrong while watching. Both run
// on the watcher's goroutine.
func New(packsDir string, opts Options, onChange func([]Change), onError func(error)) (*Watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch packs: %w", err)
	}
	if onError == nil {
		onError = func(error) {}
	}
	w := &Watcher{root: packsDir, opts: opts.withDefaults(), fsw: fsw, onChange: onChange, onError: onError,
		pending: map[string]map[string]bool{}, dirs: map[string]bool{}, done: make(chan struct{})}
	if err := w.add(packsDir, 0); err != nil && !errors.Is(err, errFull) {
		fsw.Close()
		return nil, fmt.Errorf("watch packs: %w", err)
	}
	go w.run()
	return w, nil
}

// Close stops watching. No report starts after it returns.
func (w *Watcher) Close() error {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return nil
	}
	w.closed = true
	if w.timer != nil {
		w.timer.Stop()
	}
	w.mu.Unlock()
	err := w.fsw.Close()
	<-w.done
	return err
}

// maxDepth bounds how deep folders are watched, so a link loop cannot
// run away.
const maxDepth = 32

// errFull stops adding folders once MaxFolders are watched.
var errFull = errors.New("watch limit reached")

// add watches dir and the folders under it that the loader reads. depth
// is 0 for the packs folder, 1 for a pack folder; only a pack folder may
// be a link (to where a team keeps its pack), as in the loader.
func (w *Watcher) add(dir string, depth int) error {
	if depth > maxDepth {
		return nil
	}
	if err := w.watch(dir); err != nil {
		if depth == 0 || errors.Is(err, errFull) {
			return err
		}
		w.onError(err)
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		if depth == 0 {
			return err
		}
		return nil
	}
	for _, e := range entries {
		if skipped(e.Name()) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		switch {
		case e.IsDir():
		case e.Type()&fs.ModeSymlink != 0 && depth == 0:
			if info, err := os.Stat(p); err != nil || !info.IsDir() {
				continue
			}
		default:
			continue
		}
		if err := w.add(p, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// watch adds one folder, within MaxFolders.
func (w *Watcher) watch(dir string) error {
	w.mu.Lock()
	if w.watched >= w.opts.MaxFolders {
		full := w.full
		w.full = true
		w.mu.Unlock()
		if !full {
			w.onError(fmt.Errorf("%w: watching the first %d; changes in the others are picked up at the next start", ErrTooManyFolders, w.opts.MaxFolders))
		}
		return errFull
	}
	w.watched++
	w.dirs[dir] = true
	w.mu.Unlock()
	if err := w.fsw.Add(dir); err != nil {
		return fmt.Errorf("watch %s: %w", dir, err)
	}
	return nil
}

// skipped is a name the loader skips, and so the watcher too: hidden
// files and folders (the store's .poise, editors' and atomic writes'
// temporary files) and "_" drafts.
func skipped(name string) bool {
	return name == "" || name[0] == '.' || name[0] == '_' || strings.HasSuffix(name, "~")
}

func (w *Watcher) run() {
	defer close(w.done)
	for {
		select {
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			w.event(ev)
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost: every pack may have changed.
				w.markAll()
				continue
			}
			w.onError(fmt.Errorf("watch packs: %w", err))
		}
	}
}

func (w *Watcher) event(ev fsnotify.Event) {
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return
	}
	parts := strings.Split(rel, string(filepath.Separator))
	for _, part := range parts {
		if skipped(part) {
			return
		}
	}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
			// A new folder: watch it, and count it as a change since
			// files may have landed in it before the watch began.
			_ = w.add(ev.Name, len(parts))
			w.mark(parts[0], "")
			return
		}
	}
	name := parts[len(parts)-1]
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case len(parts) > 1 && (ext == ".md" || ext == ".markdown"):
		w.mark(parts[0], strings.Join(parts[1:], "/"))
	case len(parts) == 1 || (len(parts) == 2 && name == "pack.toml") || ((ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename)) && w.wasFolder(ev.Name)):
		// The pack folder itself, its manifest, or a folder that went:
		// any of its files may have changed.
		w.mark(parts[0], "")
	}
}

// wasFolder reports whether path, removed or renamed, may have been a
// folder with notes in it: one watched, or any once MaxFolders were
// reached. Any other is a file the loader does not read: the temporary
// file an atomic save (sed -i, many editors) writes and renames over the
// note, whose rename read the whole pack again (a full reload of the
// issue 10 vault, 17-28 s, that also left its kept copy stale).
func (w *Watcher) wasFolder(path string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.dirs[path] {
		delete(w.dirs, path)
		return true
	}
	return w.full
}

// mark records a change of file (slash-separated, "" for any) in pack
// folder dir and (re)starts the quiet timer.
func (w *Watcher) mark(dir, file string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return
	}
	now := time.Now()
	if len(w.pending) == 0 {
		w.first = now
	}
	files, seen := w.pending[dir]
	switch {
	case file == "" || (seen && files == nil) || len(files) >= maxFiles:
		w.pending[dir] = nil
	case !seen:
		w.pending[dir] = map[string]bool{file: true}
	default:
		files[file] = true
	}
	wait := w.opts.Debounce
	if left := w.opts.MaxWait - now.Sub(w.first); left < wait {
		wait = max(left, 0)
	}
	if w.timer == nil {
		w.timer = time.AfterFunc(wait, w.report)
	} else {
		w.timer.Reset(wait)
	}
}

func (w *Watcher) markAll() {
	entries, _ := os.ReadDir(w.root)
	for _, e := range entries {
		if !skipped(e.Name()) {
			w.mark(e.Name(), "")
		}
	}
}

func (w *Watcher) report() {
	w.mu.Lock()
	if w.closed || len(w.pending) == 0 {
		w.mu.Unlock()
		return
	}
	changes := make([]Change, 0, len(w.pending))
	for d, files := range w.pending {
		c := Change{Dir: d}
		if files != nil {
			c.Files = slices.Sorted(maps.Keys(files))
		}
		changes = append(changes, c)
	}
	clear(w.pending)
	w.mu.Unlock()
	slices.SortFunc(changes, func(a, b Change) int { return strings.Compare(a.Dir, b.Dir) })
	w.onChange(changes)
}
