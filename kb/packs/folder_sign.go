package packs

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/poisehq/poise/internal/atomicfile"
	"github.com/poisehq/poise/kb"
)

// SignFolder signs a pack folder in place, for packs published as a Git
// repository or shared folder: it writes .poise/contents.json (the SHA-256
// of every file) and .poise/contents.json.minisig, its signature. Commit
// both; any later edit must be signed again.
func SignFolder(dir string, privateKey []byte, password string) error {
	p, err := kb.LoadDir(dir)
	if p == nil {
		return err
	}
	tw := newTreeWriter(Limits{}, func(string, []byte) error { return nil })
	if err := copyFolder(dir, tw, true); err != nil {
		return fmt.Errorf("sign %s: %w", dir, err)
	}
	c := Contents{Format: contentsFormat, Pack: p.Manifest.ID, Version: p.Manifest.Version, Files: tw.sums}
	data := c.marshal()
	sig, err := Sign(privateKey, password, data, c.Pack, c.Version)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, stateDirName), 0o755); err != nil {
		return fmt.Errorf("sign %s: %w", dir, err)
	}
	if err := atomicfile.Write(filepath.Join(dir, filepath.FromSlash(contentsName)), data, 0o644); err != nil {
		return fmt.Errorf("sign %s: %w", dir, err)
	}
	return atomicfile.Write(filepath.Join(dir, filepath.FromSlash(contentsName+SigExt)), sig, 0o644)
}
