package kb

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// TestFinishFilesSplitMatchesOne loads a folder of notes whose links,
// embeds and broken links cross from one half of its files to the other,
// finished in two parts and on one goroutine: items, problems and their
// order must be the same.
func TestFinishFilesSplitMatchesOne(t *testing.T) {
	fsys := fstest.MapFS{}
	const n = 600
	for i := range n {
		body := fmt.Sprintf("# Note %d\n\nIntro of note %d, see [[note-%03d]] and [[note-%03d#Part two]].\n\n", i, i, (i+n/2)%n, (i*7)%n)
		if i%5 == 0 {
			body += fmt.Sprintf("![[note-%03d]]\n\n", (i+n/2+1)%n)
		}
		if i%11 == 0 {
			body += fmt.Sprintf("A [broken](missing-%d.md) link and [[note-%03d#No such part]].\n\n", i, (i+n/2)%n)
		}
		if i%13 == 0 {
			body += "## Part two\n\nAgain.\n\n## Part two\n\nA duplicate heading.\n\n"
		}
		body += fmt.Sprintf("## Part two\n\nSecond part of note %d, [back](note-%03d.md#note-%d).\n", i, (i+1)%n, (i+1)%n)
		fsys[fmt.Sprintf("note-%03d.md", i)] = &fstest.MapFile{Data: []byte(body)}
	}
	load := func() (*Pack, []Problem) {
		t.Helper()
		p, err := LoadFS(fsys, LoadOptions{ID: "notes"})
		var pe *ProblemsError
		if err != nil && !errors.As(err, &pe) {
			t.Fatal(err)
		}
		if pe == nil {
			return p, nil
		}
		return p, pe.Problems
	}
	split, splitPs := load()
	old := minFilesToSplit
	minFilesToSplit = math.MaxInt
	t.Cleanup(func() { minFilesToSplit = old })
	one, onePs := load()

	if len(splitPs) == 0 || len(split.Items) < 2*n {
		t.Fatalf("the folder should have problems and at least %d items: %d problems, %d items", 2*n, len(splitPs), len(split.Items))
	}
	linked, embedded := 0, 0
	for _, it := range split.Items {
		if len(it.Links) > 0 {
			linked++
		}
		if strings.Contains(it.Body, "\n> Intro of note") {
			embedded++
		}
	}
	if linked == 0 || embedded == 0 {
		t.Fatalf("%d items with resolved links, %d showing an embed: want some of each", linked, embedded)
	}
	if !reflect.DeepEqual(split.Items, one.Items) {
		for i := range split.Items {
			if !reflect.DeepEqual(split.Items[i], one.Items[i]) {
				t.Fatalf("item %d differs:\nsplit %+v\none   %+v", i, split.Items[i], one.Items[i])
			}
		}
		t.Fatalf("items differ: %d split, %d on one goroutine", len(split.Items), len(one.Items))
	}
	if !reflect.DeepEqual(splitPs, onePs) {
		t.Fatalf("problems differ:\nsplit %v\none   %v", splitPs, onePs)
	}
}
