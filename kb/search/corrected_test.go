package search

import (
	"context"
	"testing"
)

// TestCorrectedQuery checks what the Find screen and `poise search` say
// about a corrected typo, and that real words are left alone.
func TestCorrectedQuery(t *testing.T) {
	ix := openBundled(t)
	tests := []struct{ text, want string }{
		{"really furous ", "really furious"},
		{"refnud ", "refund"},
		{"furious customer", ""},
		{"weeping ", ""},
		// The word shown is a word of the content, never a stem:
		// "threatning" once showed as "threat".
		{"threatning ", "threatening"},
		{"customer is threatning me", "customer is threatening me"},
		{"she was weeping on the phone ", ""},
		// A contraction is a word the person meant: "he'd" once read as
		// "held" in a crisis search.
		{"customer said he'd be better off dead", ""},
		{"she’d had enough ", ""},
	}
	for _, tt := range tests {
		res, err := ix.Search(context.Background(), Query{Text: tt.text, NoFacets: true})
		if err != nil {
			t.Fatal(err)
		}
		if res.Corrected != tt.want {
			t.Errorf("%q: corrected %q, want %q", tt.text, res.Corrected, tt.want)
		}
	}
}
