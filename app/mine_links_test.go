package app

import (
	"strings"
	"testing"
	"testing/fstest"
)

// A built-in checklist made yours keeps its link to a built-in template:
// the editor's lint does not call it broken, and the step's link in the
// preview opens the template.
func TestMadeMineChecklistLinkOpensTheOriginalsTemplate(t *testing.T) {
	b := mineBuiltin()
	b["checklists/hand-off.md"] = &fstest.MapFile{Data: []byte("---\ntitle: Hand-off steps\n---\n## Before\n- [ ] Say who is taking over.\n- [ ] Thank them for holding (see [thanks](../templates/thanks.md)).\n")}
	p, _ := minePoiseWith(t, b)
	f, v := p.find, p.find.preview
	typeQuery(t, f, "who is taking over")
	for i, h := range f.hits {
		if h.ID == "builtin/checklists/hand-off" {
			f.list.Select(i)
		}
	}
	settle(p)
	if v.id != "builtin/checklists/hand-off" {
		t.Fatalf("preview shows %q", v.id)
	}
	buttonIn(t, v, "Make it mine (Ctrl+E)").OnTapped()
	pump(t, p, func() bool { _, ok := p.item("mine/checklists/hand-off"); return ok })
	e := p.my().editors["checklists/hand-off.md"]
	if e == nil {
		t.Fatal("making it mine did not open the copy in the editor")
	}
	pump(t, p, func() bool { return e.checked > 0 })
	if got := strings.Join(problemTexts(e), "\n"); strings.Contains(got, "link") {
		t.Errorf("the editor's lint of the unchanged copy: %s", got)
	}
	settle(p)
	if v.id != "mine/checklists/hand-off" {
		t.Fatalf("preview shows %q, want your version", v.id)
	}
	tapFirstLink(t, f)
	if v.id != "builtin/templates/thanks" {
		t.Errorf("the copy's link opened %q, want builtin/templates/thanks", v.id)
	}
}
