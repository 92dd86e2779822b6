// Package content is Poise's built-in pack. It is embedded in the binary and
// loaded by the same code that loads a team's pack (see docs/pack-format.md).
package content

import "embed"

// FS holds the built-in pack: pack.toml, synonyms.md and the kind folders.
// Naming them, rather than embedding everything, keeps this Go file and the
// folders' dotfiles out of the pack.
//
//go:embed pack.toml synonyms.md guides matrix statements phrases checklists templates
var FS embed.FS
