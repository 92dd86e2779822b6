package kb_test

import (
	"errors"
	"testing"

	"github.com/poisehq/poise/kb"
)

func TestParseKind(t *testing.T) {
	for in, want := range map[string]kb.Kind{
		"statement": kb.KindStatement, "Statements": kb.KindStatement, " matrix ": kb.KindMatrix,
		"guides": kb.KindGuide, "checklists": kb.KindChecklist, "template": kb.KindTemplate, "phrases": kb.KindPhrase,
	} {
		if got, err := kb.ParseKind(in); got != want || err != nil {
			t.Errorf("ParseKind(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := kb.ParseKind("poem"); !errors.Is(err, kb.ErrUnknownKind) {
		t.Errorf("ParseKind(poem) error = %v, want ErrUnknownKind", err)
	}
}

func TestParseChannel(t *testing.T) {
	for in, want := range map[string]string{"E-mail": "email", "text": "sms", "in person": "in-person", "voice": "voice"} {
		if got, ok := kb.ParseChannel(in); got != want || !ok {
			t.Errorf("ParseChannel(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := kb.ParseChannel("pigeon"); ok {
		t.Error("ParseChannel(pigeon) is a channel")
	}
	for _, c := range kb.Channels {
		if got, ok := kb.ParseChannel(c); got != c || !ok {
			t.Errorf("listed channel %q does not parse as itself", c)
		}
	}
}
