// Package packs builds, signs, installs, updates and rolls back team packs.
//
// A pack travels as a .poisepack file: a zip of the pack folder holding
// .poise/contents.json, the SHA-256 of every file, and beside it a minisign
// signature (.minisig) whose trusted comment carries the signer's public
// key. Installed packs live in <data dir>/packs/<id>/, where kb.LoadLibrary
// reads them; this package keeps its own state under <data dir>/packs/.poise/
// (ignored by the loader, as every name starting with "."): which source
// each pack came from, which key is trusted for it, the previous version for
// rollback, and the staging folder where a download is unpacked and checked
// before it is swapped in.
//
// Every source is hostile until checked: archives and folders are refused
// for path traversal, links, device files, duplicate names, too many or too
// large files, zip bombs and text that is not UTF-8, and nothing is written
// outside the staging folder. Packs never execute anything.
package packs
