// Package kb is Poise's knowledge base: the typed items that packs of markdown
// guidance are made of, and the library of installed packs that every screen,
// the search index and the CLI read from.
//
// kb never imports Fyne; it is usable from tests and the CLI alone. Markdown,
// TOML and search-engine types stay inside kb's subpackages: callers see only
// the types declared here.
package kb
