//go:build unix

package journal

import "syscall"

// nonblockFlag makes opening a FIFO return at once (reads of a regular
// file ignore it); noFollowFlag refuses a link rather than read wherever
// it points.
const (
	nonblockFlag = syscall.O_NONBLOCK
	noFollowFlag = syscall.O_NOFOLLOW
)
