package placeholder

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// scanBytewise is Scan as it was before it passed over text to the next
// brace at once: byte by byte.
// Scan finds the placeholders of s. With single, {name} counts as a
// placeholder too (plain folders of macros); without it, {name} is reported
// as a likely typo for {{name}}. Spaces just inside the braces are allowed.
func scanBytewise(s string, single bool) ([]Token, []Problem) {
	var toks []Token
	var probs []Problem
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], "{{"):
			end, tok, prob := double(s, i)
			if prob != nil {
				probs = append(probs, *prob)
			} else {
				toks = append(toks, tok)
			}
			i = end
		case strings.HasPrefix(s[i:], "}}"):
			probs = append(probs, Problem{Start: i, End: i + 2, Text: "}}",
				Message: `"}}" has no matching "{{"; write a placeholder as {{name}}`})
			i += 2
		case s[i] == '{':
			j := strings.IndexAny(s[i+1:], "{}\n")
			if j < 0 || s[i+1+j] != '}' {
				i++
				continue
			}
			inner := strings.TrimSpace(s[i+1 : i+1+j])
			end := i + j + 2
			name := inner
			if !ValidName(inner) && !IsComputed(inner) {
				// Macros kept as notes name a field in words:
				// {brief description of fix}, {team/partner}.
				words, ok := wordsName(inner)
				if !single || !ok {
					i++
					continue
				}
				name = words
			}
			if single {
				toks = append(toks, Token{Start: i, End: end, Name: name, Computed: IsComputed(name)})
			} else {
				probs = append(probs, Problem{Start: i, End: end, Text: s[i:end],
					Message: fmt.Sprintf("%q has single braces; write {{%s}} to make it a placeholder", s[i:end], inner)})
			}
			i = end
		default:
			i++
		}
	}
	return toks, probs
}

// FuzzScanSkipsToBraces checks that Scan finds what reading byte by byte
// found, whatever the text.
func FuzzScanSkipsToBraces(f *testing.F) {
	for _, s := range []string{"{{a}} {b} }} {{", "x {brief description} y {{date+2d}}", "{\"json\": 1} }{ {{ a }}\n{{b", "é{{ü}}"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, single bool) {
		gotT, gotP := Scan(s, single)
		wantT, wantP := scanBytewise(s, single)
		if !reflect.DeepEqual(gotT, wantT) || !reflect.DeepEqual(gotP, wantP) {
			t.Fatalf("Scan(%q, %v) = %+v %+v, byte by byte %+v %+v", s, single, gotT, gotP, wantT, wantP)
		}
	})
}
