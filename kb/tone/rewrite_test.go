package tone_test

import (
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/template"
	"github.com/poisehq/poise/kb/tone"
)

// builtinChecker is the checker of the built-in chart, as the app uses it.
func builtinChecker(t testing.TB) *tone.Checker {
	t.Helper()
	lib, err := kb.LoadLibrary(builtin(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return tone.NewChecker(lib)
}

// factRE finds what a rewrite must not invent: digits, days, months and
// the words for near days. Written apart from kb/tone's own list, so the
// test does not just agree with the code.
var factRE = regexp.MustCompile(`(?i)\b(\d[\d:.,]*|monday|tuesday|wednesday|thursday|friday|saturday|sunday|` +
	`january|february|march|april|june|july|august|september|october|november|december|today|tonight|tomorrow|minutes?|hours?)\b`)

// assertSendable checks what a person would see in a rewritten reply: no
// "…" gap, no doubled word, a capital at the start of every sentence, no
// day, date, time or amount the draft did not have, and the parts keep
// byte for byte.
func assertSendable(t *testing.T, draft, got string, keep []string) {
	t.Helper()
	if strings.Contains(got, "…") || strings.Contains(got, "...") {
		t.Errorf("rewrite leaves a gap: %q", got)
	}
	for _, m := range factRE.FindAllString(got, -1) {
		if !strings.Contains(strings.ToLower(draft), strings.ToLower(m)) {
			t.Errorf("rewrite invents %q: %q", m, got)
		}
	}
	for _, pair := range pairs(got) {
		if !strings.Contains(strings.ToLower(draft), pair) {
			t.Errorf("rewrite doubles a word (%q): %q", pair, got)
		}
	}
	for _, m := range regexp.MustCompile(`[.!?]\s+(\p{Ll}\S*)`).FindAllStringSubmatch(got, -1) {
		if !strings.Contains(draft, m[0]) {
			t.Errorf("a sentence starts in lower case (%q): %q", m[0], got)
		}
	}
	for _, line := range strings.Split(got, "\n") {
		line = strings.TrimLeft(line, "-*> ")
		if r := []rune(line); len(r) > 0 && unicode.IsLower(r[0]) && !strings.Contains(draft, line) {
			t.Errorf("line starts in lower case: %q", line)
		}
	}
	for _, k := range keep {
		if !strings.Contains(draft, k) {
			t.Fatalf("bad test: %q is not in the draft", k)
		}
		if !strings.Contains(got, k) {
			t.Errorf("rewrite changed %q, which had nothing to change:\n%s", k, got)
		}
	}
	for _, f := range template.Fields(got) {
		if f.Computed && !strings.Contains(draft, "{{"+f.Name+"}}") {
			t.Errorf("rewrite adds {{%s}}, which Poise fills with today's date on its own", f.Name)
		}
	}
}

// pairs lists the doubled words of s, as "word word".
func pairs(s string) []string {
	var out []string
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	for i := 1; i < len(fields); i++ {
		if fields[i] == fields[i-1] {
			out = append(out, fields[i]+" "+fields[i])
		}
	}
	return out
}

// TestRewriteDrafts takes real-shaped replies through every rewrite the
// chart offers and through RewriteAll: each result must be sendable.
func TestRewriteDrafts(t *testing.T) {
	c := builtinChecker(t)
	tests := []struct {
		name  string
		draft string
		keep  []string // must come out byte for byte
		want  string   // what RewriteAll gives, when the case pins it
	}{
		{"email with greeting and sign-off",
			"Hi Sam,\n\nThanks for your message. That's not my job, but I can pass it on. As I already told you, the refund takes five working days.\n\nBest regards,\nAlex",
			[]string{"Hi Sam,\n\nThanks for your message. ", "\n\nBest regards,\nAlex"},
			"Hi Sam,\n\nThanks for your message. That's handled by {{team}}. I'll send them the whole story, so you don't have to explain it again. I can pass it on. To recap, the refund takes five working days.\n\nBest regards,\nAlex"},
		{"a list",
			"Here's where things are:\n- Unfortunately, the parcel is still with the courier.\n- You'll have to wait for the trace.\n- Per my last email, the form is attached.\n\nCheers,\nJo",
			[]string{"Here's where things are:\n- ", "\n\nCheers,\nJo"},
			"Here's where things are:\n- The parcel is still with the courier.\n- The earliest slot is {{earliest_date}}. Shall I book it for you?\n- The form is attached.\n\nCheers,\nJo"},
		{"quoted e-mail is the customer's and stays",
			"> Why is this taking so long? It's not my job to chase you.\n> Per my last email, I want it by Friday.\n\nI'm sorry, but that's our policy. Thanks for writing in.",
			[]string{"> Why is this taking so long? It's not my job to chase you.\n> Per my last email, I want it by Friday.\n\n", " Thanks for writing in."}, ""},
		{"inline quote stays",
			"You wrote \"that's not my job\" in your note, and I'm sorry. I'm not sure why you didn't get our call.",
			[]string{"You wrote \"that's not my job\" in your note, and I'm sorry. "},
			"You wrote \"that's not my job\" in your note, and I'm sorry. Let me check what happened on our side."},
		{"shouting and lower case",
			"WITH ALL DUE RESPECT, THE CHARGE IS CORRECT. i can't help you with that.",
			nil, "Here's what I'm seeing on my side: THE CHARGE IS CORRECT. The right team for this is {{team}}. I can pass your question to them, or tell you the quickest way to reach them."},
		{"abbreviations do not end a sentence",
			"Mr. Lee, e.g. the form, is fine. Per my last email, it's done.",
			[]string{"Mr. Lee, e.g. the form, is fine. "}, "Mr. Lee, e.g. the form, is fine. It's done."},
		{"other languages are never touched",
			"Bonjour Sam, je ne peux pas vous aider aujourd'hui.\nGoing forward, please send the receipt with the claim.\nDanke und viele Grüße.\n私はあなたを助けることができません。",
			[]string{"Bonjour Sam, je ne peux pas vous aider aujourd'hui.\n", "\nDanke und viele Grüße.\n私はあなたを助けることができません。"},
			"Bonjour Sam, je ne peux pas vous aider aujourd'hui.\nIt helps us most if you send the receipt with the claim.\nDanke und viele Grüße.\n私はあなたを助けることができません。"},
		{"passive-aggressive classics",
			"Per my last email, the invoice is attached. As previously stated, it is due on 3 March. You'll be served like everyone else. Going forward, please reply to this thread.",
			[]string{"is due on 3 March"},
			"The invoice is attached. To recap, it is due on 3 March. You'll be served. It helps us most if you reply to this thread."},
		{"a day the draft names stays; none is added",
			"Sorry, that's our policy. You'll have to wait until Friday.",
			nil, ""},
		{"a question after a finding",
			"Just to be clear, we won't refund it twice. Is that okay? Thank you for your cooperation.",
			[]string{" Is that okay?"},
			"We won't refund it twice. Is that okay? Thanks for your help with this."},
		{"a hard-wrapped e-mail",
			"Thanks for calling back about the order. I can't do that\nbefore the trace is back, but I'll keep you posted.\n\nRegards",
			[]string{"Thanks for calling back about the order. ", "\n\nRegards"}, ""},
		{"nothing to change",
			"Hi Sam, your refund is on its way. Thanks for your patience.",
			[]string{"Hi Sam, your refund is on its way. Thanks for your patience."},
			"Hi Sam, your refund is on its way. Thanks for your patience."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, f := range c.Check(tt.draft) {
				rws := tone.Rewrites(tt.draft, f)
				if len(rws) == 0 {
					t.Errorf("no rewrite fits %q in %q", f.Matched, f.Clause.Text(tt.draft))
				}
				for _, rw := range rws {
					if rw.Result != tt.draft[:rw.Start]+rw.Text+tt.draft[rw.End:] {
						t.Errorf("Result is not the draft with Text in place: %q", rw.Result)
					}
					if !(rw.Start <= f.Start && f.End <= rw.End) {
						t.Errorf("rewrite %d..%d does not cover the finding %d..%d", rw.Start, rw.End, f.Start, f.End)
					}
					assertSendable(t, tt.draft, rw.Result, tt.keep)
				}
			}
			got := c.RewriteAll(tt.draft)
			assertSendable(t, tt.draft, got, tt.keep)
			if tt.want != "" && got != tt.want {
				t.Errorf("RewriteAll =\n%q\nwant\n%q", got, tt.want)
			}
			if again := c.RewriteAll(got); again != got && len(c.Check(got)) == 0 {
				t.Errorf("RewriteAll is not settled: %q then %q", got, again)
			}
		})
	}
}

// TestRewriteKinds pins how each kind of suggestion fits a sentence.
func TestRewriteKinds(t *testing.T) {
	c := builtinChecker(t)
	tests := []struct {
		name, draft, try, want string
	}{
		{"a lead-in keeps the rest", "As I said, the form is attached.", "To recap,", "To recap, the form is attached."},
		{"leave it out, at the start", "As I said, the form is attached.", tone.LeaveOut, "The form is attached."},
		{"leave it out, in the middle", "The form, as previously stated, is attached.", tone.LeaveOut, "The form is attached."},
		{"leave it out, and the that after it", "Please be advised that your account is overdue.", tone.LeaveOut, "Your account is overdue."},
		{"that stays when it is the subject", "As I said, that form is attached.", tone.LeaveOut, "That form is attached."},
		{"leave it out, at the end", "You'll get it next week like everyone else.", tone.LeaveOut, "You'll get it next week."},
		{"a sentence after a greeting goes on in lower case", "Hi Sam, that's our policy.",
			"We do it this way because {{reason}}. Here's what I can offer within it.",
			"Hi Sam, we do it this way because {{reason}}. Here's what I can offer within it."},
		{"I stays a capital after a greeting", "Hello Ana, I'll just transfer you.",
			"I'm bringing in {{colleague_name}} from {{team}}, who can decide this. I'll explain everything first, so you won't need to repeat it.",
			"Hello Ana, I'm bringing in {{colleague_name}} from {{team}}, who can decide this. I'll explain everything first, so you won't need to repeat it."},
		{"the clauses after it start a new sentence", "That's our policy, but I can ask my manager.",
			"The reason for that rule is {{reason}}. Let me see what room there is.",
			"The reason for that rule is {{reason}}. Let me see what room there is. I can ask my manager."},
		{"inside brackets", "(That's our policy.) Anything else?",
			"The reason for that rule is {{reason}}. Let me see what room there is.",
			"(The reason for that rule is {{reason}}. Let me see what room there is.) Anything else?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := c.Check(tt.draft)
			if len(fs) == 0 {
				t.Fatalf("no finding in %q", tt.draft)
			}
			var tries []string
			for _, rw := range tone.Rewrites(tt.draft, fs[0]) {
				tries = append(tries, rw.Try)
				if rw.Try == tt.try {
					if rw.Result != tt.want {
						t.Errorf("got  %q\nwant %q", rw.Result, tt.want)
					}
					return
				}
			}
			t.Errorf("no rewrite with %q; the ones that fit: %q", tt.try, tries)
		})
	}
}

// TestLeadInNeedsWordsAfterIt: "As I already told you." has nothing after
// the phrase to keep, so only whole-sentence rewrites fit.
func TestLeadInNeedsWordsAfterIt(t *testing.T) {
	c := builtinChecker(t)
	draft := "As I already told you."
	fs := c.Check(draft)
	if len(fs) != 1 {
		t.Fatalf("findings = %+v", fs)
	}
	for _, rw := range tone.Rewrites(draft, fs[0]) {
		if rw.Try == tone.LeaveOut || rw.Try == "To recap," {
			t.Errorf("%q fits where nothing follows the phrase: %q", rw.Try, rw.Result)
		}
	}
}

// TestRewriteBlanksAreTemplateBlanks: a rewrite's gaps are placeholders the
// template form asks for, and a team's suggestion that names a day or
// leaves "…" gets placeholders instead.
func TestRewriteBlanksAreTemplateBlanks(t *testing.T) {
	c := checkerWith(t, "| You'll have to wait. | The earliest slot is Thursday at 10:30, for $20.<br>What I can do is … | Gives a date. | you'll have to wait |\n")
	draft := "You'll have to wait."
	fs := c.Check(draft)
	if len(fs) != 1 {
		t.Fatalf("findings = %+v", fs)
	}
	rws := tone.Rewrites(draft, fs[0])
	want := []string{"The earliest slot is {{when}} at {{when}}, for {{amount}}.", "What I can do is {{next_step}}."}
	if len(rws) != len(want) {
		t.Fatalf("rewrites = %+v", rws)
	}
	for i, rw := range rws {
		if rw.Result != want[i] {
			t.Errorf("rewrite %d = %q, want %q", i, rw.Result, want[i])
		}
		blanks := template.Blanks(template.Fields(rw.Result), nil)
		if len(blanks) == 0 || len(blanks) != len(uniq(rw.Blanks)) {
			t.Errorf("rewrite %q: template sees blanks %+v, the rewrite says %q", rw.Result, blanks, rw.Blanks)
		}
	}
	// A day the draft itself names may stay.
	draft = "You'll have to wait until Thursday."
	if got := tone.Apply(draft, c.Check(draft)[0], "The earliest slot is Thursday at 10:30, for $20."); got != "The earliest slot is Thursday at {{when}}, for {{amount}}." {
		t.Errorf("got %q", got)
	}
}

func uniq(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// checkerWith is a checker of one chart table holding rows.
func checkerWith(t *testing.T, rows string) *tone.Checker {
	t.Helper()
	return tone.NewChecker(loadChart(t, "---\ntitle: Team\n---\n| Instead of | Try | Why | Match |\n|---|---|---|---|\n"+rows))
}

func TestHistoryUndo(t *testing.T) {
	c := builtinChecker(t)
	draft := "Hi Sam,\n\nThat's our policy. Per my last email, the form is attached.\r\n\nBest,\nAlex"
	var h tone.History
	text := draft
	var states []string
	for range 2 {
		fs := c.Check(text)
		states = append(states, text)
		text = h.Apply(text, tone.Rewrites(text, fs[0])[0])
	}
	if len(c.Check(text)) != 0 || h.Len() != 2 {
		t.Fatalf("after two rewrites: %q, %d steps", text, h.Len())
	}
	for i := len(states) - 1; i >= 0; i-- {
		var ok bool
		text, ok = h.Undo(text)
		if !ok || text != states[i] {
			t.Fatalf("undo %d = %q (%v), want %q", i, text, ok, states[i])
		}
	}
	if text != draft {
		t.Errorf("undo did not restore the draft byte for byte")
	}
	if _, ok := h.Undo(text); ok {
		t.Error("undo with nothing to undo")
	}

	t.Run("keeps typing elsewhere", func(t *testing.T) {
		var h tone.History
		fs := c.Check(draft)
		text := h.Apply(draft, tone.Rewrites(draft, fs[0])[0]) + "\nPS: see you soon"
		got, ok := h.Undo(text)
		if !ok || got != draft+"\nPS: see you soon" {
			t.Errorf("undo = %q, %v", got, ok)
		}
	})
	t.Run("not when the rewrite was edited", func(t *testing.T) {
		var h tone.History
		fs := c.Check(draft)
		rw := tone.Rewrites(draft, fs[0])[0]
		text := h.Apply(draft, rw)
		text = strings.Replace(text, rw.Text, "Edited.", 1)
		if got, ok := h.Undo(text); ok || got != text {
			t.Errorf("undo = %q, %v; want the text unchanged", got, ok)
		}
	})
	t.Run("a stale rewrite is refused", func(t *testing.T) {
		var h tone.History
		fs := c.Check(draft)
		rw := tone.Rewrites(draft, fs[0])[0]
		if got := h.Apply("something else", rw); got != "something else" || h.Len() != 0 {
			t.Errorf("Apply on another draft = %q, %d steps", got, h.Len())
		}
	})
}

func TestInvented(t *testing.T) {
	tests := []struct {
		text, draft string
		want        []string
	}{
		{"I'll call you on Thursday at 10:30.", "", []string{"Thursday", "10:30"}},
		{"I'll call you on Thursday.", "Can you call on thursday?", nil},
		{"It takes two minutes, and costs £20 or 15%.", "", []string{"two minutes", "£20", "15%"}},
		{"It will be with you by {{delivery_date}}.", "", nil},
		{"May I put you on hold?", "", nil},
		{"I'll do it today.", "", []string{"today"}},
	}
	for _, tt := range tests {
		got := tone.Invented(tt.text, tt.draft)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Invented(%q, %q) = %q, want %q", tt.text, tt.draft, got, tt.want)
		}
	}
}

// loadChart loads one phrases file as a pack's library.
func loadChart(t testing.TB, md string) *kb.Library {
	t.Helper()
	p, err := kb.LoadFS(fstest.MapFS{
		"pack.toml":       {Data: []byte("id = \"team\"\nname = \"Team\"\nversion = \"1.0.0\"\n")},
		"phrases/team.md": {Data: []byte(md)},
	}, kb.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return kb.NewLibrary(p)
}

// FuzzToneRewrite throws any draft at the rewriter of the built-in chart:
// it must not panic, every rewrite must be the draft with one span
// replaced, cover its finding, add no "…" and state no day, time or amount
// the draft did not, and a reply RewriteAll leaves clean must stay as it is.
func FuzzToneRewrite(f *testing.F) {
	for _, s := range []string{
		"Hi Sam,\n\nThat's our policy, but I can check. Per my last email, it ships on 3 May.\n\nBest,\nAlex",
		"> As I already told you\nI can't do that… today!",
		"- Going forward, please send it.\n- \"That's not my job\", she said.",
		"WITH ALL DUE RESPECT, NO.", "(That's our policy.)", "Hi, , , that's our policy;; — but I can't.",
		"\xff\xfe can't do that", "Mr. Smith, you'll have to wait until Friday.",
	} {
		f.Add(s)
	}
	c := builtinChecker(f)
	f.Fuzz(func(t *testing.T, draft string) {
		if len(draft) > 2048 {
			return
		}
		for _, fd := range c.Check(draft) {
			for _, rw := range tone.Rewrites(draft, fd) {
				if rw.Start < 0 || rw.End > len(draft) || rw.Start > rw.End || rw.Result != draft[:rw.Start]+rw.Text+draft[rw.End:] {
					t.Fatalf("rewrite %+v is not a span of %q", rw, draft)
				}
				if rw.Start > fd.Start || rw.End < fd.End {
					t.Fatalf("rewrite %d..%d does not cover %d..%d in %q", rw.Start, rw.End, fd.Start, fd.End, draft)
				}
				if strings.Count(rw.Result, "…") > strings.Count(draft, "…") {
					t.Fatalf("rewrite adds a gap: %q", rw.Result)
				}
				if facts := tone.Invented(rw.Result, draft); len(facts) > 0 {
					t.Fatalf("rewrite of %q invents %q: %q", draft, facts, rw.Result)
				}
			}
		}
		out := c.RewriteAll(draft)
		if facts := tone.Invented(out, draft); len(facts) > 0 {
			t.Fatalf("RewriteAll of %q invents %q: %q", draft, facts, out)
		}
		if len(c.Check(out)) == 0 && c.RewriteAll(out) != out {
			t.Fatalf("RewriteAll of a clean reply changed it: %q", out)
		}
	})
}

// BenchmarkRewriteAll rewrites the few-hundred-word reply of BenchmarkCheck
// with the built-in chart: what "poise tone --json" does for its
// "rewritten" field.
func BenchmarkRewriteAll(b *testing.B) {
	c := builtinChecker(b)
	b.SetBytes(int64(len(draft)))
	for b.Loop() {
		c.RewriteAll(draft)
	}
}

// BenchmarkRewrites lists the rewrites of every finding of that reply, as
// the tone screen does after each keystroke.
func BenchmarkRewrites(b *testing.B) {
	c := builtinChecker(b)
	fs := c.Check(draft)
	b.SetBytes(int64(len(draft)))
	for b.Loop() {
		for _, f := range fs {
			tone.Rewrites(draft, f)
		}
	}
}
