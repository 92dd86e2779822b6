package mine

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/poisehq/poise/internal/atomicfile"
)

// originsName is where My pack remembers what each copy was copied from.
// It starts with "." so the loader, the library scan and a pack build
// leave it alone.
const originsName = ".origins.json"

// Origin is what a copy in My pack was copied from.
type Origin struct {
	// File is the copy's file inside My pack.
	File string `json:"file"`
	// Hash is of the original's file when it was copied.
	Hash   string    `json:"hash"`
	Copied time.Time `json:"copied"`
}

// origins maps the replaced item's id (no fragment) to its Origin.
type origins map[string]Origin

func (m *Pack) readOrigins() (origins, error) {
	o := origins{}
	b, err := os.ReadFile(filepath.Join(m.dir, originsName))
	if errors.Is(err, fs.ErrNotExist) {
		return o, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read my pack's origins: %w", err)
	}
	if len(b) > MaxFileSize {
		return nil, fmt.Errorf("read my pack's origins: %w", ErrTooLarge)
	}
	if err := json.Unmarshal(b, &o); err != nil {
		// Only the "changed since" note depends on it: start again
		// rather than refuse to copy or revert.
		return origins{}, nil
	}
	return o, nil
}

func (m *Pack) writeOrigins(o origins) error {
	b, err := json.MarshalIndent(o, "", "  ")
	if err != nil {
		return fmt.Errorf("write my pack's origins: %w", err)
	}
	if err := atomicfile.Write(filepath.Join(m.dir, originsName), b, 0o600); err != nil {
		return fmt.Errorf("write my pack's origins: %w", err)
	}
	return nil
}
