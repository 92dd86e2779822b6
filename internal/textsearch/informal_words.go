package textsearch

import "strings"

// informalWords are how agents type in a hurry mid-call, and how customers
// write in chat: contractions without the apostrophe, text-speak and
// short forms. Each is searched as the words it stands for, so "doesnt"
// is the stop word "doesn't" (not a typo of "doesn't" fixed to "does"),
// "u" is "you" and "pls" is "please" (a filler word, not a rare one).
// A word that is also a real word ("wont", "cant", "hes") is listed only
// when the contraction is by far the likelier meaning in a query.
var informalWords = map[string]string{
	// Contractions typed without the apostrophe.
	"dont": "don't", "doesnt": "doesn't", "didnt": "didn't", "cant": "can't",
	"cannot": "can't", "wont": "won't", "wouldnt": "wouldn't", "couldnt": "couldn't",
	"shouldnt": "shouldn't", "isnt": "isn't", "arent": "aren't", "wasnt": "wasn't",
	"werent": "weren't", "havent": "haven't", "hasnt": "hasn't", "hadnt": "hadn't",
	"aint": "isn't", "im": "i'm", "ive": "i've", "youre": "you're", "youve": "you've",
	"youll": "you'll", "youd": "you'd", "theyre": "they're", "theyve": "they've",
	"theyll": "they'll", "hes": "he's", "shes": "she's", "thats": "that's",
	"whats": "what's", "wheres": "where's", "whos": "who's", "theres": "there's",
	"hows": "how's", "weve": "we've", "itll": "it'll", "wouldve": "would've",
	"couldve": "could've", "shouldve": "should've", "hed": "he'd", "theyd": "they'd",
	// Text-speak.
	"u": "you", "ya": "you", "ur": "your", "r": "are", "y": "why", "n": "and",
	"pls": "please", "plz": "please", "pleeease": "please", "thx": "thanks",
	"thnx": "thanks", "ty": "thank you", "cuz": "because", "coz": "because",
	"cos": "because", "bc": "because", "b4": "before", "2day": "today",
	"gonna": "going to", "wanna": "want to", "gotta": "got to", "dunno": "don't know",
	"kinda": "kind of", "sorta": "sort of", "lemme": "let me", "gimme": "give me",
	"thru": "through", "tho": "though", "ppl": "people", "sth": "something",
	"smth": "something", "sb": "somebody", "ok": "okay", "k": "okay",
	// Short forms of the domain.
	"cust": "customer", "custs": "customers", "dept": "department",
	"depts": "departments", "mgr": "manager", "info": "information",
	"acct": "account", "acc": "account", "pwd": "password", "pw": "password",
	"msg": "message", "msgs": "messages", "txt": "text", "addr": "address",
	"appt": "appointment", "hrs": "hours", "hr": "hour", "mins": "minutes",
	"wk": "week", "wks": "weeks", "yr": "year", "yrs": "years", "mo": "month",
	"amt": "amount", "approx": "about", "pkg": "package",
}

// expandInformal is w as the words it stands for, or w itself.
func expandInformal(w string) []string {
	if full, ok := informalWords[w]; ok {
		return strings.Fields(full)
	}
	return []string{w}
}
