package textsearch

import (
	"strings"
	"testing"
)

// A template's text often opens with its first word ("customer_name,
// here's what I'll do…"): a match a little way in must not cut that word
// in half ("…ustomer_name"), as the first result for "u guys never call
// back" was.
func TestCutKeepsTheFirstWordWhole(t *testing.T) {
	text := "customer_name, here's what I'll do. I'll call you back callback_day callback_time on phone_number, with topic. " +
		"Is that a good time and the best number for you? If I haven't got the full answer by then, I'll still call at that time to tell you where it stands."
	at := strings.Index(text, "call you back")
	out, spans := cut(text, []Span{{at, at + len("call")}})
	if !strings.HasPrefix(out, "customer_name,") && !strings.HasPrefix(out, ellipsis+"here's") && !strings.HasPrefix(out, ellipsis+"what") {
		t.Fatalf("snippet starts mid-word: %q", out)
	}
	if len(spans) != 1 || out[spans[0].Start:spans[0].End] != "call" {
		t.Fatalf("highlight moved off the match: %q %v", out, spans)
	}
}

// A guide's table reaches a snippet as cells joined by tabs and rows by
// newlines; a snippet is one plain line, so the terminal showed
// "col a\x09col b".
func TestSnippetIsOneLineOfPlainText(t *testing.T) {
	got := Lead(func() string { return "col a\tcol b\nrefund\t退款\r\nend" })
	if strings.ContainsAny(got, "\t\n\r") {
		t.Fatalf("snippet holds a tab or line break: %q", got)
	}
	if got != "col a col b refund 退款  end" {
		t.Fatalf("snippet = %q", got)
	}
}
