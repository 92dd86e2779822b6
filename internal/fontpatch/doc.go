// Package fontpatch holds the checks of Poise's patched go-text
// (third_party/typesetting, PATCHES.md): fonts read as upstream reads them,
// with less memory. It has no code of its own.
package fontpatch
