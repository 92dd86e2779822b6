package pattern

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func words(toks []Token) string {
	var w []string
	for _, t := range toks {
		s := t.Word
		if t.Break {
			s = "|" + s
		}
		w = append(w, s)
	}
	return strings.Join(w, " ")
}

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"I can't", "i can not"},
		{"I CANNOT", "i can not"},
		{"we won’t, they don't", "we will not they do not"},
		{"it's, I'm, we're, you've, she'll, he'd, let's", "it is i am we are you have she will he would let us"},
		{"'quoted' o'clock", "quoted o'clock"},
		{"One. Two! three\n\nfour\nfive", "one |two |three |four five"},
		{"Café déjà-vu", "café déjà vu"},
		{"\xff bad \xfe", "bad"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := words(Tokenize(tt.in)); got != tt.want {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenizeSpans(t *testing.T) {
	s := "Sorry, I can’t."
	toks := Tokenize(s)
	if got := s[toks[2].Start:toks[3].End]; got != "can’t" {
		t.Errorf("can't spans %q, want the written word", got)
	}
}

func seqs(ss []Seq) []string {
	var out []string
	for _, s := range ss {
		var w []string
		for _, e := range s {
			x := e.Word
			if e.Wild {
				x += "*" + e.Suffix
			}
			w = append(w, x)
		}
		out = append(out, strings.Join(w, " "))
	}
	return out
}

func TestCompile(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"can't do that", []string{"can not do that"}},
		{"(that's|it's) [our|the] policy", []string{"that is policy", "that is our policy", "that is the policy", "it is policy", "it is our policy", "it is the policy"}},
		{"unfortunate*", []string{"unfortunate*"}},
		{"authori*ed", []string{"authori*ed"}},
		{"I can't do that.", []string{"i can not do that"}},
		{"(no (way|chance)|never)", []string{"no way", "no chance", "never"}},
		{"a|b", []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Compile(tt.in)
			if err != nil {
				t.Fatalf("Compile: %v", err)
			}
			if !reflect.DeepEqual(seqs(got), tt.want) {
				t.Errorf("Compile(%q) = %q, want %q", tt.in, seqs(got), tt.want)
			}
		})
	}
}

func TestCompileErrors(t *testing.T) {
	tests := []struct{ in, says string }{
		{"(a|b", "never closes"},
		{"a)", "no opening bracket"},
		{"[a", "never closes"},
		{"()", "empty choice"},
		{"(a|)", "empty choice"},
		{"[optional]", "nothing at all"},
		{"*", "no word before it"},
		{"a*b*c", "more than one *"},
		{"…", "nothing at all"},
		{strings.Repeat("(a|b|c|d) ", 6), "too many combinations"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := Compile(tt.in)
			if !errors.Is(err, ErrPattern) || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("Compile(%q) error = %v, want one saying %q", tt.in, err, tt.says)
			}
		})
	}
}

func TestElemMatch(t *testing.T) {
	e := Elem{Word: "authori", Wild: true, Suffix: "ed"}
	for w, want := range map[string]bool{"authorised": true, "authorized": true, "authority": false, "authori": false} {
		if e.Match(w) != want {
			t.Errorf("%v.Match(%q) = %v, want %v", e, w, !want, want)
		}
	}
}
