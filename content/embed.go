// Package content is Poise's built-in pack. It is embedded in the binary and
// loaded by the same code that loads a team's pack (see docs/pack-format.md).
package content

import "embed"

// FS holds the built-in pack: pack.toml, synonyms.md and the kind folders.
//
//go:embed all:*
var FS embed.FS
