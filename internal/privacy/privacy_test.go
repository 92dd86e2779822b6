package privacy

import (
	"reflect"
	"testing"
)

func TestFind(t *testing.T) {
	tests := []struct {
		name, text string
		want       []Kind
		masked     string
	}{
		{"email", "she wrote from jane.doe+shop@mail.example.co.uk today", []Kind{Email}, "she wrote from •••@mail.example.co.uk today"},
		{"international phone", "call back on +44 20 7946 0958 please", []Kind{Phone}, "call back on [phone •••58] please"},
		{"dashed phone", "number 555-867-5309.", []Kind{Phone}, "number [phone •••09]."},
		{"card with spaces", "card 4111 1111 1111 1111 declined", []Kind{Card}, "card [card •••• 1111] declined"},
		{"card digits only", "4012888888881881", []Kind{Card}, "[card •••• 1881]"},
		{"not a card: fails Luhn", "order 4111111111111112", []Kind{Account}, "order [account •••• 1112]"},
		{"account after a word", "account no: 12-34-56 78901234", []Kind{Account}, "account no: [account •••• 1234]"},
		{"iban", "IBAN GB82 WEST 1234 5698 7654 32 on file", []Kind{Account}, "IBAN [account •••• 5432] on file"},
		{"dates are not numbers", "on 2026-11-24 and 24.11.2026 at 14:05", nil, "on 2026-11-24 and 24.11.2026 at 14:05"},
		{"small numbers stay", "waited 45 minutes, 3 calls, £120.50", nil, "waited 45 minutes, 3 calls, £120.50"},
		{"several", "mail a@b.io or ring 07700 900123", []Kind{Email, Phone}, "mail •••@b.io or ring [phone •••23]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Find(tt.text)
			var kinds []Kind
			for _, f := range fs {
				kinds = append(kinds, f.Kind)
				if tt.text[f.Start:f.End] != f.Text {
					t.Errorf("span %d:%d is %q, Text %q", f.Start, f.End, tt.text[f.Start:f.End], f.Text)
				}
			}
			if !reflect.DeepEqual(kinds, tt.want) {
				t.Errorf("Find(%q) kinds = %v, want %v (%+v)", tt.text, kinds, tt.want, fs)
			}
			if got := Mask(tt.text, fs); got != tt.masked {
				t.Errorf("Mask = %q, want %q", got, tt.masked)
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	f.Add("card 4111 1111 1111 1111 and a@b.io, +1 (555) 010-9999, GB82 WEST 1234 5698 7654 32")
	f.Fuzz(func(t *testing.T, s string) {
		fs := Find(s)
		last := 0
		for _, fd := range fs {
			if fd.Start < last || fd.End > len(s) || fd.Start >= fd.End {
				t.Fatalf("bad span %+v in %q", fd, s)
			}
			last = fd.End
		}
		_ = Mask(s, fs)
	})
}
