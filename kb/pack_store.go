package kb

import (
	"bufio"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/poisehq/poise/internal/atomicfile"
)

// A large folder pack is kept on disk as the app shows it: its items with
// the guides' bodies left out (WithoutBodies) and its problems, with the
// state of the files it was loaded from (ScanLibrary's PackState, taken
// before they were read). At the next start a pack whose files still
// have that state is read from here in a fraction of a second instead of
// parsing every note (6–22 s and a peak of hundreds of MB for a vault of
// 6,000 notes); the bodies are read from a note when it is shown
// (LoadBody), and search answers from its own index. A pack whose files
// changed is loaded from its files, and kept again.

// storedPackFormat changes whenever what is kept changes meaning.
const storedPackFormat = 2

// ErrNotStored means no kept pack matches the files on disk: load it.
var ErrNotStored = errors.New("no kept copy of the pack matches its files")

// storedPack is the first part of the file a kept pack is written to:
// the pack without its items, which follow in chunks of keptChunk (one
// gob message each), so that neither writing nor reading the file holds
// a second copy of a large pack's items.
type storedPack struct {
	Format   int
	Version  string // loadVersion: what the loader makes of files
	State    PackState
	Pack     Pack // without Items
	Items    int  // how many follow
	Problems []Problem
}

// keptChunk is the number of items per gob message of a kept pack.
const keptChunk = 1024

// maxKeptItems bounds the items a kept file may announce, so a damaged
// one cannot ask for any amount of memory: ten times the 55,000 items of
// the issue 10 vault's folder of 6,300 notes.
const maxKeptItems = 1 << 20

// storedPackPath is where the pack of folder dir is kept in storeDir: a
// name made from the folder's, which may hold anything a folder may.
func storedPackPath(storeDir, dir string) string {
	sum := sha256.Sum256([]byte(dir))
	return filepath.Join(storeDir, hex.EncodeToString(sum[:12])+".gob")
}

// StorePack keeps p, the pack loaded from the files st describes, with
// problems, its problems then, in storeDir. Only a pack whose guides'
// bodies were left out (Shed) is kept: the bodies are what its notes are
// read again for.
func StorePack(storeDir string, p *Pack, st PackState, problems []Problem) error {
	if p == nil || !p.Shed || p.Dir != st.Dir {
		return fmt.Errorf("keep pack %s: only a pack of folder %q with its guides' bodies left out is kept", st.Dir, st.Dir)
	}
	return storePack(storeDir, p, st, problems)
}

// StorePackShedding is StorePack for p with its guides' bodies, kept as
// WithoutBodies would make it (the same bytes) without making it: the
// bodies are left out of one chunk of items at a time as it is written.
// A first build by "poise search" keeps the pack it indexes this way,
// where a copy of its 55,000 items (and a library around them) cost
// 0.3-0.4 CPU-s and memory at the build's peak on the issue 10 vault.
func StorePackShedding(storeDir string, p *Pack, st PackState, problems []Problem) error {
	if p == nil || p.Dir != st.Dir {
		return fmt.Errorf("keep pack %s: only a pack of folder %q is kept", st.Dir, st.Dir)
	}
	return storePack(storeDir, p, st, problems)
}

// storePack writes p as kept, leaving out its guides' bodies when it
// still has them.
func storePack(storeDir string, p *Pack, st PackState, problems []Problem) error {
	if len(p.Items) > maxKeptItems {
		return fmt.Errorf("keep pack %s: %d items is more than a kept pack holds", st.Dir, len(p.Items))
	}
	sp := storedPack{Format: storedPackFormat, Version: loadVersion, State: st, Pack: *p, Items: len(p.Items), Problems: problems}
	sp.Pack.Items = nil
	sp.Pack.Shed = true
	var chunk []Item // the items being written, bodies left out
	if !p.Shed {
		chunk = make([]Item, 0, min(len(p.Items), keptChunk))
	}
	if err := os.MkdirAll(storeDir, 0o700); err != nil {
		return fmt.Errorf("keep pack %s: %w", st.Dir, err)
	}
	err := atomicfile.WriteWith(storedPackPath(storeDir, st.Dir), 0o600, func(w io.Writer) error {
		enc := gob.NewEncoder(w)
		if err := enc.Encode(&sp); err != nil {
			return err
		}
		for items := p.Items; len(items) > 0; {
			n := min(len(items), keptChunk)
			out := items[:n]
			if chunk != nil {
				out = append(chunk[:0], out...)
				for i := range out {
					if out[i].Kind == KindGuide {
						out[i].Body, out[i].Text = "", ""
					}
				}
			}
			if err := enc.Encode(out); err != nil {
				return err
			}
			items = items[n:]
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("keep pack %s: %w", st.Dir, err)
	}
	return nil
}

// StoredPack is the pack kept in storeDir for the folder st describes,
// with its problems, when its files still have that state (ErrNotStored
// otherwise): what LoadLibraryKept reads instead of the folder.
func StoredPack(storeDir string, st PackState) (*Pack, []Problem, error) {
	p, problems, kept, err := readStored(storeDir, st.Dir)
	if err != nil {
		return nil, nil, err
	}
	if !sameFiles(kept, st) {
		return nil, nil, ErrNotStored
	}
	return p, problems, nil
}

// StoredPackUpdated is StoredPack for a pack folder dir (named as st
// says) whose files changed since it was kept: only the files that differ
// are read again (UpdateFiles), so a note edited while Poise was closed
// costs that note at the next start, not a parse of the folder. It is
// ErrNotStored when nothing is kept, or a change needs the whole pack.
func StoredPackUpdated(storeDir, dir string, st PackState) (*Pack, []Problem, error) {
	p, problems, kept, err := readStored(storeDir, st.Dir)
	if err != nil {
		return nil, nil, err
	}
	changed, ok := changedPaths(kept, st)
	if !ok {
		return nil, nil, ErrNotStored
	}
	if len(changed) == 0 {
		return p, problems, nil
	}
	up, problems, err := UpdateFiles(p, os.DirFS(dir), changed, problems)
	if err != nil {
		return nil, nil, fmt.Errorf("read kept pack %s again: %w (%w)", st.Dir, err, ErrNotStored)
	}
	return up, problems, nil
}

// changedPaths are the files that differ between two states of a pack
// folder (added, removed, other content or unread); false when the
// folder's manifest or synonyms changed, which only a whole load settles.
func changedPaths(a, b PackState) ([]string, bool) {
	if a.Dir != b.Dir {
		return nil, false
	}
	old := make(map[string]string, len(a.Files))
	for _, f := range a.Files {
		old[f.Path] = f.Hash
	}
	var changed []string
	for _, f := range b.Files {
		if h, ok := old[f.Path]; !ok || h == "" || h != f.Hash {
			changed = append(changed, f.Path)
		}
		delete(old, f.Path)
	}
	for path := range old {
		changed = append(changed, path)
	}
	for _, c := range changed {
		if strings.EqualFold(c, "pack.toml") || strings.EqualFold(c, "synonyms.md") {
			return nil, false
		}
	}
	slices.Sort(changed)
	return changed, true
}

// readStored reads what storeDir keeps of pack folder dir, with the
// state of the files it was kept for.
func readStored(storeDir, dir string) (*Pack, []Problem, PackState, error) {
	f, err := os.Open(storedPackPath(storeDir, dir))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, PackState{}, ErrNotStored
	}
	if err != nil {
		return nil, nil, PackState{}, fmt.Errorf("read kept pack %s: %w", dir, err)
	}
	defer f.Close()
	// Decoded as read: the file of a large vault is tens of MB, which
	// read whole first would add to the start's peak.
	var sp storedPack
	dec := gob.NewDecoder(bufio.NewReaderSize(f, 1<<16))
	if err := dec.Decode(&sp); err != nil {
		return nil, nil, PackState{}, fmt.Errorf("read kept pack %s: %w (%w)", dir, err, ErrNotStored)
	}
	if sp.Format != storedPackFormat || sp.Version != loadVersion || sp.State.Dir != dir ||
		sp.Pack.Dir != dir || !sp.Pack.Shed || sp.Pack.Builtin || sp.Items < 0 || sp.Items > maxKeptItems {
		return nil, nil, PackState{}, ErrNotStored
	}
	// Room for the items announced, but no more than the file's bytes
	// (each item takes at least one): a damaged file of a few bytes
	// announcing a million items would otherwise allocate 464 MB.
	room := sp.Items
	if fi, err := f.Stat(); err == nil {
		room = int(min(int64(room), fi.Size()))
	}
	sp.Pack.Items = make([]Item, 0, room)
	for len(sp.Pack.Items) < sp.Items {
		var chunk []Item
		if err := dec.Decode(&chunk); err != nil || len(chunk) == 0 || len(chunk) > sp.Items-len(sp.Pack.Items) {
			return nil, nil, PackState{}, fmt.Errorf("read kept pack %s: its items are cut short or damaged (%w)", dir, ErrNotStored)
		}
		sp.Pack.Items = append(sp.Pack.Items, chunk...)
	}
	compactItems(&sp.Pack)
	if sp.Pack.Notes {
		sp.Pack.names = &noteNames{} // listed at the first body read back
	}
	return &sp.Pack, sp.Problems, sp.State, nil
}

// sameFiles reports whether two states of a pack folder hold the same
// files with the same content. A file whose content was not read has no
// hash and never matches.
func sameFiles(a, b PackState) bool {
	return a.Dir == b.Dir && slices.EqualFunc(a.Files, b.Files, func(x, y FileState) bool {
		return x.Path == y.Path && x.Hash != "" && x.Hash == y.Hash
	})
}

// DropStoredPack removes what is kept of the pack of folder dir, so a
// start loads it from its files.
func DropStoredPack(storeDir, dir string) {
	_ = os.Remove(storedPackPath(storeDir, dir))
}

// PruneStoredPacks removes what storeDir keeps of pack folders other
// than dirs (packs removed or no longer large), so a removed pack's copy
// does not stay on disk for good.
func PruneStoredPacks(storeDir string, dirs []string) {
	want := map[string]bool{}
	for _, d := range dirs {
		want[filepath.Base(storedPackPath(storeDir, d))] = true
	}
	entries, err := os.ReadDir(storeDir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() {
			continue
		}
		if filepath.Ext(name) == ".gob" && !want[name] {
			_ = os.Remove(filepath.Join(storeDir, name))
		}
		// What a write cut short left (atomicfile's ".name.tmp-…"), as
		// large as the pack's copy; one still being written is recent.
		if strings.HasPrefix(name, ".") && strings.Contains(name, ".gob.tmp-") {
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > leftTempAge {
				_ = os.Remove(filepath.Join(storeDir, name))
			}
		}
	}
}

// leftTempAge is how old a kept pack's temporary file must be to be taken
// for one a cut write left: writing the largest takes seconds.
const leftTempAge = time.Hour
