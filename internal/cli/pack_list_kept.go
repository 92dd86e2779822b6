package cli

import (
	"path/filepath"

	"github.com/poisehq/poise/content"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/packs"
	"github.com/poisehq/poise/kb/search"
)

// keptPacks describes the installed packs as "poise pack list" shows
// them, reading a large pack whose files are as they were from the copy
// kept for the app's next start (packs.KeptLoad), as the app's Packs
// screen does from the library it loaded: parsing every note to count
// them took 4.2 s and 261 MB for the issue 10 vault. The files are
// compared with the state the index recorded, so a pack that changed is
// parsed; with no index recorded every pack is. It only reads: the app
// may hold the data folder.
func (c *cli) keptPacks() func(dir string) (*kb.Pack, []kb.Problem, bool) {
	packsDir := filepath.Join(c.dataDir(), "packs")
	recorded := search.RecordedState(filepath.Join(c.dataDir(), "index"))
	if recorded == nil {
		return nil
	}
	state, err := packs.Scan(packs.Builtin(content.FS, packsDir), packsDir, recorded)
	if err != nil {
		return nil
	}
	k := packs.NewKeptLoad(nil, packsDir, state, nil)
	lib, _ := k.Load()
	if lib == nil {
		return nil
	}
	byDir := map[string]*kb.Pack{}
	for _, pk := range lib.Packs {
		if !pk.Builtin && pk.Dir != "" {
			byDir[filepath.Base(pk.Dir)] = pk
		}
	}
	return func(dir string) (*kb.Pack, []kb.Problem, bool) {
		pk, ok := byDir[dir]
		if !ok {
			return nil, nil, false
		}
		return pk, k.Problems[pk.Manifest.ID], true
	}
}
