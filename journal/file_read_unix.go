//go:build unix

package journal

import "syscall"

// openFlags: O_NONBLOCK so opening a FIFO returns at once (reads of a
// regular file ignore it), O_NOFOLLOW so a link is refused rather than
// read wherever it points.
const openFlags = syscall.O_NONBLOCK | syscall.O_NOFOLLOW
