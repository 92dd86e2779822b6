package packs

import (
	"bytes"
	"fmt"
	"os"

	"github.com/poisehq/poise/kb"
)

// Inspect unpacks a .poisepack into a temporary folder with every check an
// install makes, loads it and removes the folder: for signing and
// verifying a file without installing it.
func Inspect(data []byte) (*kb.Pack, error) {
	dir, err := os.MkdirTemp("", "poisepack-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	c, err := unpackArchive(bytes.NewReader(data), int64(len(data)), dir, Limits{})
	if err != nil {
		return nil, err
	}
	p, _ := kb.LoadDir(dir)
	if p == nil || p.Manifest.ID != c.Pack {
		return nil, fmt.Errorf("%w: the content list names pack %q", ErrHostile, c.Pack)
	}
	return p, nil
}
