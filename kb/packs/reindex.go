package packs

import (
	"context"
	"io/fs"

	"github.com/poisehq/poise/kb/search"
)

// Reindex brings the search index up to date after pack id was installed,
// updated, rolled back, enabled, disabled or removed (id "builtin" for
// the built-in pack): only that pack is loaded from the packs folder and
// only its items that changed are indexed again, while ix keeps answering
// (search.Index.UpdatePack). builtin is the built-in pack's files, as
// LoadLibrary takes them.
func (s *Store) Reindex(ctx context.Context, ix *search.Index, builtin fs.FS, id string) error {
	return ix.UpdatePack(ctx, s.IndexSource(builtin), id)
}

// IndexSource says where the packs of this folder are, for the search
// index's pack-scoped updates: the built-in pack unless it is disabled.
func (s *Store) IndexSource(builtin fs.FS) search.Packs {
	return search.Packs{Builtin: Builtin(builtin, s.dir), Dir: s.dir}
}
