package app

import (
	"strings"

	"github.com/poisehq/poise/kb"
)

// open shows an item on the screen made for its kind: a guide section in
// its guide, a concern in the matrix, a statement in the bank. Other kinds
// open in the Find preview.
func (p *poise) open(id string) {
	it, ok := p.item(id)
	if !ok {
		// A matrix option id (late-delivery#2) opens its concern.
		base, _, found := strings.Cut(id, "#")
		if it, ok = p.item(base); !found || !ok {
			return
		}
	}
	p.gapUsed()
	switch it.Kind {
	case kb.KindGuide:
		p.show(screenGuides)
		p.guides.openItem(it)
	case kb.KindMatrix:
		p.show(screenMatrix)
		p.matrix.openItem(it)
	case kb.KindStatement:
		p.show(screenStatements)
		p.stmts.openItem(it)
	default:
		p.show(screenFind)
		p.find.preview.show(it.ID)
	}
}
