package mine

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/poisehq/poise/internal/atomicfile"
	"github.com/poisehq/poise/kb"
)

// ID is My pack's id, the first part of every one of its item ids. No
// installed pack may take it.
const ID = "mine"

// Name is what My pack is called on screen.
const Name = "My pack"

// Sentinel errors callers branch on.
var (
	// ErrAlreadyMine: the item is already in My pack.
	ErrAlreadyMine = errors.New("the item is already in My pack")
	// ErrTaken: My pack already has a file of that name standing for
	// something else.
	ErrTaken = errors.New("my pack already has an item there")
	// ErrNotCopyable: the item's pack cannot be overridden (a folder of
	// plain markdown without pack.toml, whose ids follow other rules).
	ErrNotCopyable = errors.New("the item cannot be copied into My pack")
	// ErrNotOverride: the item is not a copy of another pack's item.
	ErrNotOverride = errors.New("the item is not your version of another pack's item")
	// ErrBadPath: a file name that is not a markdown file inside My pack.
	ErrBadPath = errors.New("not a markdown file inside My pack")
	// ErrTooLarge: text over MaxFileSize.
	ErrTooLarge = errors.New("the text is too long")
)

// MaxFileSize bounds one file of My pack, as installs bound a pack's.
const MaxFileSize = 1 << 20

// Pack is My pack's folder. Its methods are safe for concurrent use.
type Pack struct {
	dir string
	mu  sync.Mutex
}

// Open returns My pack inside the packs folder packsDir. Nothing is
// written until the first item is created or copied.
func Open(packsDir string) *Pack {
	return &Pack{dir: filepath.Join(packsDir, ID)}
}

// Dir is My pack's folder.
func (m *Pack) Dir() string { return m.dir }

// Exists reports whether My pack has been created.
func (m *Pack) Exists() bool {
	_, err := os.Stat(filepath.Join(m.dir, "pack.toml"))
	return err == nil
}

// Load loads My pack as every pack is loaded; (nil, nil) before it exists.
func (m *Pack) Load() (*kb.Pack, error) {
	if !m.Exists() {
		return nil, nil
	}
	return kb.LoadDir(m.dir)
}

// manifest is My pack's pack.toml. Keys a person added by hand are kept
// through rewrites in extra.
type manifest map[string]any

const starterManifest = `# My pack: your own versions and notes. Poise writes this file when you
# make an item yours or revert it; you may edit it in any editor too.
id = "mine"
name = "My pack"
version = "1.0.0"
description = "Your own items and your versions of other packs' items. Pack updates never touch them."
`

// ensure creates My pack on first use.
func (m *Pack) ensure() error {
	if err := os.MkdirAll(m.dir, 0o700); err != nil {
		return fmt.Errorf("create my pack: %w", err)
	}
	p := filepath.Join(m.dir, "pack.toml")
	if _, err := os.Stat(p); err == nil {
		return nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("create my pack: %w", err)
	}
	if err := atomicfile.Write(p, []byte(starterManifest), 0o600); err != nil {
		return fmt.Errorf("create my pack: %w", err)
	}
	return nil
}

func (m *Pack) readManifest() (manifest, error) {
	p := filepath.Join(m.dir, "pack.toml")
	raw, err := os.ReadFile(p)
	if err != nil {
		return nil, fmt.Errorf("read my pack's manifest: %w", err)
	}
	man := manifest{}
	if _, err := toml.Decode(string(raw), &man); err != nil {
		return nil, fmt.Errorf("read %s: %w", p, err)
	}
	return man, nil
}

// overrides is the manifest's overrides list.
func (man manifest) overrides() []string {
	var out []string
	if list, ok := man["overrides"].([]any); ok {
		for _, v := range list {
			if s, ok := v.(string); ok {
				out = append(out, s)
			}
		}
	}
	return out
}

// setOverrides rewrites pack.toml with the overrides list changed by fn.
// The rest of the manifest is kept as it was read.
func (m *Pack) setOverrides(fn func([]string) []string) error {
	man, err := m.readManifest()
	if err != nil {
		return err
	}
	list := fn(man.overrides())
	slices.Sort(list)
	list = slices.Compact(list)
	if len(list) == 0 {
		delete(man, "overrides")
	} else {
		man["overrides"] = list
	}
	b, err := toml.Marshal(map[string]any(man))
	if err != nil {
		return fmt.Errorf("write my pack's manifest: %w", err)
	}
	if err := atomicfile.Write(filepath.Join(m.dir, "pack.toml"), b, 0o600); err != nil {
		return fmt.Errorf("write my pack's manifest: %w", err)
	}
	return nil
}
