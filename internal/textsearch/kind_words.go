package textsearch

// kindWords are words by which a query names the kind of item it wants:
// "transfer to supervisor script" wants the hand-off template, "empathy
// statement billing" a statement, not a concern that mentions a transfer
// or a bill. "email" is left out: a customer's "no reply to my email" is a
// concern, not a request for a template.
var kindWords = map[string]string{
	"script":     "kind:template",
	"scripts":    "kind:template",
	"template":   "kind:template",
	"templates":  "kind:template",
	"statement":  "kind:statement",
	"statements": "kind:statement",
	"checklist":  "kind:checklist",
	"checklists": "kind:checklist",
}

// kindNamed is what the score of an item of the kind a query names is
// multiplied by: enough to lift the right kind over a concern that
// matches the rest of the query as well, not enough to bring up an item
// that matches nothing else.
const kindNamed = 5

// namedKinds are the facet values of the kinds the query's words name.
// A word that follows "bank" is the customer's paperwork ("bank
// statement"), not a kind.
func namedKinds(words []queryWord) []string {
	var out []string
	for i, w := range words {
		k, ok := kindWords[w.text]
		// A last word still being typed counts once it spells a whole
		// kind word: "supervisor script" is how the query ends.
		if !ok || i > 0 && words[i-1].text == "bank" {
			continue
		}
		out = append(out, k)
	}
	return out
}
