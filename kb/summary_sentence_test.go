package kb

import "testing"

// firstSentenceWhole is firstSentenceOf as it was: all of s made one line,
// then its first sentence found.
func firstSentenceWhole(s string) string {
	t := oneLine(s)
	for i := 0; i < len(t)-1; i++ {
		if (t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i+1] == ' ' && i > 20 {
			return t[:i+1]
		}
	}
	return t
}

// FuzzFirstSentence checks that reading a paragraph a word at a time finds
// the first sentence that making it one line first found.
func FuzzFirstSentence(f *testing.F) {
	for _, s := range []string{
		"Short. Then a much longer second sentence follows here. And a third.",
		"  A first sentence long enough to count.  Two spaces\nand a line break. End",
		"No sentence end at all in this rather long line of words",
		"Ends with a stop past twenty bytes but nothing after it.", "x.\u00a0y z a b c d e f g h i j k. l",
		"Tabs\tand\u2003em spaces, and é accents, long enough! Then more? yes", "", "   ", "a\xffb c. d e f g h i j k l m. n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := firstSentenceOf(s), firstSentenceWhole(s); got != want {
			t.Fatalf("firstSentenceOf(%q) = %q, made one line first %q", s, got, want)
		}
	})
}
