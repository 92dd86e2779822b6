package search

import (
	"bytes"
	"strings"
	"sync"

	"github.com/poisehq/poise/internal/textsearch"
	"github.com/poisehq/poise/kb"
)

// itemDocument turns an item into what the index sees. Titles and what
// customers say rank above tags, and tags above body text.
func itemDocument(it *kb.Item) textsearch.Document { return itemDocumentIn(it, nil) }

// itemDocumentIn is itemDocument with the texts it joins and the stored
// hit made in m (nil: in memory of their own).
//
// A build makes one per item of the library (55,000 for the issue 10
// vault), on every core: the texts are made plain and joined in buffers
// reused from item to item, and each field the document keeps is copied
// out once, into the memory the build lends (textsearch.DocMemory), which
// it reuses segment after segment. Joining strings, and making the same
// markdown plain again for the stored hit, once allocated a quarter of a
// gigabyte per build of that vault; copying each out at its size, a
// tenth of a gigabyte still.
func itemDocumentIn(it *kb.Item, m *textsearch.DocMemory) textsearch.Document {
	sc := scratchPool.Get().(*docScratch)
	defer sc.release()

	title := it.Title
	bank := it.Kind == kb.KindStatement || it.Kind == kb.KindPhrase
	if (it.Category != "" && bank) || len(it.Aliases) > 0 {
		j := sc.joiner()
		j.add(it.Title)
		if bank {
			// A bank's title ("When the customer is grieving") names what
			// each of its short statements is for.
			j.add(it.Category)
		}
		for _, a := range it.Aliases { // other names of a note rank as its title does
			j.add(a)
		}
		title = j.text(m)
	}
	j := sc.joiner()
	j.addAll(it.Signals)
	j.addAll(it.Situations)
	signals := j.text(m)
	j = sc.joiner()
	j.addAll(it.Tags)
	j.addAll(it.Emotions)
	if !bank {
		j.add(it.Category)
	}
	meta := j.text(m)

	// The plain texts, made once for the body and the stored hit.
	sc.plain = textsearch.AppendPlainText(sc.plain[:0], it.Text)
	text := sc.plain
	var body []byte
	if len(it.Sections) == 0 {
		// A guide's body holds its sections, which are items of their own
		// with those words: its own text (the intro) is enough, and the
		// words of a large library are analysed and stored once, not twice.
		if it.Body == it.Text {
			body = text
		} else {
			sc.plain = textsearch.AppendPlainText(sc.plain, it.Body)
			text, body = sc.plain[:len(text)], sc.plain[len(text):]
		}
	}
	j = sc.joiner()
	j.add(it.Summary)
	j.addBytes(text)
	if !bytes.Equal(body, text) {
		j.addBytes(body)
	}
	if it.Phrase != nil {
		j.add(it.Phrase.InsteadOf)
		j.addAll(it.Phrase.Try)
		j.add(it.Phrase.Why)
	}
	if it.Body == "" {
		// Kinds whose body the loader leaves empty still carry their words.
		for _, o := range it.Options {
			j.add(o.Title)
			sc.say = textsearch.AppendPlainText(sc.say[:0], o.Say)
			j.addBytes(sc.say)
		}
		for _, s := range it.Steps {
			j.add(s.Text)
		}
	}
	doc := j.text(m)
	return textsearch.Document{
		Title:    title,
		Signals:  signals,
		Meta:     meta,
		Body:     doc,
		Kind:     string(it.Kind),
		Source:   it.Pack,
		Emotions: it.Emotions,
		Tags:     it.Tags,
		Lang:     it.Language,
		Stored:   m.Bytes(sc.encodeHit(it, text, body)),
	}
}

// docScratch holds the buffers one itemDocument reuses.
type docScratch struct {
	join  joiner
	plain []byte // the item's text and body made plain
	say   []byte // an option's words made plain
	head  []byte // the start of a guide's body made plain (plainHead)
	line  []byte // a phrase's or the signals' snippet text
	enc   []byte // the stored hit (encodeHit)
}

var scratchPool = sync.Pool{New: func() any { return new(docScratch) }}

// scratchLimit is the largest buffer put back for reuse: one huge note
// does not keep its size of memory for every build after it.
const scratchLimit = 1 << 20

// release puts sc back for the next item.
func (sc *docScratch) release() {
	for _, b := range []*[]byte{&sc.join.b, &sc.plain, &sc.say, &sc.head, &sc.line, &sc.enc} {
		if cap(*b) > scratchLimit {
			*b = nil
		}
	}
	scratchPool.Put(sc)
}

// joiner is sc's joiner, emptied.
func (sc *docScratch) joiner() *joiner {
	sc.join.b, sc.join.n, sc.join.only = sc.join.b[:0], 0, ""
	return &sc.join
}

// joiner joins texts as textsearch.JoinText does (each trimmed, empty ones
// left out, one per line) in a buffer it reuses.
type joiner struct {
	b    []byte
	n    int    // parts joined
	only string // the part, when there is one and it was a string
}

func (j *joiner) add(s string) {
	if s = strings.TrimSpace(s); s == "" {
		return
	}
	j.sep()
	j.b = append(j.b, s...)
	j.only = s
}

func (j *joiner) addAll(ss []string) {
	for _, s := range ss {
		j.add(s)
	}
}

func (j *joiner) addBytes(p []byte) {
	if p = bytes.TrimSpace(p); len(p) == 0 {
		return
	}
	j.sep()
	j.b = append(j.b, p...)
	j.only = ""
}

func (j *joiner) sep() {
	if j.n > 0 {
		j.b = append(j.b, '\n')
	}
	j.n++
}

// text is the joined text, a copy of the buffer in m: the part itself
// when there is one string, which is the case for most items' signals and
// meta.
func (j *joiner) text(m *textsearch.DocMemory) string {
	switch {
	case j.n == 0:
		return ""
	case j.n == 1 && j.only != "":
		return j.only
	}
	return m.String(j.b)
}
