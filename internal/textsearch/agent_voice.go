package textsearch

import "slices"

// A query in the agent's own voice ("how do i say no nicely", "tell a
// customer we can't") asks what to do or say, not what the customer is
// going through. It shares words with the concern that describes a
// customer doing that thing: "say no" with a customer who says no to
// everything. Such a query weighs the concerns (the customer's side) a
// little less, so guidance and phrasing for the agent come first when
// both match; a concern that matches clearly still ranks.

// agentVoiceLeads are how a query in the agent's voice starts.
var agentVoiceLeads = [][]string{
	{"how", "do", "i"}, {"how", "do", "you"}, {"how", "to"}, {"how", "can", "i"},
	{"how", "should", "i"}, {"how", "would", "i"},
	{"what", "do", "i", "say"}, {"what", "do", "i", "tell"},
	{"what", "should", "i", "say"}, {"what", "should", "i", "tell"},
	{"what", "can", "i", "say"}, {"what", "to", "say"},
	{"best", "way", "to"}, {"a", "way", "to"}, {"ways", "to"}, {"tips", "for"},
	{"tell", "a", "customer"}, {"tell", "the", "customer"}, {"tell", "them"},
	{"telling", "a", "customer"}, {"telling", "the", "customer"},
}

// agentVoiceMatrix is what a concern's score is multiplied by for a query
// in the agent's voice.
const agentVoiceMatrix = 0.6

// agentVoice reports whether the words are the agent asking what to do or
// say: a lead above (anywhere for one that names the agent, "what do i
// tell them"; only at the start for "how to" and the like, which a
// customer says too), or the agent speaking of their own doing to the
// customer ("i messed up their order").
func agentVoice(words []queryWord) bool {
	if start, _ := agentLead(words); start >= 0 {
		return true
	}
	var i, them bool
	for _, w := range words {
		i = i || w.text == "i"
		them = them || w.text == "their" || w.text == "them"
	}
	return i && them
}

// agentLead is where the first lead of the agent's voice is in words,
// [start, end), or -1, -1. Its words frame the question ("how to say")
// and say nothing of what it is about: a section titled "How to say it"
// must not match them as a phrase.
func agentLead(words []queryWord) (start, end int) {
	for _, lead := range agentVoiceLeads {
		last := 0
		if slices.Contains(lead, "i") || slices.Contains(lead, "customer") {
			last = len(words) - len(lead) - 1
		}
		for at := 0; at <= last; at++ {
			if hasLead(words, at, lead) {
				return at, at + len(lead)
			}
		}
	}
	return -1, -1
}

// inLead reports whether words [i, j) start within the query's lead and
// add to it only stop and light words ("how to say"): the frame of the
// question, not what it is about.
func (p *plan) inLead(i, j int) bool {
	start, end := agentLead(p.words)
	if start < 0 || i < start || i >= end {
		return false
	}
	for k := end; k < j; k++ {
		if w := p.words[k]; w.stem != "" && w.weight >= informative {
			return false
		}
	}
	return true
}

// hasLead reports whether lead is at words[at:], with a word after it.
func hasLead(words []queryWord, at int, lead []string) bool {
	if at+len(lead) >= len(words) {
		return false
	}
	for i, w := range lead {
		if words[at+i].text != w {
			return false
		}
	}
	return true
}

// kindWeights are the score factors by facet value ("kind:matrix") for
// the plan's query, or nil when every kind counts the same.
func (p *plan) kindWeights() map[string]float64 {
	var w map[string]float64
	if agentVoice(p.words) {
		w = map[string]float64{"kind:matrix": agentVoiceMatrix}
	}
	for _, k := range namedKinds(p.words) {
		if w == nil {
			w = map[string]float64{}
		}
		w[k] = kindNamed
	}
	return w
}
