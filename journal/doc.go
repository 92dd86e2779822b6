// Package journal is Poise's private journal: short, structured notes an
// agent writes after a hard call, encrypted at rest with age and written so
// that a crash never loses what was saved.
//
// On disk a journal is a folder:
//
//	identity.age           the X25519 identity, encrypted with the passphrase (age scrypt)
//	identity-recovery.age  the same identity, encrypted to the recovery key
//	entries/*.age          one file per entry, encrypted to the identity and the recovery key
//	history/*.age          previous versions of edited entries
//	trash/*.age            deleted entries, purged after 30 days
//	drafts/*.age           autosaved drafts, offered back after a crash
//	reviews/*.age          monthly reviews (what went well, what to try, one goal)
//	locked-drafts/*.age    quick logs kept at a quit while locked, sealed to the draft-only key
//	locked-drafts-key.age  the draft-only key's secret, sealed like an entry
//	locked-drafts-recipient.txt  its public half, in the clear (see draft_locked.go)
//
// File names are random and contents are padded, so neither reveals dates or
// lengths. Every file is a standard age file: with the passphrase, piping
// the identity so it never touches the disk,
//
//	age -d identity.age | age -d -i - entries/XXXX.age   # prints the entry as JSON
//
// and with the recovery key saved in recovery.txt,
//
//	age -d -i recovery.txt entries/XXXX.age
//
// Decrypted data lives only in memory, between Unlock and Lock. The package
// never imports Fyne: notifications leave through callbacks.
package journal
