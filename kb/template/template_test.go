package template_test

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/poisehq/poise/kb/template"
)

// now is a Wednesday late in the year, so offsets cross a month and a year.
var now = time.Date(2026, time.November, 25, 14, 30, 0, 0, time.UTC)

func TestFields(t *testing.T) {
	got := template.Fields("Hi {{customer_name}}, by {{date+3d}} at {{ time }}. {{customer_name}} {{Bad Name}} {{agent_name}}")
	var names []string
	var computed []bool
	for _, f := range got {
		names = append(names, f.Name)
		computed = append(computed, f.Computed)
	}
	if want := []string{"customer_name", "date+3d", "time", "agent_name"}; !reflect.DeepEqual(names, want) {
		t.Errorf("names = %v, want %v", names, want)
	}
	if want := []bool{false, true, true, false}; !reflect.DeepEqual(computed, want) {
		t.Errorf("computed = %v, want %v", computed, want)
	}
	if got[0].Label != "Customer name" || got[1].Label != "Date in 3 days" {
		t.Errorf("labels = %q, %q", got[0].Label, got[1].Label)
	}
}

func TestRender(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		values  map[string]string
		want    string
		missing []string
	}{
		{"values", "Hi {{customer_name}}, I'm {{agent_name}}.", map[string]string{"customer_name": "Sam", "agent_name": "Alex"}, "Hi Sam, I'm Alex.", nil},
		{"today", "{{date}}", nil, "Wednesday 25 November", nil},
		{"days", "{{date+3d}}", nil, "Saturday 28 November", nil},
		{"week", "{{date+1w}}", nil, "Wednesday 2 December", nil},
		{"hours", "{{date+24h}}", nil, "Thursday 26 November", nil},
		{"next year shows the year", "{{date+6w}}", nil, "Wednesday 6 January 2027", nil},
		{"time", "{{time}}", nil, "14:30", nil},
		{"a value overrides a computed field", "{{date}}", map[string]string{"date": "Monday"}, "Monday", nil},
		{"spaces inside braces", "{{ customer_name }}", map[string]string{"customer_name": "Sam"}, "Sam", nil},
		{"missing stays visible", "Hi {{customer_name}}, re {{concern}} and {{customer_name}}.", nil, "Hi [customer_name], re [concern] and [customer_name].", []string{"customer_name", "concern"}},
		{"empty counts as missing", "Hi {{customer_name}}.", map[string]string{"customer_name": "  "}, "Hi [customer_name].", []string{"customer_name"}},
		{"malformed left as written", "Hi {{Customer}} {{name", nil, "Hi {{Customer}} {{name", nil},
		{"single braces are text", "JSON {\"a\": 1} and {name}", nil, "JSON {\"a\": 1} and {name}", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := template.Render(tt.text, tt.values, now)
			if got != tt.want {
				t.Errorf("Render = %q, want %q", got, tt.want)
			}
			var me *template.MissingError
			switch {
			case tt.missing == nil && err != nil:
				t.Errorf("err = %v, want nil", err)
			case tt.missing != nil && (!errors.As(err, &me) || !reflect.DeepEqual(me.Names, tt.missing) || !errors.Is(err, template.ErrMissing)):
				t.Errorf("err = %v, want missing %v", err, tt.missing)
			}
		})
	}
}

func TestProblems(t *testing.T) {
	tests := []struct {
		text  string
		spans [][2]int
	}{
		{"fine {{name}} and {{date+2d}}", nil},
		{"{{Name}}", [][2]int{{0, 8}}},
		{"a {{name", [][2]int{{2, 8}}},
		{"{{date+3x}} {{time+1h}}", [][2]int{{0, 11}, {12, 23}}},
		{"{name}", [][2]int{{0, 6}}},
		{"{{{name}}}", [][2]int{{0, 10}}},
		{"name}}", [][2]int{{4, 6}}},
		{"{{}}", [][2]int{{0, 4}}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			var spans [][2]int
			for _, p := range template.Problems(tt.text) {
				spans = append(spans, [2]int{p.Start, p.End})
				if p.Message == "" {
					t.Error("problem without a message")
				}
			}
			if !reflect.DeepEqual(spans, tt.spans) {
				t.Errorf("spans = %v, want %v", spans, tt.spans)
			}
		})
	}
}

func TestComputed(t *testing.T) {
	if got := template.Computed("customer_name", now); got != "" {
		t.Errorf("Computed(customer_name) = %q, want empty", got)
	}
	if got := template.Computed("date+9999d", now); got != "" {
		t.Errorf("Computed(date+9999d) = %q, want empty: too far ahead", got)
	}
}

func TestComputedInUSEnglish(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, time.November, 25, h, m, 0, 0, time.UTC) }
	tests := []struct {
		locale, name string
		now          time.Time
		want         string
	}{
		{"en-US", "date", at(9, 0), "Wednesday, November 25"},
		{"en-US", "date+6w", at(9, 0), "Wednesday, January 6, 2027"},
		{"en-US", "time", at(14, 30), "2:30 p.m."},
		{"en-US", "time", at(16, 0), "4 p.m."},
		{"en-US", "time", at(9, 5), "9:05 a.m."},
		{"en-US", "time", at(12, 0), "noon"},
		{"en-US", "time", at(0, 0), "midnight"},
		{"en-US", "time", at(0, 30), "12:30 a.m."},
		{"en-GB", "date", at(9, 0), "Wednesday 25 November"},
		{"en-GB", "time", at(14, 30), "14:30"},
		{"", "time", at(14, 30), "14:30"},
	}
	for _, tt := range tests {
		t.Run(tt.locale+" "+tt.name+" "+tt.want, func(t *testing.T) {
			if got := template.ComputedIn(tt.locale, tt.name, tt.now); got != tt.want {
				t.Errorf("ComputedIn(%q, %q) = %q, want %q", tt.locale, tt.name, got, tt.want)
			}
		})
	}
	out, _ := template.RenderIn("en-US", "By {{date+2d}} at {{time}}", nil, at(15, 0))
	if want := "By Friday, November 27 at 3 p.m."; out != want {
		t.Errorf("RenderIn = %q, want %q", out, want)
	}
}

func ExampleRender() {
	now := time.Date(2026, time.November, 25, 9, 0, 0, 0, time.UTC)
	text := "Hi {{customer_name}}, I'll call you back by {{date+2d}}. {{agent_name}}"
	out, err := template.Render(text, map[string]string{"customer_name": "Sam"}, now)
	fmt.Println(out)
	fmt.Println(err)
	// Output:
	// Hi Sam, I'll call you back by Friday 27 November. [agent_name]
	// missing fields: agent_name
}

func FuzzRender(f *testing.F) {
	for _, s := range []string{"Hi {{customer_name}}", "{{date+3d}} {{time}}", "{{", "}}{{{x}}}", "{a} {{ b }}", "{{date+99999999999999999999d}}"} {
		f.Add(s, "Sam")
	}
	f.Fuzz(func(t *testing.T, text, value string) {
		fields := template.Fields(text)
		values := map[string]string{}
		for _, fl := range fields {
			values[fl.Name] = value
		}
		if _, err := template.Render(text, values, now); err != nil && value != "" && len(fields) > 0 {
			var me *template.MissingError
			if !errors.As(err, &me) {
				t.Fatalf("Render error %v is not a MissingError", err)
			}
		}
		for _, p := range template.Problems(text) {
			if p.Start < 0 || p.End > len(text) || p.Start >= p.End {
				t.Fatalf("problem span %d..%d out of %d bytes", p.Start, p.End, len(text))
			}
		}
	})
}

// TestFieldsDeclared is the one merge of a template's placeholders with what
// its pack declares about them, used by the loader and the fill-in form.
func TestFieldsDeclared(t *testing.T) {
	got := template.Fields("Hi {{customer_name}}, by {{date+3d}}: {{reason}}.",
		template.Field{Name: "reason", Label: "Why", Default: "a delay", Choices: []string{"a delay", "a fault"}, Multiline: true},
		template.Field{Name: "date+3d", Label: "Reply by"},
		template.Field{Name: "unused", Label: "Never asked"},
	)
	want := []template.Field{
		{Name: "customer_name", Label: "Customer name"},
		{Name: "date+3d", Label: "Reply by", Computed: true},
		{Name: "reason", Label: "Why", Default: "a delay", Choices: []string{"a delay", "a fault"}, Multiline: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Fields =\n%+v\nwant\n%+v", got, want)
	}
}

func TestBlanksAreWhatRenderBrackets(t *testing.T) {
	text := "Hi {{customer_name}}, {{amount}} back by {{date+3d}}; {{customer_name}} again, ref {{ref}}."
	fields := template.Fields(text)
	values := map[string]string{"customer_name": "Ana", "amount": "   ", "date+3d": ""}
	var names []string
	for _, f := range template.Blanks(fields, values) {
		names = append(names, f.Name)
	}
	if want := []string{"amount", "ref"}; !slices.Equal(names, want) {
		t.Errorf("Blanks = %q, want %q", names, want)
	}
	_, err := template.Render(text, values, time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC))
	var me *template.MissingError
	if !errors.As(err, &me) || !slices.Equal(me.Names, names) {
		t.Errorf("Render missing %v, Blanks %q: the two rules disagree", err, names)
	}
	if got := template.Blanks(fields, map[string]string{"customer_name": "A", "amount": "5", "ref": "x"}); len(got) != 0 {
		t.Errorf("a filled form has blanks %v", got)
	}
}
