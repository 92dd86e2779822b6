package textsearch

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

// agentVoice reports whether the words start as the agent asking what to
// do or say.
func agentVoice(words []queryWord) bool {
	for _, lead := range agentVoiceLeads {
		if len(words) <= len(lead) {
			continue
		}
		ok := true
		for i, w := range lead {
			if words[i].text != w {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// kindWeights are the score factors by facet value ("kind:matrix") for
// the plan's query, or nil when every kind counts the same.
func (p *plan) kindWeights() map[string]float64 {
	if !agentVoice(p.words) {
		return nil
	}
	return map[string]float64{"kind:matrix": agentVoiceMatrix}
}
