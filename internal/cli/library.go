package cli

import (
	"path/filepath"

	"github.com/poisehq/poise/content"
	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/packs"
)

// library loads the built-in pack and the packs installed in the data
// directory. A broken installed pack comes back with an error describing it,
// alongside a library that still holds everything that loaded.
func (c *cli) library() (*kb.Library, error) {
	dir := filepath.Join(c.dataDir(), "packs")
	return packs.LoadLibrary(content.FS, dir) // honours a disabled built-in pack
}
