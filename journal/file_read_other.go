//go:build !unix

package journal

// openFlags: no FIFOs to guard against where O_NONBLOCK is not had.
const openFlags = 0
