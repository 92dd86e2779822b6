package kb

import (
	"errors"
	"fmt"
	"strings"
)

// ErrUnknownKind is matched (errors.Is) by ParseKind's error.
var ErrUnknownKind = errors.New("unknown kind")

// kindNames maps the ways a kind may be written to kinds: front matter's
// kind:, the CLI's --kind and folder names all accept singular and plural.
var kindNames = map[string]Kind{
	"guide": KindGuide, "guides": KindGuide, "matrix": KindMatrix,
	"statement": KindStatement, "statements": KindStatement,
	"phrase": KindPhrase, "phrases": KindPhrase,
	"checklist": KindChecklist, "checklists": KindChecklist,
	"template": KindTemplate, "templates": KindTemplate,
}

// ParseKind reads a kind as people write it: singular or plural
// ("statement", "statements"), in any case. The error wraps
// ErrUnknownKind and names the kinds there are.
func ParseKind(s string) (Kind, error) {
	if k, ok := kindNames[strings.ToLower(strings.TrimSpace(s))]; ok {
		return k, nil
	}
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	return "", fmt.Errorf("%w %q: use one of %s", ErrUnknownKind, s, strings.Join(names, ", "))
}

// Channels are the channels an item may fit, in the order screens list
// them.
var Channels = []string{"voice", "chat", "email", "social", "sms", "in-person"}

// channelNames maps every channel tag a statement may end with to the
// channel it means: a spelling people commonly write maps to the same
// channel.
var channelNames = map[string]string{
	"voice": "voice", "chat": "chat", "email": "email", "e-mail": "email",
	"social": "social", "sms": "sms", "text": "sms",
	"in-person": "in-person", "in person": "in-person",
}

// ParseChannel reads a channel as people write it ("e-mail", "text",
// "in person"); ok is false for a word that names no channel.
func ParseChannel(s string) (channel string, ok bool) {
	c, ok := channelNames[strings.ToLower(strings.TrimSpace(s))]
	return c, ok
}
