//go:build linux || freebsd || openbsd || netbsd

package desktopx

import (
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"
)

func init() {
	// xgb logs every connection's missing ~/.Xauthority to stderr; Poise
	// reports its own errors.
	xgb.Logger = log.New(io.Discard, "", 0)
}

func connect() (*xgb.Conn, error) {
	if os.Getenv("DISPLAY") == "" {
		return nil, ErrUnsupported
	}
	c, err := xgb.NewConn()
	if err != nil {
		return nil, fmt.Errorf("connect to the X display: %w", err)
	}
	return c, nil
}

func atom(c *xgb.Conn, name string) (xproto.Atom, error) {
	r, err := xproto.InternAtom(c, false, uint16(len(name)), name).Reply()
	if err != nil {
		return 0, fmt.Errorf("x11 atom %s: %w", name, err)
	}
	return r.Atom, nil
}

// SetAbove asks the window manager to keep window (an X11 window id) above
// other windows, or not. It is a request, as the X11 desktop standard
// (EWMH) has it: a window manager may ignore it.
func SetAbove(window uintptr, above bool) error {
	c, err := connect()
	if err != nil {
		return err
	}
	defer c.Close()
	state, err := atom(c, "_NET_WM_STATE")
	if err != nil {
		return err
	}
	aboveAtom, err := atom(c, "_NET_WM_STATE_ABOVE")
	if err != nil {
		return err
	}
	action := uint32(0) // _NET_WM_STATE_REMOVE
	if above {
		action = 1 // _NET_WM_STATE_ADD
	}
	ev := xproto.ClientMessageEvent{
		Format: 32,
		Window: xproto.Window(window),
		Type:   state,
		// action, first property, second property, source: 1 = application
		Data: xproto.ClientMessageDataUnionData32New([]uint32{action, uint32(aboveAtom), 0, 1, 0}),
	}
	root := xproto.Setup(c).DefaultScreen(c).Root
	mask := uint32(xproto.EventMaskSubstructureNotify | xproto.EventMaskSubstructureRedirect)
	if err := xproto.SendEventChecked(c, false, root, mask, string(ev.Bytes())).Check(); err != nil {
		return fmt.Errorf("ask to keep the window on top: %w", err)
	}
	return nil
}

// Hotkey is a system-wide key being listened for.
type Hotkey struct {
	c *xgb.Conn
}

// ListenKey grabs k on the whole X11 display and calls pressed, on its own
// goroutine, each time it is pressed, until Close.
func ListenKey(k Key, pressed func()) (*Hotkey, error) {
	sym := k.keysym()
	if sym == 0 {
		return nil, fmt.Errorf("listen for %s: unknown key %q", k, k.Name)
	}
	c, err := connect()
	if err != nil {
		return nil, err
	}
	setup := xproto.Setup(c)
	root := setup.DefaultScreen(c).Root
	code, err := keycode(c, setup, sym)
	if err != nil {
		c.Close()
		return nil, fmt.Errorf("listen for %s: %w", k, err)
	}
	var mods uint16
	if k.Ctrl {
		mods |= xproto.ModMaskControl
	}
	if k.Alt {
		mods |= xproto.ModMask1
	}
	if k.Shift {
		mods |= xproto.ModMaskShift
	}
	if k.Super {
		mods |= xproto.ModMask4
	}
	// The key is grabbed again with Caps Lock and Num Lock on, which X11
	// counts as modifiers too.
	for _, lock := range []uint16{0, xproto.ModMaskLock, xproto.ModMask2, xproto.ModMaskLock | xproto.ModMask2} {
		err := xproto.GrabKeyChecked(c, true, root, mods|lock, code, xproto.GrabModeAsync, xproto.GrabModeAsync).Check()
		var access xproto.AccessError
		if errors.As(err, &access) {
			c.Close()
			return nil, fmt.Errorf("listen for %s: %w", k, ErrKeyTaken)
		}
		if err != nil {
			c.Close()
			return nil, fmt.Errorf("listen for %s: %w", k, err)
		}
	}
	go func() {
		for {
			ev, err := c.WaitForEvent()
			if ev == nil && err == nil {
				return // the connection is closed
			}
			if _, ok := ev.(xproto.KeyPressEvent); ok {
				pressed()
			}
		}
	}()
	return &Hotkey{c: c}, nil
}

// keycode is the key that types sym on this keyboard.
func keycode(c *xgb.Conn, setup *xproto.SetupInfo, sym uint32) (xproto.Keycode, error) {
	first, last := setup.MinKeycode, setup.MaxKeycode
	m, err := xproto.GetKeyboardMapping(c, first, byte(last-first+1)).Reply()
	if err != nil {
		return 0, fmt.Errorf("read the keyboard map: %w", err)
	}
	per := int(m.KeysymsPerKeycode)
	for i, s := range m.Keysyms {
		if uint32(s) == sym {
			return first + xproto.Keycode(i/per), nil
		}
	}
	return 0, errors.New("no key on this keyboard types it")
}

// Close stops listening and frees the key. It waits at most a second:
// xgb's Close hands the request to its sender goroutine and can block when
// that goroutine is stuck on a dead display, and an app quitting (SIGTERM,
// logout) must not hang on a key it is giving up. The server frees the grab
// when the process exits anyway.
func (h *Hotkey) Close() {
	done := make(chan struct{})
	go func() {
		h.c.Close()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(time.Second):
	}
}
