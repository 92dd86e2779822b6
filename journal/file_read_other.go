//go:build !unix

package journal

// No FIFOs to guard against, nor these flags, where the system is not Unix.
const (
	nonblockFlag = 0
	noFollowFlag = 0
)
