package kb_test

import (
	"os"
	"regexp"
	"strconv"
	"testing"

	"github.com/poisehq/poise/content"
	"github.com/poisehq/poise/kb"
)

// readmeCounts is the README sentence that says how much the built-in pack
// holds.
var readmeCounts = regexp.MustCompile(`(\d+) guides, (\d+) solution-matrix concerns, (\d+) empathy statements for (\d+) emotions,\s+(\d+) positive-language rewrites, (\d+) checklists and (\d+) templates`)

// TestReadmeCountsMatchTheBuiltinPack keeps the README true: whoever adds or
// removes built-in content updates the sentence that counts it.
func TestReadmeCountsMatchTheBuiltinPack(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := readmeCounts.FindSubmatch(readme)
	if m == nil {
		t.Fatal("README.md no longer says \"N guides, N solution-matrix concerns, N empathy statements for N emotions, N positive-language rewrites, N checklists and N templates\"; keep that sentence, it is checked here")
	}
	p, err := kb.LoadFS(content.FS, kb.LoadOptions{ID: kb.BuiltinID, Builtin: true})
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	emotions := map[string]bool{}
	for _, it := range p.Items {
		switch {
		case it.Kind == kb.KindGuide && it.Parent == "":
			count["guides"]++
		case it.Kind == kb.KindStatement:
			for _, e := range it.Emotions {
				emotions[e] = true
			}
		}
		count[string(it.Kind)]++
	}
	count["emotions"] = len(emotions)
	for i, what := range []string{"guides", "matrix", "statement", "emotions", "phrase", "checklist", "template"} {
		said, _ := strconv.Atoi(string(m[i+1]))
		if said != count[what] {
			t.Errorf("README.md says %d for %s, the built-in pack has %d; update the README", said, what, count[what])
		}
	}
}
