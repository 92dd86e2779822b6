package tone

import (
	"fmt"

	"github.com/poisehq/poise/kb"
)

// Script is one piece of text an agent says word for word: a matrix
// option's Say line, an empathy statement or a template's message. These are
// what a pack promises are safe to send, so they are what the tone check of
// a pack reads.
type Script struct {
	Item string // the id of the item (or matrix option) the words belong to
	File string // path inside the pack
	Line int
	// Where says which part of the item it is, for a person ("option 2").
	Where string
	Text  string
	// Recommended is true for the first option of a matrix concern, which
	// must offer one thing and not a menu.
	Recommended bool
}

// Scripts lists the scripts of p in pack order.
func Scripts(p *kb.Pack) []Script {
	var out []Script
	for i := range p.Items {
		it := &p.Items[i]
		switch it.Kind {
		case kb.KindMatrix:
			for n, o := range it.Options {
				if o.Say == "" {
					continue
				}
				out = append(out, Script{Item: o.ID, File: it.Source.File, Line: o.Line,
					Where: fmt.Sprintf("option %d (%s)", n+1, o.Title), Text: o.Say, Recommended: o.Recommended})
			}
		case kb.KindStatement:
			out = append(out, Script{Item: it.ID, File: it.Source.File, Line: it.Source.Line, Where: "statement", Text: it.Text})
		case kb.KindTemplate:
			out = append(out, Script{Item: it.ID, File: it.Source.File, Line: it.Source.Line, Where: "template", Text: it.Text})
		}
	}
	return out
}

// ScriptFinding is a phrase to avoid found in a script.
type ScriptFinding struct {
	Script
	Finding
}

// CheckScripts runs the checker over every script of p.
func (c *Checker) CheckScripts(p *kb.Pack) []ScriptFinding {
	var out []ScriptFinding
	for _, s := range Scripts(p) {
		for _, f := range c.Check(s.Text) {
			out = append(out, ScriptFinding{Script: s, Finding: f})
		}
	}
	return out
}
