package search

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/poisehq/poise/internal/atomicfile"
	"github.com/poisehq/poise/internal/textsearch"
	"github.com/poisehq/poise/kb"
)

// ErrStale means the index on disk was not built for the library as it is
// now (or there is none): load the library and Open it.
var ErrStale = errors.New("the search index does not match the library")

// recordName is the file beside the index generations that says which
// library state the current one was built for.
const recordName = "library.state"

// record ties an index generation to the kb.LibraryState it was built
// from, with what opening it needs that would otherwise come from the
// library: its document count and synonyms.
type record struct {
	Key  string `json:"key"`
	Hash string `json:"hash"`
	// Dir names the index directory: the hash it was built for, which
	// updates in place leave behind ("" in records older than them).
	Dir      string     `json:"dir"`
	Len      int        `json:"len"`
	Synonyms [][]string `json:"synonyms"`
	// State is the library state in records written before it followed
	// the record: see readRecord.
	State *kb.LibraryState `json:"state"`
	// Versions are the mapping and document versions the index was built
	// with: the library state alone matches an index that an older Poise
	// built with another analysis, which must be rebuilt, not used.
	Versions string `json:"versions"`
	// Names are the indexed packs' names by id, what hits show before
	// the library loads; HasNames is false in records older than them.
	// They live here rather than only in the index's values, whose file
	// also holds every file's items (5.5 MB for a 6,300-file vault) and
	// was a quarter of what "poise search" did; the record is read
	// anyway, and written with the hash it names, so they are the index's.
	Names    map[string]string `json:"names"`
	HasNames bool              `json:"has_names"`
}

// indexVersions is what record.Versions must say for an index to be used.
func indexVersions() string { return textsearch.MappingVersion + "/" + documentVersion }

// readRecord reads the record kept in dir: the record in gob, then the
// library state as kb.LibraryState.AppendState writes it. gob read a
// large library's state file by file and field by field (5 ms and 14,000
// allocations at every start), and a state inside the gob record was
// copied twice more, each copy fresh memory the process faulted in.
func readRecord(dir string) (*record, error) {
	r, rest, err := readRecordHead(dir)
	if err != nil {
		return nil, err
	}
	if len(rest) > 0 {
		st, err := kb.DecodeState(rest)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", recordName, err)
		}
		r.State = st
	}
	return r, nil
}

// readRecordHead reads the record kept in dir without the library state
// that follows it: the state's encoded bytes are returned for
// kb.DecodeState (empty in records older than them, which hold it).
func readRecordHead(dir string) (*record, []byte, error) {
	raw, err := os.ReadFile(filepath.Join(dir, recordName))
	if err != nil {
		return nil, nil, err
	}
	var r record
	rd := bytes.NewReader(raw)
	if err := gob.NewDecoder(rd).Decode(&r); err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", recordName, err)
	}
	if r.Versions != indexVersions() {
		return nil, nil, fmt.Errorf("read %s: index built with %q, not %q", recordName, r.Versions, indexVersions())
	}
	return &r, raw[len(raw)-rd.Len():], nil
}

// RecordedState is the library state the index in dir was last built or
// opened for, nil when none is recorded. Pass it to kb.ScanLibrary as the
// previous state, so the scan reads only files that changed since.
func RecordedState(dir string) *kb.LibraryState {
	return ReadRecorded(dir).State()
}

// OpenCurrent opens the index kept in dir if it was built for the library
// in state, without loading the library: hits come with the titles and
// snippet texts the index stores, and a blank query lists nothing. It
// returns ErrStale when the index is missing or was built for another
// state. This is what lets "poise search" and the app's Find screen
// answer without parsing every file at start.
func OpenCurrent(dir string, state *kb.LibraryState, opts Options) (*Index, error) {
	return ReadRecorded(dir).OpenCurrent(state, opts)
}

// OpenRecorded opens the index last recorded in dir whatever the library
// on disk is now, to bring it up to date with UpdatePack, UpdateFiles or
// Sync rather than load the whole library: after a pack was installed or
// a file edited while nothing had the index open. It answers for the
// library it was built for (see OpenCurrent for what hits hold). It
// returns ErrStale when nothing is recorded, or the index does not hold
// what the record says.
func OpenRecorded(dir string, opts Options) (*Index, error) {
	r, err := readRecord(dir)
	if err != nil {
		return nil, ErrStale
	}
	ix := &Index{dir: dir, opts: opts}
	g, err := ix.openRecord(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrStale, err)
	}
	ix.gen = g
	return ix, nil
}

// openRecord opens the index r records, checking that it holds what r
// says: an update in place whose record was not written (a crash between
// the two) leaves another hash in the index, and the index is not used.
func (ix *Index) openRecord(r *record) (*generation, error) {
	return ix.openRecordWith(r, func() *kb.LibraryState { return r.State })
}

// openRecordWith is openRecord with the recorded state given by state,
// asked for once the index is open (see Recorded.Preopen).
func (ix *Index) openRecordWith(r *record, state func() *kb.LibraryState) (*generation, error) {
	timeout := ix.opts.openTimeout
	if timeout <= 0 {
		timeout = textsearch.DefaultOpenTimeout
	}
	name := r.Dir
	if name == "" {
		name = r.Hash
	}
	if name != filepath.Base(name) || name == "." || name == ".." {
		return nil, fmt.Errorf("%s names no index directory", recordName)
	}
	path := filepath.Join(ix.dir, name)
	eng, err := textsearch.OpenStored(path, &textsearch.Corpus{Hash: r.Hash, Len: r.Len, Synonyms: r.Synonyms}, ix.opts.ReadOnly, timeout)
	if err != nil {
		return nil, err
	}
	if !ix.opts.ReadOnly {
		// Opened to write, the data folder is ours: builds killed half
		// way are deleted here, or they stay for as long as this index
		// is kept or updated in place.
		textsearch.RemoveAbandoned(ix.dir, abandonedAfter)
	}
	names := namesOf(eng)
	if r.HasNames {
		names = func() map[string]string { return r.Names }
	}
	return &generation{eng: eng, hash: r.Hash, path: path, docs: r.Len, sets: r.Synonyms, state: state(), names: names}, nil
}

// abandonedAfter is how long a build's folder stays untouched before it
// is taken for one a killed process left (textsearch.RemoveAbandoned).
const abandonedAfter = time.Hour

// ErrShed is UpdateLibrary's answer for a library whose guides' bodies
// were left out (kb.Library.WithoutBodies): index the library as loaded.
var ErrShed = errors.New("the library's guides have no bodies to index")

// ShedBodies has the index answer for its library with the Body and Text
// of the guides of the packs shed chooses left out (kb.Library.WithoutBodies),
// and returns that library for the app to show: results show the titles
// and snippet texts the index stores for those guides, and the app reads
// a guide's body from its file when it is shown (kb.LoadBody). Nothing is
// indexed. This is what keeps the app's memory near the size of what it
// shows rather than of every note, once the library has been indexed.
// It returns nil when the index has no library.
func (ix *Index) ShedBodies(shed func(*kb.Pack) bool) *kb.Library {
	ix.updating.Lock()
	defer ix.updating.Unlock()
	old := ix.current()
	if old == nil || old.lib == nil {
		return nil
	}
	light := old.lib.WithoutBodies(shed)
	if light == old.lib {
		return light
	}
	g := *old
	g.lib = light
	if ix.swap(&g) != nil {
		return nil
	}
	return light
}

// UseShed has the index answer for light, which must be the library it
// answers for with bodies shed (its Library().WithoutBodies), made before
// the index took the library in so the app never shows (and keeps) the
// loaded one: see ShedBodies. false, and nothing changed, when the index
// answers for another library now (its packs differ).
func (ix *Index) UseShed(light *kb.Library) bool {
	ix.updating.Lock()
	defer ix.updating.Unlock()
	old := ix.current()
	if old == nil || old.lib == nil || len(old.lib.Packs) != len(light.Packs) {
		return false
	}
	for i, p := range old.lib.Packs {
		q := light.Packs[i]
		if p.Manifest.ID != q.Manifest.ID || len(p.Items) != len(q.Items) {
			return false
		}
	}
	g := *old
	g.lib = light
	return ix.swap(&g) == nil
}

// remember records that the generation g was built for its state, so the
// next OpenCurrent with the same state can use it. Failing to record only
// costs a library load next time.
func (ix *Index) remember(g *generation) {
	if g.state == nil || g.path == "" || ix.opts.ReadOnly {
		return
	}
	var buf bytes.Buffer
	// gob, not JSON: it is read at every start, and for a large library
	// JSON decoding alone took longer than the search.
	r := record{Key: g.state.Key(), Hash: g.hash, Dir: filepath.Base(g.path), Len: g.docs, Synonyms: g.sets, Names: g.packNames(), HasNames: true, Versions: indexVersions()}
	state := g.state.AppendState(nil)
	stamp := newRecordStamp(&r, state)
	if ix.stamped(stamp) {
		return // the record there says this already
	}
	if gob.NewEncoder(&buf).Encode(r) == nil {
		if atomicfile.Write(filepath.Join(ix.dir, recordName), append(buf.Bytes(), state...), 0o600) == nil {
			ix.setStamp(stamp)
		}
	}
}

// packNames is the name of every pack g answers for that has one, by id:
// from its library, else the entries it keeps, else the index's values.
func (g *generation) packNames() map[string]string {
	names := map[string]string{}
	switch {
	case g.lib != nil:
		for _, p := range g.lib.Packs {
			if p.Manifest.Name != "" {
				names[p.Manifest.ID] = p.Manifest.Name
			}
		}
	case g.entries != nil:
		for _, e := range g.entries {
			if e.Name != "" {
				names[e.ID] = e.Name
			}
		}
	case g.names != nil:
		return g.names()
	}
	return names
}
