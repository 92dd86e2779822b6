package packs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
)

const (
	// stateDirName holds a pack's own metadata inside it (contents.json and
	// its signature) and, under the packs folder, this package's state.
	stateDirName = ".poise"
	// contentsName is the content-hash manifest inside a pack.
	contentsName = stateDirName + "/contents.json"
	// contentsFormat is the version of contents.json this Poise writes.
	contentsFormat = 1
	// Ext is a built pack's file extension.
	Ext = ".poisepack"
	// SigExt is a signature's extension, added after the signed file's name.
	SigExt = ".minisig"
)

// Contents is a pack's content-hash manifest: the SHA-256 of every file,
// so that what is unpacked is checked to be what was built.
type Contents struct {
	Format  int               `json:"format"`
	Pack    string            `json:"pack"`
	Version string            `json:"version"`
	Files   map[string]string `json:"files"` // slash path → hex SHA-256
}

// marshal writes c the same way every time (encoding/json sorts map keys),
// so signing it and hashing it are stable.
func (c Contents) marshal() []byte {
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		panic(err) // strings and ints only
	}
	return append(b, '\n')
}

func parseContents(b []byte) (Contents, error) {
	var c Contents
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return Contents{}, hostile("%s is not valid (%v)", contentsName, err)
	}
	if c.Format != contentsFormat {
		return Contents{}, hostile("%s has format %d; this Poise reads format %d, so update Poise", contentsName, c.Format, contentsFormat)
	}
	return c, nil
}

// check compares the hashes of the files written with c: every file must be
// listed with its hash, and every listed file present.
func (c Contents) check(written map[string]string) error {
	for _, name := range slices.Sorted(maps.Keys(written)) {
		if name == contentsName || name == contentsName+SigExt {
			continue
		}
		want, ok := c.Files[name]
		switch {
		case !ok:
			return fmt.Errorf("%w: %q is not in %s", ErrTampered, name, contentsName)
		case want != written[name]:
			return fmt.Errorf("%w: %q does not match its hash in %s", ErrTampered, name, contentsName)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(c.Files)) {
		if _, ok := written[name]; !ok {
			return fmt.Errorf("%w: %q is listed in %s but missing", ErrTampered, name, contentsName)
		}
	}
	return nil
}
