package cli

import (
	"path/filepath"

	"github.com/poisehq/poise/content"
	"github.com/poisehq/poise/kb"
)

// library loads the built-in pack and the packs installed in the data
// directory. A broken installed pack comes back with an error describing it,
// alongside a library that still holds everything that loaded.
func (c *cli) library() (*kb.Library, error) {
	return kb.LoadLibrary(content.FS, filepath.Join(c.dataDir(), "packs"))
}
