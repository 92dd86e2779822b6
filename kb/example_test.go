package kb_test

import (
	"errors"
	"fmt"
	"testing/fstest"

	"github.com/poisehq/poise/kb"
)

func ExampleLoadFS() {
	pack := fstest.MapFS{
		"pack.toml": {Data: []byte(`id = "acme"
name = "Acme support"
version = "1.0.0"
`)},
		"statements/angry.md": {Data: []byte(`---
title: When the customer is angry
emotions: [angry]
---
## Waited too long
- You've waited far too long, and I'm sorry. Let's sort it now. ` + "`voice`" + `
`)},
		"guides/calm.md": {Data: []byte("Breathe out slowly.\n")},
	}
	p, err := kb.LoadFS(pack, kb.LoadOptions{})
	var pe *kb.ProblemsError
	if errors.As(err, &pe) {
		for _, pr := range pe.Problems {
			fmt.Println(pr)
		}
	}
	for _, it := range p.Items {
		fmt.Printf("%s (%s): %s\n", it.ID, it.Kind, it.Text)
	}
	// Output:
	// guides/calm.md:1: Missing title; add title: to the front matter (between --- lines at the top of the file).
	// acme/guides/calm (guide): Breathe out slowly.
	// acme/statements/angry#1 (statement): You've waited far too long, and I'm sorry. Let's sort it now.
}
