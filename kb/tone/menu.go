package tone

import "regexp"

// menuRE finds the ways a reply offers the customer a choice. The pack's own
// practice is to make one clear offer first and keep the alternatives for
// when it is declined, because a list of options hands the decision, and the
// work, back to someone who is already upset.
var menuRE = regexp.MustCompile(`(?i)` +
	`\beither\b[^.?!]*\bor\b` +
	`|\b(would|do) you (like|prefer|want|rather)\b[^.?!]*\bor\b` +
	`|\bor would you\b` +
	`|\bor (i|we) (can|could)\b` +
	`|\bor,? if you(['’]d| would) (rather|prefer)\b` +
	`|\bif you(['’]d| would) (rather|prefer)\b` +
	`|\bwhich (would you|do you|one)\b` +
	`|\b(your|two|three|a few|some|the) (options|choices) (are|is)\b` +
	`|\byou (can|could) (choose|pick)\b` +
	`|\bchoose between\b` +
	`|\bor alternatively\b`)

// OffersMenu reports whether say offers the customer a choice of things
// instead of one, and returns the words that do.
func OffersMenu(say string) (string, bool) {
	m := menuRE.FindString(say)
	return m, m != ""
}
