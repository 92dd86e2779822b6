package kb_test

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/poisehq/poise/kb"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestLoadGolden loads each pack and compares its items, as JSON, with
// testdata/<name>.golden. Run with -update after a deliberate change.
func TestLoadGolden(t *testing.T) {
	tests := []struct {
		name string
		dir  string
	}{
		{"example-pack", "../docs/example-pack"},
		{"plain-macros", "testdata/packs/plain-macros"},
		{"edge", "testdata/packs/edge"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := kb.LoadDir(tt.dir)
			if err != nil {
				t.Fatalf("LoadDir: %v", err)
			}
			got, err := json.MarshalIndent(p, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("items differ from %s (go test -update rewrites it):\n%s", golden, firstDiff(string(got), string(want)))
			}
		})
	}
}

// firstDiff shows the first differing line, enough to see what changed.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) && i < len(w); i++ {
		if g[i] != w[i] {
			return "line " + itoa(i+1) + ":\n got: " + g[i] + "\nwant: " + w[i]
		}
	}
	return "one is a prefix of the other"
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}

// TestExamplePackLoadsClean guards docs/pack-format.md's promise that its
// example pack is valid.
func TestExamplePackLoadsClean(t *testing.T) {
	p, err := kb.LoadDir("../docs/example-pack")
	if err != nil {
		t.Fatalf("the example pack has problems: %v", err)
	}
	kinds := map[kb.Kind]int{}
	for _, it := range p.Items {
		kinds[it.Kind]++
	}
	for _, k := range kb.Kinds {
		if kinds[k] == 0 {
			t.Errorf("the example pack has no %s item; it should show every kind", k)
		}
	}
	if len(p.Synonyms) == 0 {
		t.Error("the example pack has no synonyms")
	}
}

func TestLoadDirErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file.md")
	if err := os.WriteFile(file, []byte("# x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, path := range map[string]string{"missing": filepath.Join(dir, "nope"), "a file": file} {
		t.Run(name, func(t *testing.T) {
			p, err := kb.LoadDir(path)
			var pe *kb.ProblemsError
			if err == nil || p != nil || errors.As(err, &pe) {
				t.Errorf("LoadDir(%s) = %v, %v; want no pack and a plain error", name, p, err)
			}
		})
	}
}
