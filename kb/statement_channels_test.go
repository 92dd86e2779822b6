package kb_test

import (
	"slices"
	"testing"
	"testing/fstest"

	"github.com/poisehq/poise/kb"
)

// TestStatementChannelTags: every channel a team meets customers on can be
// named by a tag, and the common ways of writing one name the same channel.
func TestStatementChannelTags(t *testing.T) {
	body := "---\ntitle: Angry\n---\n## Waited\n" +
		"- One. `voice` `chat` `email`\n" +
		"- Two. `social`\n" +
		"- Three. `sms` `text`\n" +
		"- Four. `in-person`\n" +
		"- Five. `In Person` `E-mail`\n" +
		"- Six.\n"
	fsys := fstest.MapFS{
		"pack.toml":           {Data: []byte(manifest)},
		"statements/angry.md": {Data: []byte(body)},
	}
	p, err := kb.LoadFS(fsys, kb.LoadOptions{})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	want := map[string][]string{
		"acme/statements/angry#1": {"voice", "chat", "email"},
		"acme/statements/angry#2": {"social"},
		"acme/statements/angry#3": {"sms", "sms"},
		"acme/statements/angry#4": {"in-person"},
		"acme/statements/angry#5": {"in-person", "email"},
		"acme/statements/angry#6": nil,
	}
	for _, it := range p.Items {
		w, ok := want[it.ID]
		if !ok {
			continue
		}
		delete(want, it.ID)
		if !slices.Equal(it.Channels, w) {
			t.Errorf("%s channels = %q, want %q", it.ID, it.Channels, w)
		}
	}
	for id := range want {
		t.Errorf("no item %s", id)
	}
}
