package packs

import (
	"io/fs"
	"path/filepath"
	"slices"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/mine"
)

// A large folder pack whose files are as they were is never parsed
// again: once loaded, it is kept on disk as the screens show it (its
// guides without their bodies, kb.StorePack) with the scan of its files
// and its problems, and the next load reads it from there. The app and
// "poise search" both keep what they parse (KeptLoad), so whichever built
// the index first, the app's next start reads the kept copy.

// keptDirName is the folder of the data folder packs are kept in.
const keptDirName = "kept"

// KeptDir is where the packs of packsDir are kept: beside it, in the data
// folder; "" without a packs folder.
func KeptDir(packsDir string) string {
	if packsDir == "" {
		return ""
	}
	return filepath.Join(filepath.Dir(packsDir), keptDirName)
}

// shedMinItems is the size from which a pack's guides keep no body in
// memory once search has them (kb.Library.WithoutBodies): a folder of
// thousands of notes, whose bodies were most of the app's memory. A
// small team pack costs little and keeps its bodies.
const shedMinItems = 1000

// ShedPack chooses the packs whose guides' bodies are read from disk when
// shown, and which are kept (KeptLoad): large installed packs; never the
// built-in pack, which is inside the program, or My pack, which its
// editor works on.
func ShedPack(pk *kb.Pack) bool {
	return !pk.Builtin && pk.Manifest.ID != mine.ID && len(pk.Items) >= shedMinItems
}

// KeptLoad is one load of the library reading large packs as kept, and
// what it learnt: each pack's problems, and which packs were parsed (to
// keep next time).
type KeptLoad struct {
	builtin  fs.FS
	packsDir string
	state    *kb.LibraryState // the packs' files, scanned before loading
	logf     func(format string, args ...any)

	// ParseAll parses every pack, reading none as kept (an index about
	// to be built needs the bodies), but Keep still keeps the large ones.
	ParseAll bool
	// FileLoaded, if set, is called after each file of an installed pack
	// parsed from its folder, one call at a time (kb.Kept.FileLoaded).
	FileLoaded func()
	// Problems are each pack's problems, by pack id, once loaded.
	Problems map[string][]kb.Problem
	parsed   map[string]bool // by pack id
}

// Scan describes the files of builtin (nil when disabled) and the packs
// in packsDir, for comparing with prev, the state the index kept was
// recorded for, and for a KeptLoad. With nothing to compare against
// (prev nil: no index yet), the files are only statted
// (kb.ScanLibraryUnread) and a KeptLoad hashes them as it reads them
// (State): reading and hashing them all first delayed a first build's
// loading, and the app's window, by 140-290 ms on the issue 10 vault
// (32 MB, 2 cores at load 5).
func Scan(builtin fs.FS, packsDir string, prev *kb.LibraryState) (*kb.LibraryState, error) {
	if prev == nil {
		return kb.ScanLibraryUnread(builtin, packsDir)
	}
	return kb.ScanLibrary(builtin, packsDir, prev)
}

// NewKeptLoad loads the library of builtin (nil when disabled) and the
// packs in packsDir, whose files state scanned; logf tells what could
// not be kept.
func NewKeptLoad(builtin fs.FS, packsDir string, state *kb.LibraryState, logf func(string, ...any)) *KeptLoad {
	return &KeptLoad{builtin: builtin, packsDir: packsDir, state: state, logf: logf}
}

// Load loads the library.
func (k *KeptLoad) Load() (*kb.Library, error) {
	k.Problems, k.parsed = map[string][]kb.Problem{}, map[string]bool{}
	kept := kb.Kept{State: k.state, FileLoaded: k.FileLoaded, Loaded: func(pk *kb.Pack, problems []kb.Problem, fromKept bool) {
		k.Problems[pk.Manifest.ID] = problems
		if !fromKept {
			k.parsed[pk.Manifest.ID] = true
		}
	}}
	if !k.ParseAll {
		kept.Dir = KeptDir(k.packsDir)
	}
	if k.state.Unread() {
		kept.Hashes = kb.NewFileHashes() // the files are hashed as they are read
	}
	lib, err := kb.LoadLibraryKept(k.builtin, k.packsDir, kept)
	k.state = k.state.Hashed(k.packsDir, kept.Hashes)
	return lib, err
}

// State is the packs' files as scanned, for the index built from the
// library loaded to record: once Load has returned, with every file's
// hash even when scanned unread (kb.ScanLibraryUnread).
func (k *KeptLoad) State() *kb.LibraryState { return k.state }

// Files is how many markdown files the installed packs hold, as
// scanned: what a load that parses them all (ParseAll) reads, for a count
// of files read to be given out of it; 0 when not scanned.
func (k *KeptLoad) Files() int {
	if k.state == nil {
		return 0
	}
	n := 0
	for _, ps := range k.state.Packs {
		for _, f := range ps.Files {
			if f.Path != "pack.toml" {
				n++
			}
		}
	}
	return n
}

// Keep keeps the large packs of lib (ShedPack) that were parsed, for the
// files scanned before; nil k keeps nothing. lib may have their guides'
// bodies (the library an index was just built from: they are left out as
// it is written, kb.StorePackShedding) or not (WithoutBodies). It writes
// in the data folder: call it holding its lock.
func (k *KeptLoad) Keep(lib *kb.Library) {
	if k == nil || k.state == nil || lib == nil || KeptDir(k.packsDir) == "" {
		return
	}
	large := func(pk *kb.Pack) bool { return (pk.Shed || ShedPack(pk)) && pk.Dir != "" }
	var dirs []string
	for _, pk := range lib.Packs {
		if large(pk) {
			dirs = append(dirs, pk.Dir)
		}
	}
	kb.PruneStoredPacks(KeptDir(k.packsDir), dirs) // packs removed since
	for _, pk := range lib.Packs {
		if !large(pk) || !k.parsed[pk.Manifest.ID] {
			continue
		}
		i := slices.IndexFunc(k.state.Packs, func(ps kb.PackState) bool { return ps.Dir == pk.Dir })
		if i < 0 {
			continue
		}
		if err := kb.StorePackShedding(KeptDir(k.packsDir), pk, k.state.Packs[i], k.Problems[pk.Manifest.ID]); err != nil && k.logf != nil {
			k.logf("poise: %s loads from its files at the next start: %v", pk.Dir, err)
		}
	}
}
