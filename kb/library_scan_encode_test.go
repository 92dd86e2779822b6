package kb_test

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
)

// A state read back is the state written, whatever its paths share, and
// so has the same key.
func TestStateRoundTrip(t *testing.T) {
	packs := t.TempDir()
	writeInto(t, filepath.Join(packs, "team"), map[string]string{
		"pack.toml": "id = \"team\"\n", "a/b/c.md": "# C\n", "a/b/d.md": "# D\n", "a/bc.md": "# BC\n",
		"中文/同步冲突.md": "# 同步\n", "français/Paramètres de Sync.md": "# P\n", "z.md": "",
	})
	writeInto(t, filepath.Join(packs, "other"), map[string]string{"x.md": "# X\n"})
	os.MkdirAll(filepath.Join(packs, "empty"), 0o755)
	st, err := kb.ScanLibrary(builtinFS, packs, nil)
	if err != nil {
		t.Fatal(err)
	}
	// An unreadable file is described with no hash and no size.
	st.Packs[0].Files = append(st.Packs[0].Files, kb.FileState{Path: "zz.md", Size: -1})
	if len(st.Packs) != 3 {
		t.Fatalf("scanned %d packs, want 3", len(st.Packs))
	}
	b := st.AppendState([]byte("prefix"))
	got, err := kb.DecodeState(b[len("prefix"):])
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, st) {
		t.Fatalf("read back\n%+v\nwrote\n%+v", got, st)
	}
	if got.Key() != st.Key() {
		t.Error("the state read back has another key")
	}
	for n := range len(b) - len("prefix") {
		if _, err := kb.DecodeState(b[len("prefix") : len("prefix")+n]); !errors.Is(err, kb.ErrBadState) {
			t.Fatalf("the first %d bytes decoded: %v", n, err)
		}
	}
	if _, err := kb.DecodeState(append(b[len("prefix"):], 0)); !errors.Is(err, kb.ErrBadState) {
		t.Errorf("a state with a byte too many decoded: %v", err)
	}
}

func FuzzDecodeState(f *testing.F) {
	st := &kb.LibraryState{Version: "v", Builtin: "b", Packs: []kb.PackState{
		{Dir: "team", Files: []kb.FileState{{Path: "a/b.md", Size: 3, ModTime: 5, Hash: "h"}, {Path: "a/c.md", Size: -1}}},
		{Dir: "e"},
	}}
	f.Add(st.AppendState(nil))
	f.Add([]byte("poise-state/1\n"))
	f.Add([]byte("poise-state/1\n\x00\x00\x01\x00\xff\xff\xff\xff\x0f"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := kb.DecodeState(b)
		if err != nil {
			return
		}
		again, err := kb.DecodeState(s.AppendState(nil))
		if err != nil || !reflect.DeepEqual(again, s) {
			t.Fatalf("%+v encoded and read back as %+v (%v)", s, again, err)
		}
	})
}

// A state whose files each repeat all of a long path before them (a few
// bytes a file) is refused, not expanded without bound.
func TestDecodeStateBoundsRepeatedPaths(t *testing.T) {
	long := strings.Repeat("x", 4<<10)
	files := []kb.FileState{{Path: long}}
	for range 2000 {
		files = append(files, kb.FileState{Path: long + "y"})
		files = append(files, kb.FileState{Path: long})
	}
	st := &kb.LibraryState{Version: "v", Packs: []kb.PackState{{Dir: "team", Files: files}}}
	b := st.AppendState(nil)
	if len(b) > 64<<10 {
		t.Fatalf("the hostile state takes %d bytes; want a small one", len(b))
	}
	if _, err := kb.DecodeState(b); !errors.Is(err, kb.ErrBadState) {
		t.Errorf("decoding %d bytes into %d paths of 4 KB: %v, want ErrBadState", len(b), len(files), err)
	}
}
