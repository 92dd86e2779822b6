package packs

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/poisehq/poise/internal/atomicfile"
	"github.com/poisehq/poise/kb"
)

// Store manages the packs installed in one packs folder. Methods are safe
// for concurrent use within a process; across processes the data folder's
// lock keeps a second writer out.
type Store struct {
	dir string // <data dir>/packs
	// Limits bound every source fetched; the zero value is the defaults.
	Limits Limits
	// HTTPClient fetches https sources; nil means one with Limits.Timeout.
	HTTPClient *http.Client
	// PoiseVersion is the running Poise, for packs' min_poise; "" or a
	// version that is not semantic accepts every pack, and a pre-release
	// (0.1.0-dev) counts as its release (see poiseTooOld).
	PoiseVersion string
	// Now is the clock; tests set it.
	Now func() time.Time

	mu sync.Mutex
}

// state is what the store remembers, in .poise/state.json.
type state struct {
	// Seq counts commits; a transaction is committed once Seq reaches its own.
	Seq             int                `json:"seq"`
	BuiltinDisabled bool               `json:"builtin_disabled,omitempty"`
	Packs           map[string]*record `json:"packs"`
}

// record is one installed pack as the store knows it.
type record struct {
	Version string  `json:"version"`
	Source  *Source `json:"source,omitempty"`
	Signer  *Signer `json:"signer,omitempty"` // who signed the installed version
	// Trusted is the key pinned for this pack on first use.
	Trusted *Signer `json:"trusted,omitempty"`
	// Unsigned records that the person accepted an unsigned pack.
	Unsigned bool      `json:"unsigned,omitempty"`
	Disabled bool      `json:"disabled,omitempty"`
	Updated  time.Time `json:"updated"`
	Previous *prior    `json:"previous,omitempty"`
}

// prior is the version kept for rollback.
type prior struct {
	Version string    `json:"version"`
	Signer  *Signer   `json:"signer,omitempty"`
	Updated time.Time `json:"updated"`
}

// Open opens the packs folder dir (creating it), first finishing or undoing
// whatever a crash interrupted, so the installed set is whole.
func Open(dir string) (*Store, error) {
	s := &Store{dir: dir, Now: time.Now}
	for _, d := range []string{dir, s.meta(), s.meta("previous"), s.meta("disabled"), s.meta("staging")} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			return nil, fmt.Errorf("open packs folder: %w", err)
		}
	}
	if err := s.recover(); err != nil {
		return nil, fmt.Errorf("open packs folder: %w", err)
	}
	return s, nil
}

// View opens the packs folder dir for reading only (List, LoadLibrary),
// without its lock: it creates nothing and leaves an interrupted change to
// the next Open, for readers such as poise pack list while the app runs.
func View(dir string) *Store { return &Store{dir: dir, Now: time.Now} }

// Dir is the packs folder.
func (s *Store) Dir() string { return s.dir }

func (s *Store) meta(elem ...string) string {
	return filepath.Join(append([]string{s.dir, stateDirName}, elem...)...)
}

func (s *Store) live(id string) string     { return filepath.Join(s.dir, id) }
func (s *Store) disabled(id string) string { return s.meta("disabled", id) }
func (s *Store) previous(id string) string { return s.meta("previous", id) }

// home is where pack id's files are: its live folder, or the disabled one.
func (s *Store) home(st *state, id string) string {
	if r := st.Packs[id]; r != nil && r.Disabled {
		return s.disabled(id)
	}
	return s.live(id)
}

func (s *Store) readState() (*state, error) {
	st := &state{Packs: map[string]*record{}}
	b, err := os.ReadFile(s.meta("state.json"))
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read pack state: %w", err)
	}
	if err := json.Unmarshal(b, st); err != nil {
		return nil, fmt.Errorf("read pack state %s: %w", s.meta("state.json"), err)
	}
	if st.Packs == nil {
		st.Packs = map[string]*record{}
	}
	return st, nil
}

// commit writes st atomically with the next sequence number: the point at
// which a transaction has happened.
func (s *Store) commit(st *state) error {
	st.Seq++
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	if err := atomicfile.Write(s.meta("state.json"), b, 0o600); err != nil {
		return fmt.Errorf("save pack state: %w", err)
	}
	return nil
}

// LoadLibrary loads the built-in pack (unless disabled) and every enabled
// installed pack, as kb.LoadLibrary does.
func (s *Store) LoadLibrary(builtin fs.FS) (*kb.Library, error) {
	return LoadLibrary(builtin, s.dir)
}

// LoadLibrary loads the library of the packs folder dir without opening a
// Store: it writes nothing and takes no lock, for readers such as poise
// search. Disabled packs live outside dir's top level, so kb.LoadLibrary
// skips them; the built-in pack is left out when disabled.
func LoadLibrary(builtin fs.FS, dir string) (*kb.Library, error) {
	s := &Store{dir: dir}
	st, err := s.readState()
	if err == nil && st.BuiltinDisabled {
		builtin = nil
	}
	return kb.LoadLibrary(builtin, dir)
}
