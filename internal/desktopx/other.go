//go:build !(linux || freebsd || openbsd || netbsd)

package desktopx

// SetAbove is not available here; see the package comment.
func SetAbove(uintptr, bool) error { return ErrUnsupported }

// Hotkey is a system-wide key being listened for.
type Hotkey struct{}

// ListenKey is not available here; see the package comment.
func ListenKey(Key, func()) (*Hotkey, error) { return nil, ErrUnsupported }

// Close does nothing.
func (h *Hotkey) Close() {}
