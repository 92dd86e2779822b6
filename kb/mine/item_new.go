package mine

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/poisehq/poise/internal/atomicfile"
	"github.com/poisehq/poise/kb"
)

// folders is where each kind's files go, as docs/pack-format.md lays a
// pack out.
var folders = map[kb.Kind]string{
	kb.KindStatement: "statements", kb.KindTemplate: "templates", kb.KindMatrix: "matrix",
	kb.KindChecklist: "checklists", kb.KindGuide: "guides", kb.KindPhrase: "phrases",
}

// maxTitle bounds a title, in characters; a file name is made of at most
// maxSlug of them.
const (
	maxTitle = 200
	maxSlug  = 80
)

// starters are the bodies of new items: each loads clean, and shows the
// shape of its kind so a person can write over it.
var starters = map[kb.Kind]string{
	kb.KindStatement: "## When it happens\n- Write what you would say, in your own words. `voice` `chat`\n",
	kb.KindTemplate:  "Hi {{customer_name}},\n\nWrite the message to copy here.\n\nThanks, {{agent_name}}\n",
	kb.KindMatrix: "What the customer is asking for, in a sentence.\n\n## Signals\n- \"What a customer might say\"\n\n## Options\n\n" +
		"### What you offer first\n- **Say:** \"The words you say, word for word.\"\n- **When:** When it fits.\n- **Authority:** agent\n\n" +
		"### An alternative\n- **Say:** \"What you offer if the first is declined.\"\n- **When:** When it fits.\n- **Authority:** agent\n\n" +
		"### Another alternative\n- **Say:** \"One more thing you can offer.\"\n- **When:** When it fits.\n- **Authority:** team lead\n",
	kb.KindChecklist: "## Before the call ends\n- [ ] The first thing to check.\n- [ ] The next thing to check.\n",
	kb.KindGuide:     "What this note is about, in a sentence.\n\n## A section\nWrite your note here.\n",
	kb.KindPhrase:    "| Instead of | Try | Why |\n|---|---|---|\n| The words to avoid. | What to say instead. | Why it lands better. |\n",
}

// Create writes a new item of kind titled title, from a starter that
// shows the shape of the kind, and returns its file inside My pack. The
// file name is made from the title; a name already used gets -2, -3, …
func (m *Pack) Create(kind kb.Kind, title string) (string, error) {
	folder, ok := folders[kind]
	if !ok {
		return "", fmt.Errorf("create item: unknown kind %q", kind)
	}
	title = cleanTitle(title)
	if title == "" {
		title = "Untitled"
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.ensure(); err != nil {
		return "", err
	}
	slug := []rune(kb.Slug(title))
	if len(slug) > maxSlug {
		slug = []rune(strings.TrimRight(string(slug[:maxSlug]), "-"))
	}
	base := string(slug)
	if base == "" {
		base = "untitled"
	}
	front, err := yaml.Marshal(struct {
		Title string `yaml:"title"`
	}{title})
	if err != nil {
		return "", fmt.Errorf("create item: %w", err)
	}
	src := []byte("---\n" + string(front) + "---\n" + starters[kind])
	for n := 1; n <= 1000; n++ {
		name := base
		if n > 1 {
			name += "-" + strconv.Itoa(n)
		}
		rel := folder + "/" + name + ".md"
		full, err := m.file(rel)
		if err != nil {
			return "", err
		}
		if _, err := os.Lstat(full); err == nil {
			continue
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", fmt.Errorf("create item: %w", err)
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o700); err != nil {
			return "", fmt.Errorf("create item: %w", err)
		}
		if err := atomicfile.Write(full, src, 0o600); err != nil {
			return "", fmt.Errorf("create item: %w", err)
		}
		return rel, nil
	}
	return "", fmt.Errorf("create item: %w: %s/%s", ErrTaken, folder, base)
}

// cleanTitle keeps a title to one line of printable text, bounded.
func cleanTitle(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > maxTitle {
		s = string(r[:maxTitle])
	}
	return s
}
