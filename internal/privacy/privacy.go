// Package privacy spots a customer's personal data in free text (e-mail
// addresses, phone numbers, card and account numbers) so the journal can
// offer to mask it before an entry is saved, and the search gap log and
// summary exports can mask it before anything is stored or shared. It is
// shared by kb and journal, so it belongs to neither. It errs towards
// asking: a false alarm costs a click, a missed card number sits in the
// journal.
package privacy

import (
	"math/big"
	"regexp"
	"slices"
	"strings"
)

// Kind is what sort of personal data a finding is.
type Kind string

// The kinds of personal data the guard spots.
const (
	Email   Kind = "email"
	Phone   Kind = "phone"
	Card    Kind = "card"
	Account Kind = "account"
)

// Finding is one piece of personal data in a text.
type Finding struct {
	Kind Kind
	// Start and End are byte offsets into the text: text[Start:End].
	Start, End int
	Text       string
	// Mask is what the finding becomes when masked, keeping just enough
	// (a domain, the last digits) for the agent to recognise it later.
	Mask string
}

var (
	emailRe = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)
	// numberRe is a run of digits that may be broken by spaces, dashes,
	// dots, slashes or brackets, as people write phone and card numbers.
	numberRe = regexp.MustCompile(`\+?\(?\d(?:[\d().\-/ ]*\d)?`)
	ibanRe   = regexp.MustCompile(`\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b`)
	dateRe   = regexp.MustCompile(`^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$`)
	// accountWords are what people write just before an account number.
	accountRe = regexp.MustCompile(`(?i)(?:account|acct|a/c|iban|member(?:ship)?|customer|policy|contract|reference|ref)\.?\s*(?:no\.?|number|num|#|id)?\s*:?\s*$`)
)

// Find returns the personal data in text, in order, without overlaps.
func Find(text string) []Finding {
	var out []Finding
	taken := func(s, e int) bool {
		for _, f := range out {
			if s < f.End && f.Start < e {
				return true
			}
		}
		return false
	}
	add := func(k Kind, s, e int) {
		if !taken(s, e) {
			out = append(out, Finding{Kind: k, Start: s, End: e, Text: text[s:e], Mask: mask(k, text[s:e])})
		}
	}
	for _, m := range emailRe.FindAllStringIndex(text, -1) {
		add(Email, m[0], m[1])
	}
	for _, m := range ibanRe.FindAllStringIndex(text, -1) {
		if validIBAN(text[m[0]:m[1]]) {
			add(Account, m[0], m[1])
		}
	}
	for _, m := range numberRe.FindAllStringIndex(text, -1) {
		s, e := m[0], m[1]
		raw := strings.TrimRight(text[s:e], " ")
		e = s + len(raw)
		d := digits(raw)
		switch {
		case dateRe.MatchString(raw):
		case len(d) >= 13 && len(d) <= 19 && luhn(d):
			add(Card, s, e)
		case len(d) >= 6 && accountRe.MatchString(text[max(0, s-30):s]):
			add(Account, s, e)
		case len(d) >= 7 && len(d) <= 15 && looksLikePhone(raw):
			add(Phone, s, e)
		case len(d) >= 8 && !strings.ContainsAny(raw, " ./()-"):
			// A long bare number is an account or order number more often
			// than anything else an agent writes down.
			add(Account, s, e)
		}
	}
	slices.SortFunc(out, func(a, b Finding) int { return a.Start - b.Start })
	return out
}

// looksLikePhone accepts what people write as phone numbers: a leading +,
// or groups split by spaces, dashes, dots or brackets, or 7 to 12 bare
// digits; not a time or a money amount.
func looksLikePhone(raw string) bool {
	if strings.HasPrefix(raw, "+") || strings.ContainsAny(raw, "() -") {
		return true
	}
	return !strings.Contains(raw, ".") && len(raw) <= 12
}

func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// luhn is the card-number checksum, so that order numbers of 16 digits are
// not taken for cards nine times out of ten.
func luhn(d string) bool {
	sum := 0
	for i := range len(d) {
		n := int(d[len(d)-1-i] - '0')
		if i%2 == 1 {
			n *= 2
			if n > 9 {
				n -= 9
			}
		}
		sum += n
	}
	return sum%10 == 0
}

func validIBAN(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	s = s[4:] + s[:4]
	var num strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			num.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			num.WriteString(big.NewInt(int64(r - 'A' + 10)).String())
		default:
			return false
		}
	}
	n, ok := new(big.Int).SetString(num.String(), 10)
	return ok && new(big.Int).Mod(n, big.NewInt(97)).Int64() == 1
}

func mask(k Kind, s string) string {
	switch k {
	case Email:
		return "•••@" + s[strings.LastIndexByte(s, '@')+1:]
	case Phone:
		d := digits(s)
		return "[phone •••" + d[len(d)-2:] + "]"
	case Card:
		d := digits(s)
		return "[card •••• " + d[len(d)-4:] + "]"
	}
	d := strings.ReplaceAll(s, " ", "")
	return "[account •••• " + d[max(0, len(d)-4):] + "]"
}

// Mask returns text with every finding replaced by its mask.
func Mask(text string, fs []Finding) string {
	var b strings.Builder
	last := 0
	for _, f := range fs {
		if f.Start < last || f.End > len(text) {
			continue
		}
		b.WriteString(text[last:f.Start])
		b.WriteString(f.Mask)
		last = f.End
	}
	b.WriteString(text[last:])
	return b.String()
}
