package tone

import "strings"

// MaxUndo bounds how many rewrites History remembers.
const MaxUndo = 100

// History remembers the rewrites applied to a draft, so each can be undone.
// It is the tone screen's Ctrl+Z: an undo puts back the words the rewrite
// replaced, byte for byte, and keeps whatever the agent typed elsewhere
// since. The zero value is ready to use; it is not safe for use by several
// goroutines at once.
type History struct {
	steps []step
}

// step is one applied rewrite: the draft before and after it, and the
// words it swapped.
type step struct {
	before, after string
	at            int
	old, new      string
}

// Apply applies rw to draft and remembers it. When draft is no longer the
// text rw was made from, draft is returned unchanged and nothing is
// remembered.
func (h *History) Apply(draft string, rw Rewrite) string {
	if rw.Start < 0 || rw.End > len(draft) || rw.Start > rw.End || draft[:rw.Start]+rw.Text+draft[rw.End:] != rw.Result {
		return draft
	}
	h.steps = append(h.steps, step{before: draft, after: rw.Result, at: rw.Start, old: draft[rw.Start:rw.End], new: rw.Text})
	if len(h.steps) > MaxUndo {
		h.steps = h.steps[len(h.steps)-MaxUndo:]
	}
	return rw.Result
}

// Unchanged reports whether current is exactly the text the last rewrite
// left: nothing typed since.
func (h *History) Unchanged(current string) bool {
	return len(h.steps) > 0 && h.steps[len(h.steps)-1].after == current
}

// Len is how many rewrites can be undone.
func (h *History) Len() int { return len(h.steps) }

// Undo takes back the last rewrite from current, the draft as it is now.
// When current is the text the rewrite left, the result is the draft before
// it, byte for byte. When the agent has typed elsewhere since, the
// rewritten words are put back where they are and the typing stays. It
// reports false, changing nothing, when there is nothing to undo or the
// rewritten words have themselves been edited; the step is then dropped,
// as it can never apply again.
func (h *History) Undo(current string) (string, bool) {
	if len(h.steps) == 0 {
		return current, false
	}
	s := h.steps[len(h.steps)-1]
	h.steps = h.steps[:len(h.steps)-1]
	if current == s.after {
		return s.before, true
	}
	at := s.at
	if at+len(s.new) > len(current) || current[at:at+len(s.new)] != s.new {
		if strings.Count(current, s.new) != 1 {
			return current, false
		}
		at = strings.Index(current, s.new)
	}
	return current[:at] + s.old + current[at+len(s.new):], true
}

// Reset forgets every rewrite, for a new draft.
func (h *History) Reset() { h.steps = nil }
