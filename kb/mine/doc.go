// Package mine is My pack: the person's own writable pack (id "mine") in
// the data folder's packs folder, in the same markdown format as every
// pack, so any editor can edit it too. It creates new items of each kind,
// copies another pack's item in as an override of the original id ("make
// it mine") and reverts it, remembers a hash of the original at copy time
// so a later change of the original can be pointed out, and checks a file
// as it is edited with the pack's own lint.
//
// Everything that comes from a person (titles, file names, text) is
// treated as hostile: files are only ever written inside My pack's folder.
package mine
