package tone_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/poisehq/poise/kb"
	"github.com/poisehq/poise/kb/tone"
)

const chart = `---
title: Limits
---
| Instead of | Try | Why | Match |
|---|---|---|---|
| I can't do that. | What I can do is …<br>Here's what I can offer … | Leads with what is possible. | can't do that; can't help (you\|with that) |
| That's our policy. | The reason we do it this way is … | Explains instead of hiding behind a rule. | (that's\|it's) [our\|the] policy |
| Unfortunately … | Here's where we are … | Starts with the situation. | unfortunate* |
| I'm not authorised. | Let me bring in someone who can. | Offers a way forward. | (i'm\|i am) not authori*ed |
| You need to calm down. | I can hear how frustrating this is. | Nobody calms down when told to. | |
| Don't worry. | You're in good hands. | Says what is true. | don't worry |
`

func checker(t testing.TB) *tone.Checker {
	t.Helper()
	p, err := kb.LoadFS(fstest.MapFS{
		"pack.toml":      {Data: []byte("id = \"t\"\nname = \"T\"\nversion = \"1.0.0\"\n")},
		"phrases/lim.md": {Data: []byte(chart)},
	}, kb.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return tone.NewChecker(kb.NewLibrary(p))
}

func TestCheck(t *testing.T) {
	c := checker(t)
	tests := []struct {
		name  string
		draft string
		want  []string // matched text, then item number
	}{
		{"exact", "Sorry, I can't do that today.", []string{"can't do that", "1"}},
		{"cannot", "I cannot do that.", []string{"cannot do that", "1"}},
		{"can not with extra spaces", "I can not   do that.", []string{"can not   do that", "1"}},
		{"curly apostrophe", "I can’t help you.", []string{"can’t help you", "1"}},
		{"case", "I CAN'T HELP WITH THAT", []string{"CAN'T HELP WITH THAT", "1"}},
		{"optional word", "Well, it's the policy.", []string{"it's the policy", "2"}},
		{"optional word absent", "That is policy, sadly.", []string{"That is policy", "2"}},
		{"wildcard ending", "Unfortunately we are out.", []string{"Unfortunately", "3"}},
		{"wildcard inside", "I am not authorized to.", []string{"I am not authorized", "4"}},
		{"contracted pattern, spelled-out draft", "Please do not worry.", []string{"do not worry", "6"}},
		{"instead-of text is the pattern when Match is empty", "Sir, you need to calm down!", []string{"you need to calm down", "5"}},
		{"several, in order", "Don't worry. Unfortunately, it's our policy.", []string{"Don't worry", "6", "Unfortunately", "3", "it's our policy", "2"}},
		{"not across a sentence end", "I can't. Do that later.", nil},
		{"whole words only", "I cannot do thatch.", nil},
		{"not inside a contraction", "I am not authorised", []string{"I am not authorised", "4"}},
		{"can does not match can't", "We can do that.", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range c.Check(tt.draft) {
				if tt.draft[f.Start:f.End] != f.Matched {
					t.Errorf("span %d..%d is %q, not %q", f.Start, f.End, tt.draft[f.Start:f.End], f.Matched)
				}
				got = append(got, f.Matched, f.ItemID[strings.LastIndex(f.ItemID, "#")+1:])
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Check(%q) = %q, want %q", tt.draft, got, tt.want)
			}
		})
	}
}

func TestCheckFindingCarriesTheRow(t *testing.T) {
	fs := checker(t).Check("That's our policy.")
	if len(fs) != 1 {
		t.Fatalf("got %d findings, want 1", len(fs))
	}
	f := fs[0]
	if f.ItemID != "t/phrases/lim#2" || f.Why != "Explains instead of hiding behind a rule." || !reflect.DeepEqual(f.Try, []string{"The reason we do it this way is …"}) {
		t.Errorf("finding = %+v", f)
	}
}

func TestApply(t *testing.T) {
	c := checker(t)
	tests := []struct {
		name, draft, edited, try, want string
	}{
		{"the whole clause, not the words", "Sorry, but that's our policy.", "", "The reason we do it this way is …",
			"Sorry. The reason we do it this way is {{next_step}}."},
		{"the whole sentence when it is one clause", "Well, it's the policy here.", "", "The reason we do it this way is …",
			"The reason we do it this way is {{next_step}}."},
		{"the clause after a comma and a subject", "I checked it, but that's the policy.", "", "The reason we do it this way is …",
			"I checked it. The reason we do it this way is {{next_step}}."},
		{"a gap becomes a placeholder", "I can't do that today.", "", "What I can do is …", "What I can do is {{next_step}}."},
		{"draft changed since the check", "That's our policy.", "Hi! That's our policy.", "The reason we do it this way is …",
			"Hi! The reason we do it this way is {{next_step}}."},
		{"phrase gone since the check", "That's our policy.", "All fixed.", "x.", "All fixed."},
		{"a suggestion not in the chart row", "That's our policy.", "", "Something else.", "That's our policy."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := c.Check(tt.draft)
			if len(fs) != 1 {
				t.Fatalf("got %d findings, want 1", len(fs))
			}
			draft := tt.draft
			if tt.edited != "" {
				draft = tt.edited
			}
			if got := tone.Apply(draft, fs[0], tt.try); got != tt.want {
				t.Errorf("Apply = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNilAndEmptyChecker(t *testing.T) {
	if fs := tone.NewChecker(nil).Check("I can't do that"); fs != nil {
		t.Errorf("empty checker found %v", fs)
	}
	var c *tone.Checker
	if fs := c.Check("I can't do that"); fs != nil {
		t.Errorf("nil checker found %v", fs)
	}
}

func ExampleChecker_Check() {
	p, _ := kb.LoadFS(fstest.MapFS{
		"pack.toml": {Data: []byte("id = \"acme\"\nname = \"Acme\"\nversion = \"1.0.0\"\n")},
		"phrases/limits.md": {Data: []byte(`---
title: Limits
---
| Instead of | Try | Why | Match |
|---|---|---|---|
| I can't do that. | What I can do is … | Leads with what is possible. | can't do that |
`)},
	}, kb.LoadOptions{})
	c := tone.NewChecker(kb.NewLibrary(p))
	draft := "Thanks for calling. I'm sorry, I cannot do that today. I'll email you the form."
	for _, f := range c.Check(draft) {
		fmt.Printf("%q in %q: try %q (%s)\n", f.Matched, f.Clause.Text(draft), f.Try[0], f.Why)
		for _, rw := range tone.Rewrites(draft, f) {
			fmt.Println(rw.Result, rw.Blanks)
		}
	}
	// Output:
	// "cannot do that" in "I'm sorry, I cannot do that today": try "What I can do is …" (Leads with what is possible.)
	// Thanks for calling. What I can do is {{next_step}}. I'll email you the form. [next_step]
}

func FuzzToneCheck(f *testing.F) {
	for _, s := range []string{"I can't do that.", "it’s our policy", "Unfortunately…", "can\u2019t\n\nhelp you", "\xff\xfe can't", "I'm not authorized"} {
		f.Add(s)
	}
	c := checker(f)
	f.Fuzz(func(t *testing.T, draft string) {
		last := 0
		for _, fd := range c.Check(draft) {
			if fd.Start < last || fd.End > len(draft) || fd.Start >= fd.End || draft[fd.Start:fd.End] != fd.Matched {
				t.Fatalf("bad finding %+v in %q", fd, draft)
			}
			last = fd.End
			_ = tone.Apply(draft, fd, "x")
		}
	})
}

// draft is a few hundred words of a real-sounding reply, with some phrases
// to find.
var draft = strings.Repeat("Hi Sam, thanks for getting back to me about the delivery. "+
	"Unfortunately the parcel is still with the courier, and I know that's not what you wanted to hear. "+
	"I can't do that refund today because it's our policy to wait for the trace, but don't worry: "+
	"I'll call you tomorrow with an update whatever the news, and if it hasn't moved we'll send a replacement. ", 5)

func BenchmarkCheck(b *testing.B) {
	c := checker(b)
	b.SetBytes(int64(len(draft)))
	for b.Loop() {
		c.Check(draft)
	}
}

func BenchmarkCheckBuiltin(b *testing.B) {
	lib, err := kb.LoadLibrary(builtin(), b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	c := tone.NewChecker(lib)
	b.SetBytes(int64(len(draft)))
	for b.Loop() {
		c.Check(draft)
	}
}
