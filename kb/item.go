package kb

import "github.com/poisehq/poise/kb/template"

// Kind says what an item is for, and so how it is shown and copied.
type Kind string

// The kinds of item a pack holds. A guide section is a KindGuide item whose
// Parent names the guide it belongs to.
const (
	KindGuide     Kind = "guide"
	KindMatrix    Kind = "matrix"
	KindStatement Kind = "statement"
	KindPhrase    Kind = "phrase"
	KindChecklist Kind = "checklist"
	KindTemplate  Kind = "template"
)

// Kinds lists every kind in the order screens show them.
var Kinds = []Kind{KindStatement, KindMatrix, KindGuide, KindPhrase, KindChecklist, KindTemplate}

// Item is one piece of guidance: a guide or one of its sections, a matrix
// concern, an empathy statement, a positive-language row, a checklist or a
// template. Fields that do not apply to a kind are left empty.
type Item struct {
	// ID is stable across pack updates, e.g. "builtin/matrix/late-delivery"
	// or "builtin/guides/staying-calm#the-five-second-pause".
	ID   string
	Pack string
	Kind Kind

	Title string
	// Aliases are other names the item is known by (a note's aliases:),
	// found by search as its title is.
	Aliases []string `json:",omitempty"`
	Summary string
	// Body is the item's markdown as written, for rendering.
	Body string
	// Text is what an agent copies: the statement, the recommended option's
	// words, the first suggested rewrite, the section or template text.
	Text string

	Tags       []string
	Situations []string
	Emotions   []string
	// Channels the item fits (voice, chat, email, social, sms, in-person);
	// empty means all.
	Channels []string
	Category string
	// Signals are what customers typically say (matrix concerns).
	Signals []string

	// Parent is the id of the guide a section belongs to.
	Parent string
	// Sections are the ids of a guide's sections, in order.
	Sections []string

	Options []Option        // matrix: the recommended option first
	Steps   []ChecklistStep // checklists
	Fields  []Field         // templates: one per placeholder, in order of appearance
	Phrase  *PhraseRule     // phrases

	// Links are the links of this item's markdown to other items, as
	// written and as the loader resolved them; Library.ResolveLink looks
	// them up, so whatever opens a link agrees with lint.
	Links []Link

	// Language is the base code of the language the item is written in
	// ("fr", "zh"), from its front matter, its pack or detection; "" when
	// unknown, and search then analyses it for no language in particular.
	Language string

	// Review is what the item's file says about review (reviewed:,
	// review_every:), shared by the file's items; nil when it says
	// nothing and the pack's pack.toml decides (Library.ItemFreshness).
	Review *Review `json:",omitempty"`

	Source Source
}

// Option is one solution for a matrix concern. The first option of a concern
// is the recommended opening offer; the others are alternatives to bring only
// if it is declined.
type Option struct {
	ID          string // e.g. "builtin/matrix/late-delivery#2"
	Title       string
	Say         string // word for word, may hold placeholders
	When        string
	Authority   string
	Recommended bool
	// Line is where the Say line is written (the option's heading when it
	// has none), so checks of the words can point at them.
	Line int
}

// ChecklistStep is one task of a checklist, with the heading it sits under.
type ChecklistStep struct {
	Group string
	Text  string
	// Markdown is the step's line as written, without its list marker
	// and box, so its links can be shown and followed; "" when it is the
	// same as Text.
	Markdown string `json:",omitempty"`
}

// Link is a link in an item's markdown to an item of the same pack.
type Link struct {
	Href   string // as written, such as ../matrix/late-delivery.md#options
	Target string // the id of the item it opens
}

// Field is one {{placeholder}} of a template, as kb/template describes it.
type Field = template.Field

// PhraseRule is one row of the positive-language chart.
type PhraseRule struct {
	InsteadOf string
	Try       []string
	Why       string
	// Patterns are the Match column's patterns (or InsteadOf when empty),
	// in the pattern syntax of docs/pack-format.md.
	Patterns []string
}

// Source says where an item was written, for errors and "edit this" links.
type Source struct {
	File string // path inside the pack, slash-separated
	Line int    // 1-based
}
