package placeholder

import (
	"testing"
	"time"
)

func TestScan(t *testing.T) {
	tests := []struct {
		in     string
		single bool
		names  string
		probs  int
	}{
		{"{{a}} {{b_2}} {{ c }}", false, "a b_2 c", 0},
		{"{{date}} {{date+2d}} {{date+1w}} {{date+48h}} {{time}}", false, "date date+2d date+1w date+48h time", 0},
		{"{a} {{b}}", true, "a b", 0},
		{"{a} {{b}}", false, "b", 1},
		{"{ not a name } {\"json\": 1}", false, "", 0},
		// Macros kept as notes name fields in words (single braces only).
		{"{brief description of fix} {team/partner} {Customer Name} {agent's name}", true, "brief_description_of_fix team_partner customer_name agents_name", 0},
		{"{a, b} {\"json\": 1} {x = 1} {café} {one two three four five six seven} {!}", true, "", 0},
		{"{{a}\n}}", false, "", 2},
		{"{{2fast}} {{date+0.5d}} {{date-1d}}", false, "", 3},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			toks, probs := Scan(tt.in, tt.single)
			var names string
			for i, tk := range toks {
				if i > 0 {
					names += " "
				}
				names += tk.Name
				if tt.in[tk.Start] != '{' || tt.in[tk.End-1] != '}' {
					t.Errorf("token %q spans %q", tk.Name, tt.in[tk.Start:tk.End])
				}
			}
			if names != tt.names || len(probs) != tt.probs {
				t.Errorf("Scan = %q with %d problems %v, want %q with %d", names, len(probs), probs, tt.names, tt.probs)
			}
		})
	}
}

func TestOffset(t *testing.T) {
	tests := []struct {
		name string
		d    time.Duration
		days int
		ok   bool
	}{
		{"date", 0, 0, true},
		{"date+3d", 0, 3, true},
		{"date+2w", 0, 14, true},
		{"date+24h", 24 * time.Hour, 0, true},
		{"date+3650d", 0, 3650, true},
		{"date+3651d", 0, 0, false},
		{"date+d", 0, 0, false},
		{"date+3y", 0, 0, false},
	}
	for _, tt := range tests {
		d, days, ok := Offset(tt.name)
		if d != tt.d || days != tt.days || ok != tt.ok {
			t.Errorf("Offset(%q) = %v, %d, %v; want %v, %d, %v", tt.name, d, days, ok, tt.d, tt.days, tt.ok)
		}
	}
}

func TestLabel(t *testing.T) {
	for name, want := range map[string]string{
		"customer_name": "Customer name", "date": "Today's date", "time": "Current time",
		"date+1w": "Date in 1 week", "date+3d": "Date in 3 days", "date+24h": "Date in 24 hours",
	} {
		if got := Label(name); got != want {
			t.Errorf("Label(%q) = %q, want %q", name, got, want)
		}
	}
}
